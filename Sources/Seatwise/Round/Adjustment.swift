// What a coordinator changes in a round while it is negotiated: seat a nominee, exclude one, move one
// bound of a quota row, change a group's seats. Each is stated in words in every report.

public enum QuotaBoundSide: String, Sendable, Codable, CaseIterable {
    case min, max
}

public enum Adjustment: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Seat this nominee (by id) whatever the ranking says.
    case seat(String)
    /// Leave this nominee (by id) out.
    case exclude(String)
    /// Set one bound of a quota row, named by its label or its number (1-based, in the report's order).
    case setBound(row: String, side: QuotaBoundSide, value: Int)
    /// Give a group this many seats.
    case groupSeats(group: String, seats: Int)

    public var description: String {
        switch self {
        case .seat(let id): return "seat \(id)"
        case .exclude(let id): return "exclude \(id)"
        case .setBound(let row, let side, let value): return "\(row): \(side.rawValue)=\(value)"
        case .groupSeats(let group, let seats): return "\(group)=\(Words.count(seats, "seat"))"
        }
    }

    /// The adjustment as a command line gives it: the option and its value (`--seat ID`, `--set ROW:min=N`).
    public var option: (name: String, value: String) {
        switch self {
        case .seat(let id): return ("seat", id)
        case .exclude(let id): return ("exclude", id)
        case .setBound(let row, let side, let value): return ("set", "\(row):\(side.rawValue)=\(value)")
        case .groupSeats(let group, let seats): return ("group-seats", "\(group)=\(seats)")
        }
    }

    /// The adjustment an option and its value give (the inverse of `option`); nil when malformed.
    public static func parse(option name: String, value: String) -> Adjustment? {
        switch name {
        case "seat": return value.isEmpty ? nil : .seat(value)
        case "exclude": return value.isEmpty ? nil : .exclude(value)
        case "set": return parseBound(value)
        case "group-seats": return parseGroupSeats(value)
        default: return nil
        }
    }

    /// Parses `--set 'LABEL-OR-NUMBER:min=N'` (the last colon separates the row from the bound).
    public static func parseBound(_ text: String) -> Adjustment? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let row = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let parts = text[text.index(after: colon)...].split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !row.isEmpty, parts.count == 2, let side = QuotaBoundSide(rawValue: parts[0].lowercased()),
              let value = Int(parts[1]), value >= 0, value <= 1_000_000 else { return nil }
        return .setBound(row: row, side: side, value: value)
    }

    /// Parses `--group-seats GROUP=N` (the last `=` separates the group from the seats).
    public static func parseGroupSeats(_ text: String) -> Adjustment? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let group = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !group.isEmpty, let seats = Int(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)),
              seats >= 1, seats <= 1_000_000 else { return nil }
        return .groupSeats(group: group, seats: seats)
    }
}
