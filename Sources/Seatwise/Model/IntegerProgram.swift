// A solver-neutral 0-1 integer program whose every row and column carries a name (for LP files)
// and a label (for people), and whose objectives are optimised in order, each held at its optimum.

public struct IntegerProgram: Sendable {
    public struct Variable: Sendable {
        public var name: String
        public var label: String
        /// 0 and 1 for a free nominee; equal bounds fix the nominee in or out.
        public var lower: Int
        public var upper: Int
    }

    public enum Sense: String, Sendable { case equal = "=", atLeast = ">=", atMost = "<=" }

    /// What a row stands for, so that diagnostics can speak of rules rather than rows.
    public enum Origin: Sendable, Equatable {
        case seats(group: String)
        case quotaMin(row: Int)
        case quotaMax(row: Int)
        /// min and max of a quota row are equal.
        case quotaExact(row: Int)

        /// The quota row (index into the model's quota rows) a bound belongs to; nil for seats.
        public var quotaRow: Int? {
            switch self {
            case .seats: return nil
            case .quotaMin(let row), .quotaMax(let row), .quotaExact(let row): return row
            }
        }
    }

    public struct Row: Sendable {
        public var name: String
        public var label: String
        public var terms: [(variable: Int, coefficient: Int)]
        public var sense: Sense
        public var rhs: Int
        public var origin: Origin
    }

    public struct Objective: Sendable {
        public var label: String
        public var minimize: Bool
        /// One coefficient per variable.
        public var coefficients: [Int]
    }

    public var variables: [Variable] = []
    public var rows: [Row] = []
    /// Optimised in order: each later objective only chooses among optima of the earlier ones.
    public var objectives: [Objective] = []

    public init() {}

    /// The value of `objective` at an integer point.
    public func value(of objective: Objective, at x: [Int]) -> Int {
        var total = 0
        for (j, v) in x.enumerated() where v != 0 { total += objective.coefficients[j] * v }
        return total
    }

    /// The value of `objective` for a 0-1 assignment.
    public func value(of objective: Objective, at x: [Bool]) -> Int {
        var total = 0
        for (j, on) in x.enumerated() where on { total += objective.coefficients[j] }
        return total
    }
}

/// Names that every LP reader accepts: ASCII letters, digits and `_`, starting with a letter, unique.
struct LPNames {
    private var used: Set<String> = []

    mutating func make(_ prefix: String, _ parts: [String]) -> String {
        var base = prefix
        for part in parts {
            // Bytes, not Characters: this runs once per nominee. Runs of anything else become one "_".
            var clean: [UInt8] = []
            clean.reserveCapacity(min(part.utf8.count, 40))
            for byte in part.utf8 {
                let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if keep { clean.append(byte) } else if clean.last != 0x5F && !clean.isEmpty { clean.append(0x5F) }
                if clean.count >= 40 { break }
            }
            while clean.last == 0x5F { clean.removeLast() }
            if !clean.isEmpty { base += "_" + String(decoding: clean, as: UTF8.self) }
        }
        var name = base
        var k = 2
        while used.contains(name) { name = "\(base)_\(k)"; k += 1 }
        used.insert(name)
        return name
    }
}
