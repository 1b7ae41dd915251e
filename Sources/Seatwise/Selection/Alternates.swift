// Alternates for a chosen panel: for each seated member who is not required, the nominees who could take
// exactly that seat with everyone else staying and every enforced rule still met, best first (by the
// objective, then the seed); and the reserve list, the unseated nominees in the order they would be called.
// A one-for-one swap changes two columns only, so each is checked on the rows it touches, without a solver.
// The reserve holds exactly the nominees some valid panel can seat, judged by `Seatability` as the
// explanations judge them.

import SeatwiseSolver

public struct Alternates: Sendable {
    public struct Seat: Sendable {
        /// The seated member (an index into the input's nominees).
        public var member: Int
        /// Up to the number asked for, best first.
        public var alternates: [Int]
        /// When nobody can take the seat: what prevents it, in words.
        public var blockedBy: String?
    }

    /// One entry per seated member who is not required, in the panel's order.
    public var seats: [Seat]
    /// Every unseated nominee whom some panel meeting every enforced rule can seat, in the order they
    /// would be called: by effective rank, then by the seeded tie-break.
    public var reserve: [Int]
    public var count: Int

    /// Each seat's alternates only (no reserve list, no solver): for what-if answers and replacements.
    public static func seats(_ result: SelectionResult, count: Int) -> [Seat] {
        (try? Alternates(result, count: count, reserve: false).seats) ?? []
    }

    /// Alternates for each seat of `result`, up to `count` each, and the reserve list.
    public init(_ result: SelectionResult, count: Int, budget: SolveBudget = .unlimited) throws {
        try self.init(result, count: count, reserve: true, budget: budget)
    }

    private init(_ result: SelectionResult, count: Int, reserve withReserve: Bool, budget: SolveBudget = .unlimited) throws {
        self.count = count
        let context = result.context
        let nominees = result.input.nominees
        let seated = Set(result.seated)
        let weights = TieBreakOrder(seed: result.seed, ids: nominees.map(\.id)).weights
        // The rows the selection enforces, with their counts at the panel and, per nominee, the rows it is in.
        let enforced = result.quotas.filter(\.enforced).map(\.row)
        let counts = enforced.map { row in row.members.reduce(0) { $0 + (seated.contains($1) ? 1 : 0) } }
        var rowsOf = [[Int]](repeating: [], count: nominees.count)
        for (r, row) in enforced.enumerated() { for i in row.members { rowsOf[i].append(r) } }
        let eligible = nominees.indices.filter { !seated.contains($0) && !context.standings[$0].isFixedOut }
        func callOrder(_ a: Int, _ b: Int) -> Bool { (context.ranks[a], weights[a], nominees[a].id) < (context.ranks[b], weights[b], nominees[b].id) }
        let ordered = eligible.sorted(by: callOrder)
        var byGroup: [String: [Int]] = [:]
        for i in ordered { byGroup[nominees[i].group, default: []].append(i) }

        /// The first enforced row that seating `u` in place of `m` would break, or nil when none would.
        func broken(out m: Int, in u: Int) -> Int? {
            for r in Set(rowsOf[m] + rowsOf[u]).sorted() {
                let delta = (rowsOf[u].contains(r) ? 1 : 0) - (rowsOf[m].contains(r) ? 1 : 0)
                if delta != 0, !enforced[r].admits(counts[r] + delta) { return r }
            }
            return nil
        }
        seats = []
        // A required, ex officio or appointed member holds the seat by rule: nobody is an alternate for it.
        // A group that chose alone has chosen: its own next choice, not the coordinator's, would fill a gap.
        for m in result.seated where ![.fixedIn(.required), .fixedIn(.exOfficio), .fixedIn(.appointed), .fixedIn(.independent)].contains(result.standings[m]) {
            let candidates = byGroup[nominees[m].group] ?? []
            var found: [Int] = []
            for u in candidates where broken(out: m, in: u) == nil {
                found.append(u)
                if found.count == count { break }
            }
            var reason: String?
            if found.isEmpty {
                if let first = candidates.first, let r = broken(out: m, in: first) {
                    let change = rowsOf[first].contains(r) ? 1 : -1
                    reason = phrase("every other nominee of {group} would break a rule in this seat; the next in line, {nominee}, would take {rule} to {count}",
                                    ["group": .text(nominees[m].group), "nominee": .nominee(id: nominees[first].id, name: nominees[first].name), "rule": .text(enforced[r].label), "count": .number(counts[r] + change)])
                } else {
                    reason = phrase("{group} has no other nominee who could be seated", ["group": .text(nominees[m].group)])
                }
            }
            seats.append(Seat(member: m, alternates: found, blockedBy: reason))
        }
        // The reserve: the seatable, as `explain` judges them (Seatability, shared).
        var seatable = Set<Int>()
        if withReserve {
            let seatability = Seatability(result)
            for i in ordered where try seatability.isSeatable(i, budget: budget) { seatable.insert(i) }
        }
        reserve = withReserve ? ordered.filter(seatable.contains) : []
    }
}
