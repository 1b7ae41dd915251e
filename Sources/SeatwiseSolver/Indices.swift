// Typed positions in a solver-neutral program: a column (one per variable) and a row, each counted
// from 0 in the order the program lists them, so that a row is never passed where a column is meant.

/// The position of a variable in `IntegerProgram.variables` (0-based).
public struct ColumnIndex: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { rawValue = value }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "column \(rawValue)" }
}

/// The position of a row in a solver session: `IntegerProgram.rows` first (0-based, in order), then
/// the rows added to the session, numbered on from there.
public struct RowIndex: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { rawValue = value }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "row \(rawValue)" }
}

/// The position of a quota row among a model's quota rows (0-based): the rule a program row enforces.
public struct QuotaRowIndex: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { rawValue = value }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "quota row \(rawValue)" }
}
