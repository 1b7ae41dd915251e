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
    /// Set one bound of a rule's rows, in seats; the rule named as every report names it (`3`, `3[WEOG]`,
    /// `3[*]`, or a row's label).
    case setBound(row: String, side: QuotaBoundSide, value: Int)
    /// Set one bound of a rule's rows as a share of the seats in scope (`3:min=40%`), worked out per row as
    /// the policy's own percentages are (a minimum rounds up, a maximum down).
    case setShare(row: String, side: QuotaBoundSide, share: QuotaBound)
    /// Give a group this many seats.
    case groupSeats(group: String, seats: Int)

    public var description: String {
        switch self {
        case .seat(let id): return phrase("seat {id}", ["id": .text(id)])
        case .exclude(let id): return phrase("exclude {id}", ["id": .text(id)])
        case .setBound(let row, let side, let value): return "\(row): \(side.rawValue)=\(value)"
        case .setShare(let row, let side, let share): return "\(row): \(side.rawValue)=\(share.description)"
        case .groupSeats(let group, let seats): return "\(group)=\(Words.count(seats, "seat"))"
        }
    }

    /// The adjustment as a command line gives it: the option and its value (`--seat ID`, `--set RULE:min=N`).
    public var option: (name: String, value: String) {
        switch self {
        case .seat(let id): return ("seat", id)
        case .exclude(let id): return ("exclude", id)
        case .setBound(let row, let side, let value): return ("set", "\(row):\(side.rawValue)=\(value)")
        case .setShare(let row, let side, let share): return ("set", "\(row):\(side.rawValue)=\(share.description)")
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

    /// Parses `--set 'RULE:min=N'` or `'RULE:max=40%'` (the last colon separates the rule from the bound).
    public static func parseBound(_ text: String) -> Adjustment? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let row = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let parts = text[text.index(after: colon)...].split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !row.isEmpty, parts.count == 2, let side = QuotaBoundSide(rawValue: parts[0].lowercased()) else { return nil }
        return bound(row: row, side: side, text: parts[1])
    }

    /// A bound's value as written: seats (0 to 1,000,000) or a percentage.
    public static func bound(row: String, side: QuotaBoundSide, text: String) -> Adjustment? {
        if text.hasSuffix("%") {
            guard case .success(let share) = QuotaBound.percent(parsing: text) else { return nil }
            return .setShare(row: row, side: side, share: share)
        }
        guard let value = Int(text), value >= 0, value <= 1_000_000 else { return nil }
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

    // MARK: - The one JSON shape (docs/reference.md, "Adjustments"), for the HTTP API, the store and reports:
    //   {"seat": "ID"}   {"exclude": "ID"}   {"set": "3[WEOG]", "max": 20}   {"set": "1", "min": "40%"}
    //   {"group": "Civil Society", "seats": 11}

    private enum Key: String, CodingKey { case seat, exclude, set, min, max, group, seats, setBound, groupSeats, row, side, value, _0 }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .seat(let id): try c.encode(id, forKey: .seat)
        case .exclude(let id): try c.encode(id, forKey: .exclude)
        case .setBound(let row, let side, let value):
            try c.encode(row, forKey: .set)
            try c.encode(value, forKey: side == .min ? .min : .max)
        case .setShare(let row, let side, let share):
            try c.encode(row, forKey: .set)
            try c.encode(share.description, forKey: side == .min ? .min : .max)
        case .groupSeats(let group, let seats):
            try c.encode(group, forKey: .group)
            try c.encode(seats, forKey: .seats)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func malformed(_ why: String) -> DecodingError { .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: why)) }
        if let id = try? c.decode(String.self, forKey: .seat) { self = .seat(id); return }
        if let id = try? c.decode(String.self, forKey: .exclude) { self = .exclude(id); return }
        if let row = try? c.decode(String.self, forKey: .set) {
            let sides = [QuotaBoundSide.min, .max].filter { c.contains($0 == .min ? .min : .max) }
            guard sides.count == 1, let side = sides.first else { throw malformed("a set adjustment gives exactly one of min and max") }
            let key: Key = side == .min ? .min : .max
            // A number is read whatever its size: its range is judged in one place (`rangeProblem`), at
            // every edge and before a round applies it, so a kept adjustment out of range is shown, not lost.
            if let value = try? c.decode(Int.self, forKey: key) { self = .setBound(row: row, side: side, value: value); return }
            guard let text = try? c.decode(String.self, forKey: key), text.hasSuffix("%"), case .success(let share) = QuotaBound.percent(parsing: text) else {
                throw malformed("\(side.rawValue) is a whole number of seats from 0 to 1000000 or a percentage such as 40%")
            }
            self = .setShare(row: row, side: side, share: share)
            return
        }
        if c.contains(.group) {
            self = .groupSeats(group: try c.decode(String.self, forKey: .group), seats: try c.decode(Int.self, forKey: .seats))
            return
        }
        // The shape stored by earlier versions (Swift's own enum coding); their row numbers counted the rows
        // of the report's table, which `#N` still names.
        for key in [Key.seat, .exclude] where c.contains(key) {
            let id = try c.nestedContainer(keyedBy: Key.self, forKey: key).decode(String.self, forKey: ._0)
            self = key == .seat ? .seat(id) : .exclude(id)
            return
        }
        if c.contains(.setBound) {
            let inner = try c.nestedContainer(keyedBy: Key.self, forKey: .setBound)
            let row = try inner.decode(String.self, forKey: .row)
            self = .setBound(row: Int(row) != nil ? "#" + row : row, side: try inner.decode(QuotaBoundSide.self, forKey: .side), value: try inner.decode(Int.self, forKey: .value))
            return
        }
        if c.contains(.groupSeats) {
            let inner = try c.nestedContainer(keyedBy: Key.self, forKey: .groupSeats)
            self = .groupSeats(group: try inner.decode(String.self, forKey: .group), seats: try inner.decode(Int.self, forKey: .seats))
            return
        }
        throw malformed("an adjustment is {\"seat\": ID}, {\"exclude\": ID}, {\"set\": RULE, \"min\" or \"max\": N} or {\"group\": GROUP, \"seats\": N}")
    }
}
