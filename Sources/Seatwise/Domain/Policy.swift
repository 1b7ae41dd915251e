// The selection policy (docs/reference.md, "Policy file") as validated values: seats, quotas, rules, objective and seed.
// Percentages are kept as exact fractions so that rounding (⌈p·S⌉, ⌊p·S⌋) is exact.

import OrderedCollections

public struct Policy: Sendable {
    public var body: String
    /// Seats per stakeholder group, in the policy's order.
    public var seats: OrderedDictionary<String, Int>
    public var quotas: [Quota]
    public var rules: SelectionRules
    public var objective: ObjectiveKind
    /// nil when the policy gives none; the selection then uses `Policy.defaultSeed`.
    public var seed: UInt64?
    /// With `objective: lottery`: the method and the published draw values (`lottery:`).
    public var lottery: LotterySettings?
    /// Groups whose members sit in the body but count in no quota (observers, liaisons:
    /// `seats: { Liaisons: { seats: 2, counts: false } }`). Their seats are filled like any group's.
    public var uncounted: Set<String> = []
    /// Several bodies (or positions) filled from one pool (`bodies:`, docs/guide/several-bodies.md, "Several bodies from one
    /// pool"): each body's groups by their names in `seats`. Empty for a policy of one body.
    public var bodies: OrderedDictionary<String, [String]> = [:]
    /// Where each group of a several-body policy sits: its body and its own name there.
    public var places: [String: Place] = [:]
    /// Groups whose holders form a role (co-chairs, coordinating lead authors: `role: true`).
    public var roles: Set<String> = []
    /// `history: { compositions: N }`: how many past compositions count (docs/guide/several-bodies.md, "History"); nil when
    /// the policy does not ask for history.
    public var history: HistorySettings?

    public static let defaultSeed: UInt64 = 1

    public init(body: String, seats: OrderedDictionary<String, Int>, quotas: [Quota] = [],
                rules: SelectionRules = SelectionRules(), objective: ObjectiveKind = .rankSum, seed: UInt64? = nil) {
        self.body = body
        self.seats = seats
        self.quotas = quotas
        self.rules = rules
        self.objective = objective
        self.seed = seed
    }

    public var groups: [String] { Array(seats.keys) }
    /// The seats of the groups whose members count in the quotas: what a quota's scope is made of.
    public var countedSeats: OrderedDictionary<String, Int> { seats.filter { !uncounted.contains($0.key) } }
    public var totalSeats: Int { seats.values.reduce(0, Int.saturatingAdd) }
    public func seats(of group: String) -> Int { seats[group] ?? 0 }
}

/// What a policy takes from past compositions: the last `compositions` of them count (all when nil).
public struct HistorySettings: Sendable, Equatable {
    public var compositions: Int?
    /// `prefer: fewer_country_seats`: an objective stage after the rank sum (or the rank levels) that,
    /// among equally good panels, seats members whose countries held the fewest seats in those compositions.
    public var preferFewerCountrySeats = false
    public init(compositions: Int? = nil, preferFewerCountrySeats: Bool = false) {
        self.compositions = compositions
        self.preferFewerCountrySeats = preferFewerCountrySeats
    }
}

/// A group of a several-body policy: the body it belongs to and its name inside it (nil when the body
/// has one kind of seat, named after the body).
public struct Place: Sendable, Hashable {
    public var body: String
    public var name: String?
    public init(body: String, name: String?) {
        self.body = body
        self.name = name
    }

    /// The group's name in `seats`: the body's, or "Body · Group".
    public var group: String { name.map { "\(body) · \($0)" } ?? body }
}

public enum ObjectiveKind: String, Sendable, Codable {
    case rankSum = "rank-sum"
    case lexicographic
    /// No ranking: the fairest lottery over valid panels (`seatwise lottery`); a selection that must
    /// choose one panel without a draw orders them by rank sum.
    case lottery
}

/// `lottery: { method: leximin | maximin, draw: "values" }` in a policy whose objective is lottery.
public struct LotterySettings: Sendable {
    public var method: LotteryMethod = .leximin
    public var draw: String?
    public init(method: LotteryMethod = .leximin, draw: String? = nil) {
        self.method = method
        self.draw = draw
    }
}

public struct SelectionRules: Sendable {
    /// What `continuing` nominees get.
    public enum Continuing: String, Sendable {
        /// Seated, counting toward seats and quotas (docs/reference.md, "Policy file").
        case keep
        /// Treated like any other nominee.
        case compete
    }
    public var continuing: Continuing
    /// Nominees with `terms >= maxTerms` cannot be seated.
    public var maxTerms: Int?
    /// `rules.renewal`: the least number (or share) of newcomers, in the body or in every group.
    public struct Renewal: Sendable {
        public var minNew: QuotaBound
        public var perGroup: Bool
        public var line: Int
        public init(minNew: QuotaBound, perGroup: Bool, line: Int = 0) {
            self.minNew = minNew
            self.perGroup = perGroup
            self.line = line
        }
    }
    /// Read from the policy; it is enforced as the quota `status = new` it stands for (`Quota.renewal`).
    public var renewal: Renewal?
    /// Groups that appoint their own members (`seats: { G: { seats: N, mode: appointed } }`): every member
    /// they list (not withdrawn) is seated, and the other rules are met around them.
    public var appointed: Set<String> = []
    /// Groups that choose alone (`mode: independent`): each fills its seats from its own list by its own
    /// ranking and its own rules, before the rest; the body-wide rules then bind the other groups
    /// around them.
    public var independent: Set<String> = []
    /// How many places one person may take when they apply for several (`rules.places_per_person`).
    public var placesPerPerson = 1

    public init(continuing: Continuing = .keep, maxTerms: Int? = nil, renewal: Renewal? = nil) {
        self.continuing = continuing
        self.maxTerms = maxTerms
        self.renewal = renewal
    }
}

/// A bound in a quota: a count, or a percentage of the seats in scope as an exact fraction.
public enum QuotaBound: Sendable, Equatable {
    /// Whether the bound is a share of the seats in scope rather than a count.
    public var isPercent: Bool { if case .percent = self { return true } else { return false } }

    /// Why a percentage's text is refused.
    public enum PercentProblem: Error { case malformed, overHundred }

    /// `40%` or `12.5%` (no sign, at most 4 decimals, at most 100%): the one reading of a percentage, for
    /// policies, `--set` and the API alike.
    public static func percent(parsing text: String) -> Result<QuotaBound, PercentProblem> {
        guard text.hasSuffix("%") else { return .failure(.malformed) }
        let number = text.dropLast().trimmingCharacters(in: .whitespaces)
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.count == 1 || parts[1].count <= 4 else { return .failure(.malformed) }
        let decimals = parts.count == 2 ? parts[1].count : 0
        var denominator = 100
        for _ in 0..<decimals { denominator *= 10 }
        guard parts.joined().count <= 9, let numerator = Int(parts.joined()) else { return .failure(.malformed) }
        guard numerator <= denominator else { return .failure(.overHundred) }
        return .success(.percent(numerator: numerator, denominator: denominator))
    }

    case count(Int)
    case percent(numerator: Int, denominator: Int)

    /// The minimum this bound allows for `seats` seats: ⌈p·S⌉ for a percentage.
    public func minimum(seats: Int) -> Int {
        switch self {
        case .count(let n): return n
        case .percent(let num, let den):
            // In 128 bits: the product of a percentage and any seat count cannot overflow, and a share
            // of at most 100% fits back in an Int.
            let product = Int128(num) * Int128(seats)
            return Int(clamping: product / Int128(den) + (product % Int128(den) == 0 ? 0 : 1))
        }
    }

    /// The maximum this bound allows for `seats` seats: ⌊p·S⌋ for a percentage.
    public func maximum(seats: Int) -> Int {
        switch self {
        case .count(let n): return n
        case .percent(let num, let den): return Int(clamping: Int128(num) * Int128(seats) / Int128(den))
        }
    }

    /// As written in a policy: `3` or `40%`.
    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .percent(let num, let den):
            var digits = 0
            var d = den
            while d > 100 { d /= 10; digits += 1 }
            if digits == 0 { return "\(num * 100 / den)%" }
            let scale = den / 100
            let whole = num / scale
            let fraction = String(num % scale)
            return "\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)%"
        }
    }
}

/// Which values of the attribute a quota counts.
public enum ValueSelector: Sendable, Equatable {
    case one(String)
    case anyOf([String])
    /// Separately for every value present among the eligible nominees in scope.
    case each
}

public enum QuotaScope: Sendable, Equatable {
    case body
    case perGroup
    case group(String)

    /// What the whole body is called wherever a scope is put in words.
    public static let bodyWords = "the body"

    /// The scope in words: "the body", "each group" or the group's name.
    public var words: String {
        switch self {
        case .body: return term(Self.bodyWords)
        case .perGroup: return term("each group")
        case .group(let g): return g
        }
    }

    /// The concrete scopes a quota with this scope applies to, with their seats: the body (group nil),
    /// every group, or one group.
    public func scopes(in seats: OrderedDictionary<String, Int>) -> [(group: String?, seats: Int)] {
        switch self {
        case .body: return [(nil, seats.values.reduce(0, Int.saturatingAdd))]
        case .perGroup: return seats.map { ($0.key, $0.value) }
        case .group(let g): return [(g, seats[g] ?? 0)]
        }
    }
}

public struct Quota: Sendable {
    /// Position in the policy's `quotas` list, 0-based.
    public var index: Int
    /// Lower-case attribute name: a built-in column or a custom one.
    public var attribute: String
    public var selector: ValueSelector
    public var min: QuotaBound?
    public var max: QuotaBound?
    public var scope: QuotaScope
    /// Higher is relaxed later in a repair; nil = default (0).
    public var priority: Int
    public var hard: Bool
    /// The policy line the quota starts on (0 when built in code).
    public var line: Int
    /// Stands for `rules.renewal` (status = new), numbered after the listed quotas.
    public var renewal: Bool
    /// Stands for `rules.places_per_person`: a person who applied for several places takes at most
    /// that many (attribute `person`, one row per person with more applications than that).
    public var places = false
    /// Where the policy gives the quota (`quotas[2]`, `bodies.Board.quotas[1]`), for messages.
    public var path: String?

    public init(index: Int = 0, attribute: String, selector: ValueSelector, min: QuotaBound? = nil,
                max: QuotaBound? = nil, scope: QuotaScope = .body, priority: Int = 0, hard: Bool = false,
                line: Int = 0, renewal: Bool = false, places: Bool = false) {
        self.renewal = renewal
        self.places = places
        self.index = index
        self.attribute = attribute
        self.selector = selector
        self.min = min
        self.max = max
        self.scope = scope
        self.priority = priority
        self.hard = hard
        self.line = line
    }

    /// Whether the quota applies inside groups only (kept by an independent selection, docs/guide/run-a-round.md, "What a selection does").
    public var isGroupScoped: Bool {
        if case .body = scope { return false }
        return true
    }
}

extension Int {
    /// `a + b`, or the largest (smallest) Int where the sum would overflow: seat totals and sums of
    /// bounds never trap, whatever a file or a request says.
    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}
