// The diagnosis of an infeasible selection (SPEC §7): the counting pre-checks that fail, or else the
// irreducible sets of conflicting rules; the smallest repair with alternatives; and, when asked, the
// best panel under the chosen repair.

public struct ConflictReport: Sendable {
    /// Labels of the rules of one conflicting set.
    public var rules: [String]
    public var message: String
}

public struct Diagnosis: Sendable {
    public var conflicts: [ConflictReport]
    public var repairs: [Repair]
    /// The best panel once the first repair is applied (with `repair: true`).
    public var repaired: SelectionResult?
}

public enum Diagnoser {
    public static func diagnose(_ result: SelectionResult, repair: Bool = false, limit: Int = 5) throws -> Diagnosis {
        let context = SelectionContext(result.input, seed: result.seed)
        var conflicts: [ConflictReport] = result.preCheckFailures.map { ConflictReport(rules: $0.rules, message: $0.message) }
        var repairs: [Repair] = []
        for model in Selector.models(context, mode: result.mode) {
            let failed = !PreCheck.run(input: context.input, standings: context.standings, quotaRows: model.quotaRows, groups: model.groups).isEmpty
            if !failed {
                let finder = try ConflictFinder(model: model, nominees: context.input.nominees)
                let found = try finder.conflicts(limit: limit)
                if found.isEmpty { continue } // this part of the body can be filled
                conflicts += found.map { ConflictReport(rules: $0.labels, message: $0.message) }
            }
            let modelRepairs = try RepairSolver.repairs(model: model, quotaRows: context.quotaRows)
            if modelRepairs.isEmpty {
                conflicts.append(ConflictReport(rules: model.program.rows.filter { if case .seats = $0.origin { return true } else { return false } }.map(\.label),
                                                message: "no relaxation of the soft quotas helps\(model.groups.count == 1 ? " in \(model.groups[0])" : ""): the seats, hard quotas and fixed members conflict by themselves"))
            }
            repairs = merge(repairs, modelRepairs)
        }
        var repaired: SelectionResult?
        if repair, let first = repairs.first {
            var adjusted = context
            for step in first.steps {
                if step.bound == "min" { adjusted.quotaRows[step.quotaRow].min = step.to } else { adjusted.quotaRows[step.quotaRow].max = step.to }
            }
            adjusted.notes.append("panel under the repair: " + first.steps.map { "\($0.rule): \($0.bound) \($0.from) → \($0.to)" }.joined(separator: "; "))
            repaired = try Selector.run(context: adjusted, mode: result.mode, deadline: nil)
        }
        return Diagnosis(conflicts: conflicts, repairs: repairs, repaired: repaired)
    }

    /// Independent mode repairs each group separately: combine them step-wise into whole-body repairs.
    private static func merge(_ a: [Repair], _ b: [Repair]) -> [Repair] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return (0..<max(a.count, b.count)).map { k in Repair(steps: a[min(k, a.count - 1)].steps + b[min(k, b.count - 1)].steps) }
    }
}
