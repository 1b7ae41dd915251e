// A given panel checked against a round's rules without a solver: every row of the mode's models
// evaluated at the panel (seats, quotas, fixed members), and its score under the policy's objective.
// `verify` uses it on a published panel, so a panel that breaks a rule or is beaten is named.

enum PanelCheck {
    /// The rules the panel breaks, in words: a nominee seated who is fixed out, one not seated who is
    /// fixed in, a group's seats, a quota row's bounds.
    static func broken(_ panel: [Int], context: SelectionContext, mode: SelectionMode) -> [String] {
        let seated = Set(panel)
        var out: [String] = []
        for model in context.models(mode: mode) {
            let x = model.columns.map { seated.contains($0) ? 1 : 0 }
            for (j, variable) in model.program.variables.enumerated() where x[j] < variable.lower || x[j] > variable.upper {
                out.append(x[j] == 1 ? "\(variable.label) is seated but cannot be" : "\(variable.label) must be seated and is not")
            }
            for row in model.program.rows {
                let activity = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable] }
                let (lower, upper) = row.bounds
                if let lower, activity < lower { out.append("\(row.label): \(activity), below \(lower)") }
                if let upper, activity > upper { out.append("\(row.label): \(activity), above \(upper)") }
            }
        }
        let inModels = Set(context.models(mode: mode).flatMap(\.columns))
        for i in panel where !inModels.contains(i) {
            let n = context.input.nominees[i]
            out.append("\(n.name) [\(n.id)] is in a group with no seats (\(n.group))")
        }
        return out
    }

    /// The panel's score under the policy's objective, on the whole body's model (in independent mode,
    /// each group's optimum sums to the body's: a rank sum adds, and so do the counts at each rank level).
    static func score(_ panel: [Int], context: SelectionContext) -> PanelScore {
        let seated = Set(panel)
        let model = context.model(groups: context.input.policy.groups, rows: [])
        return PanelScore(model: model, panel: model.columns.map { seated.contains($0) })
    }

    static func words(_ score: PanelScore, _ result: SelectionResult) -> String {
        switch result.objective {
        case .rankSum, .lottery: return "rank sum \(score.values.first ?? 0)"
        case .lexicographic: return "seated per rank level " + score.values.map { String(-$0) }.joined(separator: ", ")
        }
    }
}
