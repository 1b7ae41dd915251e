// A fact a report states, as a typed value: a code and its parameters. Words are applied once, at the
// edge, from a catalogue keyed by the code (`Catalogue`), so no code compares sentences, a public report
// leaves out a name by its parameter rather than by editing text, and another language is another
// catalogue.

public struct Message: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: MessageCode
    public var parameters: [String: MessageValue]

    public init(_ code: MessageCode, _ parameters: [String: MessageValue] = [:]) {
        self.code = code
        self.parameters = parameters
    }

    /// The message in English (the catalogue every report uses today).
    public var description: String { Catalogue.english.words(self) }

    /// The nominees the message names (a public report hides those not seated).
    public var nominees: [String] {
        parameters.values.compactMap { if case .nominee(let id, _) = $0 { return id } else { return nil } }
    }
}

/// One parameter of a message.
public enum MessageValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Int)
    /// A nominee, by id and name ("Name [id]" in English; "a nominee [not named]" when hidden).
    case nominee(id: String, name: String)
    /// A nominee a public report does not name.
    case hiddenNominee
}

/// Every kind of message, with the parameters its words may use.
public enum MessageCode: String, Sendable, Hashable, Codable, CaseIterable {
    // The coordinator's adjustments.
    case adjustedGroupSeats = "adjusted.group_seats"
    case adjustedSeat = "adjusted.seat"
    case adjustedSeatPastTermLimit = "adjusted.seat_past_term_limit"
    case adjustedExclude = "adjusted.exclude"
    case adjustedExcludeRequired = "adjusted.exclude_required"
    case adjustedExcludeContinuing = "adjusted.exclude_continuing"
    case adjustedBound = "adjusted.bound"
    case repairApplied = "repair.applied"
    // The round's notes.
    case requiredPastTermLimit = "note.required_past_term_limit"
    case continuingPastTermLimit = "note.continuing_past_term_limit"
    case absentValuesNotChecked = "note.absent_values_not_checked"

    /// The parameters the code's words use (a catalogue's template may use no others).
    public var parameters: Set<String> {
        switch self {
        case .adjustedGroupSeats: return ["group", "seats", "old"]
        case .adjustedSeat, .adjustedSeatPastTermLimit, .adjustedExclude, .adjustedExcludeRequired, .adjustedExcludeContinuing: return ["group", "nominee"]
        case .adjustedBound: return ["rule", "side", "old", "new"]
        case .repairApplied: return ["steps"]
        case .requiredPastTermLimit, .continuingPastTermLimit: return ["nominee", "terms", "max_terms"]
        case .absentValuesNotChecked: return ["quota", "attribute"]
        }
    }
}
