// What a quota at its limit costs: the best panel if its bound moved by one seat, and who would come in.
// Computed by re-solving, never from LP duals (these problems are degenerate; duals mislead).

public struct QuotaPrice: Sendable {
    /// Index into the result's quota rows.
    public var quotaRow: Int
    public var label: String
    /// The bound that is at its limit and moves.
    public var bound: QuotaBoundSide
    public var from: Int
    public var to: Int
    /// How much better the panel gets, in objective units (0: no gain); nil when the change does not
    /// make a panel possible.
    public var improvement: Int?
    public var improvementLevel: Int?
    public var entering: [Int]
    public var leaving: [Int]
    public var said: Message
    public var message: String { said.description }
}

/// Each stakeholder group's view: whom it ranked higher than someone seated, and why they were passed over.
public struct GroupDeviation: Sendable {
    public var group: String
    public var seats: Int
    public var topChoicesSeated: Int
    /// Explanations of the group's nominees who were not seated although ranked above someone seated.
    public var passedOver: [Explanation]
    public var said: Message
    public var message: String { said.description }
}
