// The diagnosis of an infeasible selection (README, "Infeasible policies"): the counting pre-checks that fail, or else the
// irreducible sets of conflicting rules; the smallest repair with alternatives, offered only when it
// makes every part of the body fillable; and, when asked, the best panel under the chosen repair. It
// works on the rules the result was solved under, within the round's budget.

public struct ConflictReport: Sendable {
    /// Labels of the rules of one conflicting set.
    public var rules: [String]
    public var message: String
    /// The same rules by what they are (empty for a counting pre-check).
    public var references: [RuleReference] = []
}

public struct Diagnosis: Sendable {
    public var conflicts: [ConflictReport]
    public var repairs: [Repair]
    /// The best panel once the first repair is applied (with `repair: true`).
    public var repaired: SelectionResult?
    /// What the budget did not allow, or why no repair is offered, in words.
    public var notes: [String] = []
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
        var conflicts: [ConflictReport] = result.preCheckFailures.map { ConflictReport(rules: $0.rules, message: $0.message) }
        var notes: [String] = []
        // Per part of the body that cannot be filled: its repairs. Any part without one means no repair.
        var parts: [[Repair]] = []
        var repairable = true
        for model in context.models(mode: result.mode) {
            try budget.checkCancelled()
            let scope = result.mode == .independent ? model.groups.joined(separator: ", ") : "the body"
            let failed = !PreCheck.run(input: context.input, standings: context.standings, quotaRows: model.quotaRows, groups: model.groups).isEmpty
            if !failed {
                let search = try ConflictFinder(model: model, nominees: context.input.nominees).conflicts(limit: limit, budget: budget)
                if !search.finished {
                    notes.append("the time limit ended the search for conflicting rules in \(scope)\(search.conflicts.isEmpty ? " before any was found" : "; more may exist")")
                }
                if search.finished && search.conflicts.isEmpty { continue } // this part of the body can be filled
                conflicts += search.conflicts.map { conflict in
                    let rows = (conflict.rows + conflict.hardRows).map { RuleReference.row($0, of: model) }
                    let fixed = conflict.fixedColumns.map { j in
                        RuleReference.fixed(context.input.nominees[model.columns[j]].id, value: model.program.variables[j].lower)
                    }
                    return ConflictReport(rules: conflict.labels, message: conflict.message, references: rows + fixed)
                }
            }
            switch try RepairSolver.repairs(model: model, quotaRows: context.quotaRows, budget: budget) {
            case .found(let found): parts.append(found)
            case .impossible:
                repairable = false
                let seats = model.program.rows.filter { if case .seats = $0.origin { return true } else { return false } }.map(\.label)
                conflicts.append(ConflictReport(rules: seats, message: "no relaxation of the soft quotas helps in \(scope): the seats, hard quotas and fixed members conflict by themselves"))
            case .unknown:
                repairable = false
                notes.append("the time limit ended the search for a repair in \(scope), so no repair is offered")
            }
        }
        let repairs = repairable ? merge(parts) : []
        var repairSize: [ConflictReport] = []
        if !repairable && !parts.isEmpty {
            notes.append("no repair is offered: a repair of the quotas alone cannot make every group fillable")
        }
        if let first = repairs.first {
            // At most ten seconds (within the round's own budget): on a large body this is a search of its own.
            let cap = Deadline.now() + Self.sizeSearchSeconds
            let sized = SolveBudget(deadline: min(budget.deadline ?? cap, cap), cancellation: budget.cancellation, memoryLimit: budget.memoryLimit)
            let (found, finished) = try sizeConflicts(first, context: context, mode: result.mode, known: conflicts, budget: sized)
            repairSize = found
            if !finished { notes.append("the search for the rules that set the repair's size was cut short (\(Int(Self.sizeSearchSeconds)) seconds); the repair itself is proved") }
        }
        var repaired: SelectionResult?
        if repair, let first = repairs.first {
            if budget.isExpired {
                notes.append("the time limit ended before the panel under the repair was chosen")
            } else {
                do {
                    repaired = try SelectionSolver.run(context: context.applying(first), mode: result.mode, budget: budget)
                } catch SolverError.noAnswer(let message) where budget.isExpired {
                    notes.append("the time limit ended before the panel under the repair was chosen (\(message))")
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
            let lead = "\(step.rule) would have to move further than the conflicts above explain: with its \(step.bound.rawValue) at \(short.steps[k].to), "
            for model in shortContext.models(mode: mode) {
                let failures = PreCheck.run(input: shortContext.input, standings: shortContext.standings, quotaRows: model.quotaRows, groups: model.groups)
                var reports = failures.map { ConflictReport(rules: $0.rules, message: lead + $0.message) }
                if failures.isEmpty {
                    let search = try ConflictFinder(model: model, nominees: shortContext.input.nominees).conflicts(limit: 1, budget: budget)
                    if !search.finished { return (found, false) }
                    reports = search.conflicts.map { conflict in
                        let rows = (conflict.rows + conflict.hardRows).map { RuleReference.row($0, of: model) }
                        return ConflictReport(rules: conflict.labels, message: lead + "these rules still conflict: " + conflict.message, references: rows)
                    }
                }
                // Rules compared by what they are, not by their labels (which state the moved bounds).
                let rule = { (label: String, rows: [QuotaRow]) in rows.firstIndex { $0.label == label }.map { "row \($0)" } ?? label }
                let seen = (known.map { Set($0.rules.map { rule($0, context.quotaRows) }) } + found.map { Set($0.rules.map { rule($0, shortContext.quotaRows) }) })
                for report in reports where !seen.contains(Set(report.rules.map { rule($0, shortContext.quotaRows) })) { found.append(report) }
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
