// The cost of balance: one rule's bound moved step by step (`what-if --sweep 1:min=0..12`), each step
// solved on the open round, giving the objective, each group's rank sum and the panel's composition at
// every bound, and the first bound at which no panel meets the rules.

public struct BoundSweep: Sendable, Equatable {
    /// The rule as every report numbers it (`1`, `3[WEOG]`).
    public var row: String
    public var side: QuotaBoundSide
    /// The bounds in the order asked, as adjustments.
    public var steps: [Adjustment]

    /// Parses RULE:min=A..B (seats) or RULE:max=A%..B% with an optional step (`/5%`, default 1 point);
    /// A may be above B (a sweep downward). Nil when malformed or longer than 1,001 steps.
    public static func parse(_ text: String) -> BoundSweep? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let row = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let parts = text[text.index(after: colon)...].split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !row.isEmpty, parts.count == 2, let side = QuotaBoundSide(rawValue: parts[0].lowercased()) else { return nil }
        let rangeAndStep = parts[1].split(separator: "/", maxSplits: 1).map(String.init)
        let ends = rangeAndStep[0].components(separatedBy: "..")
        guard ends.count == 2 else { return nil }
        let percent = ends[0].hasSuffix("%")
        guard ends[1].hasSuffix("%") == percent else { return nil }
        // Percentages are swept in hundredths of a point so that steps such as 2.5% are exact.
        func value(_ text: String) -> Int? {
            guard percent else { return Int(text).flatMap { (0...1_000_000).contains($0) ? $0 : nil } }
            guard case .success(.percent(let num, let den)) = QuotaBound.percent(parsing: text), (num * 10_000) % den == 0 else { return nil }
            return num * 10_000 / den
        }
        guard let a = value(ends[0]), let b = value(ends[1]) else { return nil }
        var step = percent ? 100 : 1
        if rangeAndStep.count == 2 {
            guard let s = value(rangeAndStep[1]), s > 0 else { return nil }
            step = s
        }
        var values = Array(stride(from: a, through: b, by: a <= b ? step : -step))
        // The far end is always asked, even when the step does not land on it.
        if values.last != b { values.append(b) }
        guard !values.isEmpty, values.count <= 1001 else { return nil }
        let steps = values.map { v -> Adjustment in
            percent ? .setShare(row: row, side: side, share: .percent(numerator: v, denominator: 10_000)) : .setBound(row: row, side: side, value: v)
        }
        return BoundSweep(row: row, side: side, steps: steps)
    }
}

/// One step of a sweep: its bound and the round's answer under it.
public struct SweepPoint: Sendable {
    public var adjustment: Adjustment
    public var answer: WhatIf
    public var result: SelectionResult { answer.result }
    public var feasible: Bool { answer.result.status != .infeasible }
    /// The bound's value as written (`3`, `40%`).
    public var value: String {
        switch adjustment {
        case .setBound(_, _, let v): return String(v)
        case .setShare(_, _, let share): return share.description
        default: return ""
        }
    }
    /// The bound with its side (`min = 3`, `max = 40%`).
    public var bound: String {
        switch adjustment {
        case .setBound(_, let side, _), .setShare(_, let side, _): return "\(side.rawValue) = \(value)"
        default: return value
        }
    }
}

public struct CostOfBalance: Sendable {
    public var sweep: BoundSweep
    public var base: SelectionResult
    public var points: [SweepPoint]
    /// The attributes whose composition each step reports: gender, region, and the swept rule's own.
    public var attributes: [String]

    /// Each step solved on `session` (warm from the last basis where only the bound moves).
    public static func run(_ session: RoundSession, sweep: BoundSweep, budget: SolveBudget = .unlimited) throws -> CostOfBalance {
        var points: [SweepPoint] = []
        for step in sweep.steps {
            try budget.checkCancelled()
            points.append(SweepPoint(adjustment: step, answer: try session.whatIf([step], budget: budget)))
        }
        var attributes = ["gender", "region"]
        let digits = sweep.row.prefix { $0.isNumber }
        if let number = Int(digits), let quota = session.base.policy.quotas.first(where: { $0.index == number - 1 }), !attributes.contains(quota.attribute) {
            attributes.append(quota.attribute)
        }
        return CostOfBalance(sweep: sweep, base: session.base, points: points, attributes: attributes)
    }

    /// The first step (in the order swept) at which no panel meets the rules; nil when every step has one.
    public var firstInfeasible: SweepPoint? { points.first { !$0.feasible } }

    /// Every value of the composition's attributes among the nominees, in a fixed order.
    public var values: [(attribute: String, value: String, key: String)] {
        attributes.flatMap { attribute -> [(attribute: String, value: String, key: String)] in
            var seen: [String: String] = [:]
            for n in base.input.nominees { if let key = n.key(of: attribute), seen[key] == nil { seen[key] = n.value(of: attribute) } }
            return seen.keys.sorted().map { (attribute, seen[$0]!, $0) }
        }
    }

    /// How many of a panel's members have each value (nil when the step has no panel).
    public func composition(_ point: SweepPoint) -> [Int]? {
        guard point.feasible else { return nil }
        let members = point.result.seated.map { point.result.input.nominees[$0] }
        return values.map { v in members.filter { $0.key(of: v.attribute) == v.key }.count }
    }
}
