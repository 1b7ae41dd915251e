// Audits a published roster against a policy (docs/guide/audit-and-compare.md, "Audits"): seats per group, every quota's count, bound and
// verdict, and every attribute value's share; with the nomination pool, the expected count and the exact
// probability of a count this far from it had each group's seats been filled at random from its pool;
// with a reference share, the exact binomial probability.

import Foundation

/// A share to test against: "gender=female:0.5".
public struct ReferenceShare: Sendable, Equatable {
    public var attribute: String
    public var value: String
    public var share: Double

    public init(attribute: String, value: String, share: Double) {
        self.attribute = attribute
        self.value = value
        self.share = share
    }

    /// Parses ATTRIBUTE=VALUE:SHARE, the share as 0.5 or 50%; one `=` and one `:` (so that
    /// `female:0.5:0.3` is refused, not read as the value `female:0.5`).
    public init?(parsing text: String) {
        guard let eq = text.firstIndex(of: "="), let colon = text.lastIndex(of: ":"), eq < colon,
              text.filter({ $0 == "=" }).count == 1, text.filter({ $0 == ":" }).count == 1 else { return nil }
        let attribute = AttributeKey.normalize(String(text[..<eq]))
        let value = String(text[text.index(after: eq)..<colon]).trimmingCharacters(in: .whitespaces)
        var shareText = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if shareText.hasSuffix("%") { shareText.removeLast(); scale = 100 }
        guard !attribute.isEmpty, !value.isEmpty, let share = Double(shareText), share >= 0, share / scale <= 1 else { return nil }
        self.init(attribute: attribute, value: value, share: share / scale)
    }
}

/// A probability, or the range it lies in over every way a composition's unknown values could fall.
public struct ProbabilityRange: Sendable, Equatable {
    public var low: Double
    public var high: Double
    public var isExact: Bool { low == high }
    public init(_ low: Double, _ high: Double) { self.low = Swift.min(low, high); self.high = Swift.max(low, high) }
}

/// One share tested against a null model (the pool's random filling, or a reference share): the
/// expected count, the exact probabilities one- and two-sided, and both after Holm's adjustment for
/// the audit's family of tests.
public struct ShareTest: Sendable {
    public enum Basis: Sendable { case pool, reference }
    public var basis: Basis
    public var expected: Double
    /// P(a count at least this far from the expected one, in the direction observed).
    public var oneSided: ProbabilityRange
    /// P(a count no more likely than the one observed), either direction.
    public var twoSided: ProbabilityRange
    public var oneSidedHolm: ProbabilityRange
    public var twoSidedHolm: ProbabilityRange

    /// The test of `observed` (a range when members' values are unknown) against `distribution`.
    /// `expected`: the mean when known in closed form (n·p for a binomial), else summed from the distribution.
    init(_ basis: Basis, _ distribution: CountDistribution, observed: ClosedRange<Int>, expected: Double? = nil) {
        self.basis = basis
        self.expected = expected ?? distribution.mean
        let one = observed.map(distribution.tail), two = observed.map(distribution.twoSided)
        oneSided = ProbabilityRange(one.min()!, one.max()!)
        twoSided = ProbabilityRange(two.min()!, two.max()!)
        oneSidedHolm = oneSided
        twoSidedHolm = twoSided
    }
}

public struct ShareRow: Sendable {
    public var attribute: String
    public var value: String
    public var count: Int
    /// Members whose value of this attribute is unknown (blank cells of a composition): the true count
    /// lies in count…count + unknown.
    public var unknown: Int = 0
    /// count / roster size (the least share when values are unknown).
    public var share: Double
    /// (count + unknown) / roster size.
    public var shareHigh: Double { size == 0 ? 0 : Double(count + unknown) / Double(size) }
    var size: Int = 0
    /// The pool's null model (each group's seats filled at random from its nominees) and the reference share's.
    public var poolTest: ShareTest?
    public var referenceTest: ShareTest?
    public var reference: Double?

    /// The expected count (the pool's, else the reference's) and its one-sided probability when exact.
    public var expected: Double? { poolTest?.expected ?? referenceTest?.expected }
    public var pValue: Double? { (poolTest ?? referenceTest).flatMap { $0.oneSided.isExact ? $0.oneSided.low : nil } }
    public var referenceExpected: Double? { referenceTest?.expected }
    public var referencePValue: Double? { referenceTest.flatMap { $0.oneSided.isExact ? $0.oneSided.low : nil } }
}

public struct AuditResult: Sendable {
    public var roster: SelectionInput
    public var pool: SelectionInput?
    public var groups: [GroupOutcome]
    public var quotas: [QuotaOutcome]
    public var shares: [ShareRow]
    public var notes: [Message]
    /// Policy quotas the audit cannot verify, each with the reason: `each` with a minimum on an attribute
    /// without a reference list, audited without `--pool` (a value nobody on the roster has is unknown and
    /// its rows are missing), or any quota on an attribute the roster does not give (a composition).
    public var unverified: [UnverifiedQuota] = []

    public var policy: Policy { roster.policy }
    public var size: Int { roster.nominees.count }

    /// How many tests the share table reports (the family Holm's adjustment is over).
    public var testCount: Int { shares.reduce(0) { $0 + ($1.poolTest == nil ? 0 : 1) + ($1.referenceTest == nil ? 0 : 1) } }

    /// What each probability of the share table is, for the paragraph every format prints above or below it.
    public var probabilityGuide: [Message] {
        guard testCount > 0 else { return [] }
        var guide: [Message] = []
        if shares.contains(where: { $0.poolTest != nil }) { guide.append(Message(.auditProbabilityPool)) }
        if shares.contains(where: { $0.referenceTest != nil }) { guide.append(Message(.auditProbabilityReference)) }
        if testCount > 1 { guide.append(Message(.auditProbabilityHolm, ["tests": .number(testCount)])) }
        if shares.contains(where: { $0.unknown > 0 }) { guide.append(Message(.auditProbabilityUnknown)) }
        guide.append(Message(.auditProbabilityMeaning))
        return guide
    }

    /// Whether any rule is broken: a group with more or fewer members than seats, or a quota row not met.
    public var violated: Bool { groups.contains { !$0.filled } || quotas.contains { $0.verdict.isBroken } }
}

/// A quota an audit could not check, and why, in words that finish "NOT VERIFIED: …".
public struct UnverifiedQuota: Sendable {
    public enum Cause: Sendable { case absentValues, attributeNotGiven, blanks }
    /// The policy's quota (0-based).
    public var index: Int
    public var cause: Cause
    /// What the roster lacks, in a short phrase for the rule column ("values nobody on the roster has").
    public var subject: String
    public var reason: String
}

public enum Auditor {
    /// The attributes a reference share may name: those that get share rows.
    public static func referenceAttributes(_ input: SelectionInput) -> [String] { shareAttributes(input) }

    /// Attributes whose every value gets a share row; country and organization are left to quotas (too many values).
    static func shareAttributes(_ input: SelectionInput) -> [String] {
        ["gender", "region", "development"] + input.attributeNames.filter { !AttributeKey.builtIn.contains($0) && !AttributeKey.standing.contains($0) }
    }

    public static func audit(roster: SelectionInput, pool: SelectionInput? = nil, references: [ReferenceShare] = []) -> AuditResult {
        let policy = roster.policy
        let members = roster.nominees
        var notes: [Message] = []
        // The roster's own quota rows count its members; with a pool, `each` takes the values of the pool,
        // so a value no member has still shows (count 0).
        let base = pool ?? roster
        let baseStandings = base.nominees.map { pool == nil ? Standing.free : Standing.of($0, rules: policy.rules) }
        // Quotas on an attribute the roster does not give (a composition without that column) are not counted.
        let unknown = Set(policy.quotas.filter { roster.unknownAttributes.contains($0.attribute) }.map(\.index))
        // Percentages are judged on the members the roster has in each scope (a roster of 53 for 50 seats
        // needs 40% of 53), so the bounds are worked out on those counts, not on the policy's seats.
        var onRoster: [String: Int] = [:]
        for m in members { onRoster[m.group, default: 0] += 1 }
        var rosterSeats = policy.seats
        for group in policy.groups { rosterSeats[group] = onRoster[group] ?? 0 }
        let rows = QuotaRow.expand(policy: policy, nominees: base.nominees, standings: baseStandings, seats: rosterSeats)
            .filter { !unknown.contains($0.quotaIndex) }
        func count(_ row: QuotaRow) -> Int {
            let keys = Set(row.values.map(AttributeKey.normalize))
            return members.filter { row.covers($0) && ($0.key(of: row.attribute).map(keys.contains) ?? false) }.count
        }
        // In a composition a blank cell is a member whose value is unknown: a row is judged only when every
        // value those members could have gives the same verdict; otherwise it is not verified.
        var blankRows: [UnverifiedQuota] = []
        var quotas: [QuotaOutcome] = []
        for row in rows {
            let c = count(row)
            let blanks = roster.isComposition
                ? members.filter { row.covers($0) && $0.key(of: row.attribute) == nil }.count : 0
            // The true count lies in c...c+blanks; the counts the row admits are an interval. Uncertain when
            // the two meet without the first lying wholly inside the second.
            let lo = Swift.max(c, row.min ?? c), hi = Swift.min(c + blanks, row.max ?? (c + blanks))
            if blanks > 0, lo <= hi, lo != c || hi != c + blanks {
                blankRows.append(UnverifiedQuota(index: row.quotaIndex, cause: .blanks,
                                                 subject: "\(row.label.drop { $0 != ":" }.dropFirst(2)) (\(Words.count(blanks, "member")) without a \(row.attribute))",
                                                 reason: "\(c) counted, and \(blanks) more whose \(row.attribute) the table leaves blank could make it \(row.admits(c) ? "violated" : "met")"))
                continue
            }
            quotas.append(QuotaOutcome(row: row, count: c, hasPanel: true, enforced: true))
        }
        let groups = policy.seats.map { (group: $0.key, seats: $0.value) }.map { entry -> GroupOutcome in
            let inGroup = members.filter { $0.group == entry.group }
            return GroupOutcome(group: entry.group, seats: entry.seats, seated: inGroup.count, rankSum: 0, topChoicesSeated: 0)
        }
        if groups.contains(where: { !$0.filled }), policy.quotas.contains(where: { $0.min?.isPercent == true || $0.max?.isPercent == true }) {
            notes.append(Message(roster.isComposition ? .auditPercentagesInComposition : .auditPercentagesOnRoster,
                                 ["members": .number(members.count), "seats": .number(policy.totalSeats)]))
        }
        let absentValues = pool != nil ? [] : policy.quotas.filter {
            !unknown.contains($0.index) && $0.selector == .each && QuotaRow.referenceValues[$0.attribute] == nil
                && ($0.min.map { $0.minimum(seats: policy.totalSeats) > 0 } ?? false)
        }
        let unverified = policy.quotas.filter { unknown.contains($0.index) }.map {
            UnverifiedQuota(index: $0.index, cause: .attributeNotGiven, subject: "\($0.attribute), which the \(roster.isComposition ? "composition" : "roster") does not give",
                            reason: "\(roster.nominations.path) has no \($0.attribute) column, so this quota cannot be counted")
        } + absentValues.map {
            UnverifiedQuota(index: $0.index, cause: .absentValues, subject: "\($0.attribute) values nobody on the roster has",
                            reason: "without --pool the values absent from the roster are unknown")
        } + blankRows
        // How the table was read (blank cells, merged ranges) belongs in the report, not only on the terminal.
        if roster.isComposition { notes += roster.readingNotes.map(Message.inputNote) }
        if let uncounted = SelectionContext.uncountedNote(policy) { notes.append(uncounted) }
        if !absentValues.isEmpty { notes.append(Message(.auditAbsentValuesUnchecked)) }

        // Shares, with the pool's null model and the references.
        var shares: [ShareRow] = []
        let n = members.count
        let nullModel = pool.map { NullModel(pool: $0, roster: roster) }
        if let nullModel { notes += nullModel.notes }
        for attribute in shareAttributes(roster) where !roster.unknownAttributes.contains(attribute) {
            var values: [String: String] = [:]
            for m in members + (pool?.nominees ?? []) { if let key = m.key(of: attribute), values[key] == nil { values[key] = m.value(of: attribute)! } }
            for reference in references where reference.attribute == attribute {
                let key = AttributeKey.normalize(canonical(reference.value, attribute))
                if values[key] == nil { values[key] = canonical(reference.value, attribute) }
            }
            // In a composition a blank cell is unknown: the true count of a value lies between the members
            // who have it and those plus every blank, and each test gives the range of its probability over
            // those counts (elsewhere a blank is a value of its own, "none", and counts in the total).
            let unknown = roster.isComposition ? members.filter { $0.key(of: attribute) == nil }.count : 0
            for key in values.keys.sorted() {
                let c = members.filter { $0.key(of: attribute) == key }.count
                var row = ShareRow(attribute: attribute, value: values[key]!, count: c, unknown: unknown,
                                   share: n == 0 ? 0 : Double(c) / Double(n), size: n)
                if let nullModel, let distribution = nullModel.distribution(attribute: attribute, key: key) {
                    // Only counts random filling from the pool could give: the unknown members' values are
                    // bounded by the pool too. A known count the pool cannot give is said, not shown as a tiny p.
                    let support = distribution.support
                    let high = Swift.min(c + unknown, support.upperBound)
                    if c > support.upperBound || c + unknown < support.lowerBound {
                        notes.append(Message(.auditCountOutsidePool, ["value": .text("\(attribute) \(values[key]!)"), "count": .number(c),
                                                                      "low": .number(support.lowerBound), "high": .number(support.upperBound)]))
                    } else {
                        row.poolTest = ShareTest(.pool, distribution, observed: Swift.max(c, support.lowerBound)...high)
                    }
                }
                if let reference = references.first(where: { $0.attribute == attribute && AttributeKey.normalize(canonical($0.value, attribute)) == key }) {
                    row.reference = reference.share
                    row.referenceTest = ShareTest(.reference, .binomial(trials: n, probability: reference.share), observed: c...(c + unknown),
                                                  expected: Double(n) * reference.share)
                }
                shares.append(row)
            }
        }
        holmAdjust(&shares)
        return AuditResult(roster: roster, pool: pool, groups: groups, quotas: quotas, shares: shares, notes: notes, unverified: unverified)
    }

    /// Holm's adjustment over every test the audit reports (pool and reference alike), one- and two-sided
    /// separately; for a range, the adjustment of every low end and of every high end (Holm's adjusted
    /// values rise with each p-value, so the true adjusted value lies between them).
    static func holmAdjust(_ shares: inout [ShareRow]) {
        let paths: [WritableKeyPath<ShareRow, ShareTest?>] = [\.poolTest, \.referenceTest]
        let tests = shares.indices.flatMap { i in paths.compactMap { shares[i][keyPath: $0] == nil ? nil : (i, $0) } }
        for (side, adjusted) in [(\ShareTest.oneSided, \ShareTest.oneSidedHolm), (\ShareTest.twoSided, \ShareTest.twoSidedHolm)] {
            let lows = CountDistribution.holm(tests.map { shares[$0.0][keyPath: $0.1]![keyPath: side].low })
            let highs = CountDistribution.holm(tests.map { shares[$0.0][keyPath: $0.1]![keyPath: side].high })
            for (k, (i, path)) in tests.enumerated() { shares[i][keyPath: path]![keyPath: adjusted] = ProbabilityRange(lows[k]!, highs[k]!) }
        }
    }

    static func canonical(_ value: String, _ attribute: String) -> String {
        switch attribute {
        case "region": return CountryTable.canonicalRegion(value) ?? value
        case "development": return CountryTable.canonicalDevelopment(value) ?? value
        default: return value
        }
    }
}

/// Each group's seats filled at random from its pool: members who must be seated (continuing, required)
/// are always in; the other seats are drawn uniformly from the group's other eligible nominees.
struct NullModel {
    var groups: [(fixed: [Nominee], free: [Nominee], draws: Int)] = []
    var notes: [Message] = []

    init(pool: SelectionInput, roster: SelectionInput) {
        let rules = roster.policy.rules
        for group in roster.policy.groups {
            let seated = roster.nominees.filter { $0.group == group }.count
            let eligible = pool.nominees.filter { $0.group == group && !Standing.of($0, rules: rules).isFixedOut }
            var fixed = eligible.filter { Standing.of($0, rules: rules).isFixedIn }
            var free = eligible.filter { Standing.of($0, rules: rules) == .free }
            if fixed.count > seated {
                notes.append(Message(.nullModelTooManyFixed, ["group": .text(group)]))
                free += fixed
                fixed = []
            }
            if seated - fixed.count > free.count {
                notes.append(Message(.nullModelTooFew, ["group": .text(group)]))
                continue
            }
            groups.append((fixed, free, seated - fixed.count))
        }
    }

    func distribution(attribute: String, key: String) -> CountDistribution? {
        guard !groups.isEmpty else { return nil }
        var total = CountDistribution.point(0)
        for g in groups {
            let fixedWith = g.fixed.filter { $0.key(of: attribute) == key }.count
            let freeWith = g.free.filter { $0.key(of: attribute) == key }.count
            total = total.convolved(with: CountDistribution.point(fixedWith))
                .convolved(with: .hypergeometric(population: g.free.count, successes: freeWith, draws: g.draws))
        }
        return total
    }
}
