// From a lottery over count vectors (how many of each class of interchangeable nominees a panel seats) to a
// lottery over panels of people in which everyone in a class has the class's chance, exactly.
// Each count vector's probability is an interval of time; within each class the interval's seats are
// shared among the members (mostly whole: most members are in or out for a whole interval), McNaughton's
// wrap-around rule lays those shares on the interval's seats, and each piece of an interval on which nobody
// changes is one panel. Every panel seats exactly the counts it came from, so it meets every rule.

enum PanelExpansion {
    /// Shares within this of 0 or 1 are 0 or 1 (GLPK's answers carry rounding of about 1e-15).
    static let snap = 1e-9
    /// Pieces of an interval shorter than this (a fraction of the interval) are rounding, not panels.
    static let sliver = 1e-13

    /// `segments`: count vectors (per class) with positive probabilities summing to 1. `members[c]`: the
    /// nominee indices of class c. Returns panels (nominee indices, ascending) with their probabilities.
    static func expand(_ segments: [(counts: [Int], probability: Double)], members: [[Int]], backend: any SolverBackend = Solvers.glpk) throws -> [(panel: [Int], probability: Double)] {
        // shares[c][j]: each member's share of interval j (0…1), summing over members to the count.
        var shares: [[[Double]]] = []
        for (c, people) in members.enumerated() {
            shares.append(try classShares(counts: segments.map { $0.counts[c] }, lengths: segments.map(\.probability), size: people.count, backend: backend))
        }
        var panels: [[Int]: Double] = [:]
        for (j, segment) in segments.enumerated() {
            var always: [Int] = []
            // Events at positions in [0, 1) of the interval: a member enters (+1) or leaves (−1).
            var events: [(at: Double, member: Int, enters: Bool)] = []
            for (c, people) in members.enumerated() where segment.counts[c] > 0 {
                var position = 0.0
                let partial = people.indices.filter { shares[c][$0][j] > 0 && shares[c][$0][j] < 1 }
                let seatsForPartial = Double(partial.count == 0 ? 0 : segment.counts[c] - people.indices.filter { shares[c][$0][j] >= 1 }.count)
                for i in people.indices where shares[c][i][j] >= 1 { always.append(people[i]) }
                // McNaughton: the partial shares laid end to end on the seats left, each seat the whole
                // interval; a share that runs past a seat's end continues on the next seat from the start.
                for (k, i) in partial.enumerated() {
                    let start = position
                    let end = k == partial.count - 1 ? seatsForPartial : position + shares[c][i][j]
                    position = end
                    let from = start - start.rounded(.down)
                    var to = end - end.rounded(.down)
                    if to == 0 { to = 1 }
                    if from < to && end - start < 1 {
                        events.append((from, people[i], true)); events.append((to, people[i], false))
                    } else {
                        events.append((0, people[i], true)); events.append((to, people[i], false))
                        events.append((from, people[i], true)); events.append((1, people[i], false))
                    }
                }
            }
            // Leaving before entering at the same point: a member whose two pieces meet stays in.
            events.sort { $0.at != $1.at ? $0.at < $1.at : (!$0.enters && $1.enters) }
            var active = Set<Int>()
            var k = 0
            var here = 0.0
            while here < 1 {
                while k < events.count && events[k].at <= here {
                    if events[k].enters { active.insert(events[k].member) } else { active.remove(events[k].member) }
                    k += 1
                }
                let next = k < events.count ? events[k].at : 1
                if next - here > sliver {
                    let panel = (always + active).sorted()
                    panels[panel, default: 0] += segment.probability * (next - here)
                }
                here = next
            }
        }
        // In a fixed order (a dictionary's is not): the same sums, to the last bit, on every run.
        let listed = panels.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let total = listed.reduce(0) { $0 + $1.value }
        return listed.map { ($0.key, $0.value / total) }
    }

    /// Each member's share of each interval for one class: a point of the transportation polytope (shares
    /// in [0, 1], each interval's shares summing to its count, each member's probability-weighted sum equal)
    /// with few fractional shares — the greedy rule's, else a vertex from an LP on GLPK, else the even
    /// shares count/size (always a point, but every member fractional).
    static func classShares(counts: [Int], lengths: [Double], size: Int, backend: any SolverBackend = Solvers.glpk) throws -> [[Double]] {
        let even = (0..<size).map { _ in counts.map { Double($0) / Double(size) } }
        let open = counts.indices.filter { counts[$0] > 0 && counts[$0] < size }
        guard size > 1, !open.isEmpty else { return even }
        let demand = open.reduce(0.0) { $0 + lengths[$1] * Double(counts[$1]) } / Double(size)
        if let shares = greedyShares(counts: counts, lengths: lengths, size: size, open: open, demand: demand, even: even) { return shares }
        let rows = (0..<size).map { _ in (lower: Optional(demand), upper: Optional(demand)) }
            + open.map { (lower: Optional(Double(counts[$0])), upper: Optional(Double(counts[$0]))) }
        let lp = try backend.linearSession(rows: rows, maximize: false)
        for i in 0..<size {
            for (r, j) in open.enumerated() {
                try lp.addColumn(cost: 0, lower: 0, upper: 1, entries: [(i, lengths[j]), (size + r, 1)])
            }
        }
        guard try lp.solve(deadline: nil, cancel: nil).status == .optimal else { return even }
        let x = try lp.solution().primal
        var shares = even
        for i in 0..<size {
            for (r, j) in open.enumerated() { shares[i][j] = x[i * open.count + r] }
        }
        return checked(shares, counts: counts, lengths: lengths, size: size, open: open, demand: demand) ?? even
    }

    /// Usually a greedy rule finds such shares at once: intervals needing the most members first (then the
    /// shortest), each seat given whole to the member with the most left to receive — unless that would
    /// leave the rest unable to finish, when the interval is shared as "largest remainder first" shares it
    /// (down to a common level), which always can. The rest can finish exactly when, for every k, the k
    /// members with the most left need no more than the remaining intervals can give k people (each at most
    /// its length, to at most its count of them): max-flow/min-cut on the transportation network.
    static func greedyShares(counts: [Int], lengths: [Double], size: Int, open: [Int], demand: Double, even: [[Double]]) -> [[Double]]? {
        var left = [Double](repeating: demand, count: size)
        var shares = even
        for j in open { for i in 0..<size { shares[i][j] = 0 } }
        let order = open.sorted { (-counts[$0], lengths[$0], $0) < (-counts[$1], lengths[$1], $1) }
        // capacity[k]: what the intervals not yet shared can give the k members with the most left.
        var capacity = [Double](repeating: 0, count: size + 1)
        for j in order { for k in 1...size { capacity[k] += lengths[j] * Double(min(counts[j], k)) } }
        func canFinish(_ left: [Double]) -> Bool {
            var top = 0.0
            for (k, v) in left.sorted(by: >).enumerated() {
                top += v
                if top > capacity[k + 1] + 1e-12 * max(1, capacity[k + 1]) { return false }
            }
            return true
        }
        for j in order {
            for k in 1...size { capacity[k] -= lengths[j] * Double(min(counts[j], k)) }
            let p = lengths[j], supply = p * Double(counts[j])
            var given = [Double](repeating: 0, count: size)
            var rest = supply
            for i in (0..<size).sorted(by: { (-left[$0], $0) < (-left[$1], $1) }) where rest > 0 && left[i] > 0 {
                given[i] = min(p, left[i], rest)
                rest -= given[i]
            }
            if rest > 1e-12 * Double(size) || !canFinish(zip(left, given).map { $0 - $1 }) {
                // Largest remainder first: everyone above a level L comes down toward it, by at most p.
                var low = 0.0, high = left.max() ?? 0
                for _ in 0..<200 {
                    let level = (low + high) / 2
                    let total = left.reduce(0) { $0 + min(p, max(0, $1 - level)) }
                    if total > supply { low = level } else { high = level }
                }
                given = left.map { min(p, max(0, $0 - high)) }
            }
            for i in 0..<size where given[i] > 0 {
                shares[i][j] = given[i] / p
                left[i] -= given[i]
            }
        }
        return checked(shares, counts: counts, lengths: lengths, size: size, open: open, demand: demand)
    }

    /// Shares snapped to 0 and 1 where within rounding, each interval's scaled to sum to its count exactly;
    /// nil unless every member's total then is the class's chance (to 1e-9).
    static func checked(_ raw: [[Double]], counts: [Int], lengths: [Double], size: Int, open: [Int], demand: Double) -> [[Double]]? {
        var shares = raw
        for i in 0..<size {
            for j in open {
                let v = shares[i][j]
                shares[i][j] = v < snap ? 0 : v > 1 - snap ? 1 : v
            }
        }
        // Each interval's shares sum to its count exactly; each member's total is the class's chance.
        for j in open {
            let full = (0..<size).filter { shares[$0][j] == 1 }.count
            let partial = (0..<size).filter { shares[$0][j] > 0 && shares[$0][j] < 1 }
            let sum = partial.reduce(0.0) { $0 + shares[$1][j] }
            let seats = Double(counts[j] - full)
            if partial.isEmpty ? seats != 0 : (seats <= 0 || abs(sum - seats) > 1e-7) { return nil }
            for i in partial { shares[i][j] *= seats / sum; if shares[i][j] > 1 + snap { return nil }; shares[i][j] = min(1, shares[i][j]) }
        }
        for i in 0..<size {
            let total = open.reduce(0.0) { $0 + lengths[$1] * shares[i][$1] }
            if abs(total - demand) > 1e-9 { return nil }
        }
        return shares
    }
}
