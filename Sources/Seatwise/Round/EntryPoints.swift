// The library's main entry points as methods on the values a user holds: an input makes a round, a
// round solves, a result explains and diagnoses itself under the rules it was solved under.

extension SelectionInput {
    /// A round on this input (see `Round`).
    public func round(mode: SelectionMode = .coordinated, seed: UInt64? = nil, adjustments: [Adjustment] = []) -> Round {
        Round(input: self, mode: mode, seed: seed, adjustments: adjustments)
    }
}

extension SelectionResult {
    /// Every decision explained (or one, with `options.nominee`), under this result's rules.
    public func explanations(_ options: ExplanationOptions = ExplanationOptions()) throws -> ExplanationReport {
        try Explainer.explain(self, options: options)
    }

    /// For an infeasible result: the conflicting rules, the smallest repair and (with `repair`) the
    /// best panel under it.
    public func diagnosis(repair: Bool = false, budget: SolveBudget = .unlimited) throws -> Diagnosis {
        try Diagnoser.diagnose(self, repair: repair, budget: budget)
    }
}
