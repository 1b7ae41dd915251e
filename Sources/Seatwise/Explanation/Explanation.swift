// One nominee's decision and its reason in plain words, with the numbers behind it (README, "Explanations").

public struct Explanation: Sendable {
    public enum Decision: String, Sendable, Codable {
        case seated
        case notSeated = "not_seated"
    }

    public typealias Reason = DecisionReason

    /// Index into `SelectionInput.nominees`.
    public var nominee: Int
    public var decision: Decision
    public var reason: Reason
    public var message: String
    /// How much worse the best panel with this decision reversed is, in objective units: 0 for a tie,
    /// nil when no such panel exists or none was computed.
    public var delta: Int?
    /// A proved lower bound on `delta` (equal to it when `delta` was computed; from the LP relaxation
    /// when only "no tie" had to be shown); nil when nothing was proved.
    public var deltaAtLeast: Int?
    /// For a lexicographic objective: the rank level at which the reversed panel is worse.
    public var deltaLevel: Int?
    /// Nominee indices entering and leaving the panel when the decision is reversed.
    public var entering: [Int]
    public var leaving: [Int]
    public var closeCall: Bool
    /// Labels of the rules that decide it (quotas at their limit, or the rules that forbid the reverse).
    public var rules: [String]
}
