// The `replacement` key of a `seatwise replace` JSON report: the difference from the sitting body as a
// what-if states it (entering, leaving), the reason, the roster read, and each seat's next in line.

struct ReplacementRecord: Encodable {
    var reason: String?
    var roster: String
    var rosterSha256: String
    var vacated: [String]
    var entering: [String]
    var leaving: [String]
    /// Per replacement id, the nominee who could take that seat next (null when nobody can).
    var nextInLine: [String: String?]
    var lines: [String]

    init(_ r: Replacement) {
        let ids = r.result.input.nominees.map(\.id)
        reason = r.reason
        roster = r.roster.path
        rosterSha256 = r.roster.sha256
        vacated = r.vacated.map { ids[$0] }
        let entered = r.result.status == .infeasible ? [] : r.entering
        entering = entered.map { ids[$0] }
        leaving = r.leaving.map { ids[$0] }
        nextInLine = Dictionary(uniqueKeysWithValues: entered.map { i in (ids[i], r.nextInLine[i].map { ids[$0] }) })
        lines = r.lines
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(reason, forKey: .reason); try c.encode(roster, forKey: .roster); try c.encode(rosterSha256, forKey: .rosterSha256)
        try c.encode(vacated, forKey: .vacated); try c.encode(entering, forKey: .entering); try c.encode(leaving, forKey: .leaving)
        try c.encode(nextInLine, forKey: .nextInLine); try c.encode(lines, forKey: .lines)
    }
    enum Keys: String, CodingKey { case reason, roster, rosterSha256, vacated, entering, leaving, nextInLine, lines }
}
