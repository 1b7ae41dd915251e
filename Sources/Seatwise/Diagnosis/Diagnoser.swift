// The diagnosis of an infeasible selection (SPEC §7): the counting pre-checks that fail, or else the
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
}

public enum Diagnoser {
    public static func diagnose(_ result: SelectionResult, repair: Bool = false, limit: Int = 5,
                                budget: SolveBudget = .unlimited) throws -> Diagnosis {
        try solverBackend.prepareThread(budget)
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
        if !repairable && !parts.isEmpty {
            notes.append("no repair is offered: a repair of the quotas alone cannot make every group fillable")
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
        return Diagnosis(conflicts: conflicts, repairs: repairs, repaired: repaired, notes: notes)
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
