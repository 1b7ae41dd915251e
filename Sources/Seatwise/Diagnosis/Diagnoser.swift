// The diagnosis of an infeasible selection (docs/guide/impossible-rules.md, "Infeasible policies"): the counting pre-checks that fail, or else the
// irreducible sets of conflicting rules; the smallest repair with alternatives, offered only when it
// makes every part of the body fillable; and, when asked, the best panel under the chosen repair. It
// works on the rules the result was solved under, within the round's budget.

public struct ConflictReport: Sendable {
    /// The rules of one conflicting set.
    public var rules: [Message]
    public var message: Message
    /// The same rules by what they are.
    public var references: [RuleReference] = []
    /// The rules in the report's words.
    public var labels: [String] { rules.map(\.description) }
}

public struct Diagnosis: Sendable {
    public var conflicts: [ConflictReport]
    public var repairs: [Repair]
    /// The best panel once the first repair is applied (with `repair: true`).
    public var repaired: SelectionResult?
    /// What the budget did not allow, or why no repair is offered.
    public var notes: [Message] = []
    /// The explanations of the panel under the repair, made under the repaired rules (when asked).
    public var repairedExplanations: ExplanationReport?
    /// Why the smallest repair is as large as it is: for a step that moves a bound further than the
    /// conflicts explain, the rules that still conflict one seat short of it (the other steps applied).
    /// Not conflicts of the policy as written, so listed apart from them.
    public var repairSize: [ConflictReport] = []
}

public enum Diagnoser {
    public static func diagnose(_ result: SelectionResult, repair: Bool = false, limit: Int = 5,
                                budget: SolveBudget = .unlimited) throws -> Diagnosis {
        try result.context.backend.prepareThread(budget)
        let context = result.context
        var conflicts: [ConflictReport] = result.preCheckFailures.map { ConflictReport(rules: $0.rules, message: $0.message, references: $0.references) }
        var notes: [Message] = []
        // Per part of the body that cannot be filled: its repairs. Any part without one means no repair.
        var parts: [[Repair]] = []
        var repairable = true
        for model in context.models(mode: result.mode) {
            try budget.checkCancelled()
            let scope: MessageValue = result.mode == .independent ? .list(model.groups.map(MessageValue.text)) : Message.part(.theBody)
            let failed = !PreCheck.run(input: context.input, standings: context.standings, quotaRows: model.quotaRows, groups: model.groups).isEmpty
            if !failed {
                let search = try ConflictFinder(model: model, nominees: context.input.nominees).conflicts(limit: limit, budget: budget)
                if !search.finished {
                    notes.append(Message(search.conflicts.isEmpty ? .noteConflictSearchCutNone : .noteConflictSearchCutMore, ["scope": scope]))
                }
                if search.finished && search.conflicts.isEmpty { continue } // this part of the body can be filled
                conflicts += search.conflicts.map { conflict in
                    let rows = (conflict.rows + conflict.hardRows).map { RuleReference.row($0, of: model) }
                    let fixed = conflict.fixedColumns.map { j in
                        RuleReference.fixed(context.input.nominees[model.columns[j]].id, value: model.program.variables[j].lower)
                    }
                    return ConflictReport(rules: conflict.rules, message: conflict.message, references: rows + fixed)
                }
            }
            switch try RepairSolver.repairs(model: model, quotaRows: context.quotaRows, budget: budget) {
            case .found(let found): parts.append(found)
            case .impossible:
                repairable = false
                let seats = model.program.rows.indices.filter { if case .seats = model.program.rows[$0].origin { return true } else { return false } }
                // A statement about the hard rules together, not an irreducible set: no references to rebuild.
                conflicts.append(ConflictReport(rules: seats.map { .rule(model.program.rows[$0].label) }, message: Message(.conflictSoftCannotHelp, ["scope": scope])))
            case .unknown:
                repairable = false
                notes.append(Message(.noteRepairSearchCut, ["scope": scope]))
            }
        }
        let repairs = repairable ? merge(parts) : []
        var repairSize: [ConflictReport] = []
        if !repairable && !parts.isEmpty {
            notes.append(Message(.noteNoRepairFillable))
        }
        if let first = repairs.first {
            // At most ten seconds (within the round's own budget): on a large body this is a search of its own.
            let cap = Deadline.now() + Self.sizeSearchSeconds
            let sized = SolveBudget(deadline: min(budget.deadline ?? cap, cap), cancellation: budget.cancellation, memoryLimit: budget.memoryLimit)
            let (found, finished) = try sizeConflicts(first, context: context, mode: result.mode, known: conflicts, budget: sized)
            repairSize = found
            if !finished { notes.append(Message(.noteRepairSizeCut, ["seconds": .number(Int(Self.sizeSearchSeconds))])) }
        }
        var repaired: SelectionResult?
        if repair, let first = repairs.first {
            if budget.isExpired {
                notes.append(Message(.noteRepairPanelCut))
            } else {
                do {
                    repaired = try SelectionSolver.run(context: context.applying(first), mode: result.mode, budget: budget)
                } catch SolverError.noAnswer(let message) where budget.isExpired {
                    notes.append(Message(.noteRepairPanelCutDetail, ["detail": .text(message)]))
                }
            }
        }
        var diagnosis = Diagnosis(conflicts: conflicts, repairs: repairs, repaired: repaired, notes: notes)
        diagnosis.repairSize = repairSize
        return diagnosis
    }

    /// How long the search for the rules that set a repair's size may take.
    static let sizeSearchSeconds = 10.0

    /// The rules that set a repair's size: for each step that moves a bound by more than one seat, the
    /// rules that still conflict with the bound one seat short of the repair (every other step applied).
    /// A conflict of the same rules as one already listed (its bounds moved) explains nothing new and is
    /// left out; so is anything the budget cuts short.
    static func sizeConflicts(_ repair: Repair, context: SelectionContext, mode: SelectionMode, known: [ConflictReport],
                              budget: SolveBudget) throws -> (found: [ConflictReport], finished: Bool) {
        var found: [ConflictReport] = []
        for (k, step) in repair.steps.enumerated() where abs(step.to - step.from) > 1 {
            guard !budget.isExpired else { return (found, false) }
            var short = repair
            short.steps[k].to = step.to + (step.to > step.from ? -1 : 1)
            let shortContext = context.applying(short)
            func lead(_ detail: Message) -> Message {
                Message(.conflictRepairSize, ["rule": .text(step.rule), "bound": .text(step.bound.rawValue), "value": .number(short.steps[k].to),
                                              "detail": .message(detail)])
            }
            for model in shortContext.models(mode: mode) {
                let failures = PreCheck.run(input: shortContext.input, standings: shortContext.standings, quotaRows: model.quotaRows, groups: model.groups)
                var reports = failures.map { ConflictReport(rules: $0.rules, message: lead($0.message), references: $0.references) }
                if failures.isEmpty {
                    let search = try ConflictFinder(model: model, nominees: shortContext.input.nominees).conflicts(limit: 1, budget: budget)
                    if !search.finished { return (found, false) }
                    reports = search.conflicts.map { conflict in
                        let rows = (conflict.rows + conflict.hardRows).map { RuleReference.row($0, of: model) }
                        let fixed = conflict.fixedColumns.map { j in
                            RuleReference.fixed(shortContext.input.nominees[model.columns[j]].id, value: model.program.variables[j].lower)
                        }
                        return ConflictReport(rules: conflict.rules, message: lead(Message(.conflictStill, ["conflict": .message(conflict.message)])),
                                              references: rows + fixed)
                    }
                }
                // Rules compared by what they are, whatever their bounds (a repair moves the bounds) and
                // however many fixed members the count needs.
                let rules = { (report: ConflictReport) in Set(report.references.filter { $0.kind != .fixed }.map(\.rule)) }
                // (A report that names no rule, such as "the hard rules conflict by themselves", matches none.)
                let seen = (known + found).map(rules).filter { !$0.isEmpty }
                for report in reports where rules(report).isEmpty || !seen.contains(rules(report)) { found.append(report) }
            }
        }
        return (found, true)
    }

    /// Independent mode repairs each group separately: combine them step-wise into whole-body repairs
    /// (the k-th of each, or a group's last when it has fewer), so every repair fixes every group.
    static func merge(_ parts: [[Repair]]) -> [Repair] {
        guard let longest = parts.map(\.count).max(), longest > 0, parts.allSatisfy({ !$0.isEmpty }) else { return [] }
        var repairs: [Repair] = []
        for k in 0..<longest {
            let repair = Repair(steps: parts.flatMap { $0[min(k, $0.count - 1)].steps })
            if !repairs.contains(repair) { repairs.append(repair) }
        }
        return repairs
    }
}
