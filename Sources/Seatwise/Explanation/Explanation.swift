// One nominee's decision and its reason as a typed message, with the numbers behind it (docs/guide/explain-and-defend.md,
// "The reasons"); the words are the catalogue's, applied when a report is drawn.

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
    /// The reason as a message (its words: `message`).
    public var said: Message
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
    /// The rules that decide it (quotas at their limit, or the rules that forbid the reverse).
    public var rules: [CitedRule]

    /// The reason in the report's words.
    public var message: String { said.description }
    /// The deciding rules in the report's words.
    public var ruleWords: [String] { rules.map(\.said.description) }
}

/// A rule an explanation cites, and the quota row it is when it is one (so a report can give its count
/// and verdict without matching words).
public struct CitedRule: Sendable, Hashable {
    public var said: Message
    /// Index into the result's quota rows.
    public var quota: Int?
    public init(_ said: Message, quota: Int? = nil) {
        self.said = said
        self.quota = quota
    }
}
