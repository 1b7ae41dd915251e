// A warning about how the input files were read, as a typed fact with its words: code that must treat
// one kind differently (a roster has no newcomers; warnings go to the terminal) looks at the kind, never
// at the sentence.

public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A country name that could mean several countries.
        case ambiguousCountry
        /// How a workbook was read (the sheet chosen, hidden rows or columns, merged cells).
        case workbook
        /// A typed `terms` that the history contradicts (the history's count is used).
        case historyTerms
        /// A quota names values nobody in the file has.
        case absentQuotaValues(attribute: String, values: [String])
    }
    public var kind: Kind
    /// The warning in words, with the file and place it concerns.
    public var text: String
    public var description: String { text }

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
