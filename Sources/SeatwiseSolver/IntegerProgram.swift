// A solver-neutral 0-1 integer program whose every row and column carries a name (for LP files)
// and a label (for people), and whose objectives are optimised in order, each held at its optimum.

public struct IntegerProgram: Sendable {
    public struct Variable: Sendable {
        public var name: String
        public var label: String
        /// 0 and 1 for a free nominee; equal bounds fix the nominee in or out.
        public var lower: Int
        public var upper: Int

        public init(name: String, label: String, lower: Int, upper: Int) {
            self.name = name
            self.label = label
            self.lower = lower
            self.upper = upper
        }
    }

    public enum Sense: String, Sendable { case equal = "=", atLeast = ">=", atMost = "<=" }

    /// What a row stands for, so that diagnostics can speak of rules rather than rows.
    public enum Origin: Sendable, Equatable {
        case seats(group: String)
        case quotaMin(row: QuotaRowIndex)
        case quotaMax(row: QuotaRowIndex)
        /// min and max of a quota row are equal.
        case quotaExact(row: QuotaRowIndex)
        /// A row of the program's own, standing for no rule of a policy.
        case other

        /// The quota row (index into the model's quota rows) a bound belongs to; nil for seats.
        public var quotaRow: QuotaRowIndex? {
            switch self {
            case .seats, .other: return nil
            case .quotaMin(let row), .quotaMax(let row), .quotaExact(let row): return row
            }
        }
    }

    /// A coefficient of a row: `coefficient` times the variable in column `variable`.
    public struct Term: Sendable, Equatable {
        public var variable: Int
        public var coefficient: Int
        public init(variable: Int, coefficient: Int) {
            self.variable = variable
            self.coefficient = coefficient
        }
        public var column: ColumnIndex { ColumnIndex(variable) }
    }

    public struct Row: Sendable {
        public var name: String
        public var label: String
        public var terms: [Term]
        public var sense: Sense
        public var rhs: Int
        public var origin: Origin

        public init(name: String, label: String, terms: [Term], sense: Sense, rhs: Int, origin: Origin = .other) {
            self.name = name
            self.label = label
            self.terms = terms
            self.sense = sense
            self.rhs = rhs
            self.origin = origin
        }

        /// The bounds the row puts on its sum of terms (nil: none on that side).
        public var bounds: (lower: Int?, upper: Int?) {
            switch sense {
            case .equal: return (rhs, rhs)
            case .atLeast: return (rhs, nil)
            case .atMost: return (nil, rhs)
            }
        }
    }

    public struct Objective: Sendable, Equatable {
        public var label: String
        public var minimize: Bool
        /// One coefficient per variable.
        public var coefficients: [Int]

        public init(label: String, minimize: Bool, coefficients: [Int]) {
            self.label = label
            self.minimize = minimize
            self.coefficients = coefficients
        }
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
