// How good a panel is under the policy's objective, as a vector compared lexicographically (smaller is
// better), and how much worse one panel is than another in the objective's own units.

public struct PanelScore: Sendable, Equatable, Comparable {
    /// rank-sum: [rank sum]; lexicographic: [-(members of rank level 1), -(level 2), …].
    public var values: [Int]
    /// With a history stage: the seats the panel's countries held in the compositions counted. It
    /// decides only between panels whose `values` are equal.
    public var history: Int?

    public init(model: SelectionModel, panel: [Bool]) {
        let primary = model.program.objectives.dropLast().enumerated().filter { $0.offset != model.historyStage }.map(\.element)
        values = primary.map { objective in
            let v = model.program.value(of: objective, at: panel)
            return objective.minimize ? v : -v
        }
        history = model.historyStage.map { model.program.value(of: model.program.objectives[$0], at: panel) }
    }

    public static func < (a: PanelScore, b: PanelScore) -> Bool {
        a.values != b.values ? a.values.lexicographicallyPrecedes(b.values) : (a.history ?? 0) < (b.history ?? 0)
    }

    /// How much worse `other` is than `self`: 0 for equally good; for rank-sum the rise in the rank sum;
    /// for lexicographic the loss at the first rank level that differs (with that level).
    public func delta(to other: PanelScore, levels: [Int]) -> (amount: Int, level: Int?) {
        for (k, (a, b)) in zip(values, other.values).enumerated() where a != b {
            return (b - a, levels.isEmpty ? nil : levels[k])
        }
        return (0, nil)
    }
}
