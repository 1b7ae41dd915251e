// An independent reference for small instances: enumerates every panel, checks every rule straight
// from the policy's words (docs/reference.md, "Policy file"; docs/guide/run-a-round.md, "What a selection does") and keeps the best. Shares no code with the model or solver.

@testable import Seatwise

enum BruteForce {
    struct Best {
        /// Rank sum, or the lexicographic vector of counts per rank level (best first), as compared.
        var key: [Int]
        var panels: Int
    }

    static func effectiveRank(_ nominees: [Nominee], _ i: Int) -> Int {
        if let r = nominees[i].rank { return r }
        let ranked = nominees.filter { $0.group == nominees[i].group }.compactMap(\.rank)
        return (ranked.max() ?? 0) + 1
    }

    static func fixedIn(_ n: Nominee, _ policy: Policy) -> Bool {
        let limited = policy.rules.maxTerms.map { n.terms >= $0 } ?? false
        return n.status == .required || (n.status == .continuing && policy.rules.continuing == .keep && !limited)
    }

    static func fixedOut(_ n: Nominee, _ policy: Policy) -> Bool {
        let limited = policy.rules.maxTerms.map { n.terms >= $0 } ?? false
        return n.status == .withdrawn || (limited && n.status != .required)
    }

    static func ceilPercent(_ num: Int, _ den: Int, _ seats: Int) -> Int { Int((Double(num * seats) / Double(den)).rounded(.up)) }
    static func floorPercent(_ num: Int, _ den: Int, _ seats: Int) -> Int { Int((Double(num * seats) / Double(den)).rounded(.down)) }

    /// Whether `panel` (indices) meets every rule; body-wide quotas are skipped when `bodyQuotas` is false.
    static func meetsRules(_ panel: Set<Int>, _ nominees: [Nominee], _ policy: Policy, groups: [String], bodyQuotas: Bool) -> Bool {
        for g in groups {
            if panel.filter({ nominees[$0].group == g }).count != policy.seats(of: g) { return false }
        }
        for (i, n) in nominees.enumerated() where groups.contains(n.group) {
            if fixedIn(n, policy) && !panel.contains(i) { return false }
            if fixedOut(n, policy) && panel.contains(i) { return false }
        }
        for quota in policy.quotas {
            var scopes: [(members: [Int], seats: Int)] = []
            switch quota.scope {
            case .body:
                if !bodyQuotas { continue }
                scopes = [(Array(nominees.indices), policy.totalSeats)]
            case .perGroup:
                scopes = groups.map { g in (nominees.indices.filter { nominees[$0].group == g }, policy.seats(of: g)) }
            case .group(let g):
                if !groups.contains(g) { continue }
                scopes = [(nominees.indices.filter { nominees[$0].group == g }, policy.seats(of: g))]
            }
            for scope in scopes {
                var valueSets: [Set<String>] = []
                switch quota.selector {
                case .one(let v): valueSets = [[v.lowercased()]]
                case .anyOf(let vs): valueSets = [Set(vs.map { $0.lowercased() })]
                case .each:
                    let present = Set(scope.members.filter { !fixedOut(nominees[$0], policy) }
                        .compactMap { nominees[$0].attributes[quota.attribute]?.lowercased() })
                    // Region and development: every value of the reference list, nominated or not.
                    let listed = (QuotaRow.referenceValues[quota.attribute] ?? []).map { $0.lowercased() }
                    valueSets = present.union(listed).map { [$0] }
                }
                for values in valueSets {
                    let count = scope.members.filter { panel.contains($0) && values.contains(nominees[$0].attributes[quota.attribute]?.lowercased() ?? "\u{0}") }.count
                    if let min = quota.min {
                        let bound: Int
                        switch min {
                        case .count(let c): bound = c
                        case .percent(let num, let den): bound = ceilPercent(num, den, scope.seats)
                        }
                        if count < bound { return false }
                    }
                    if let max = quota.max {
                        let bound: Int
                        switch max {
                        case .count(let c): bound = c
                        case .percent(let num, let den): bound = floorPercent(num, den, scope.seats)
                        }
                        if count > bound { return false }
                    }
                }
            }
        }
        return true
    }

    /// The comparison key of a panel: smaller is better.
    static func key(_ panel: Set<Int>, _ nominees: [Nominee], _ policy: Policy, levels: Int) -> [Int] {
        switch policy.objective {
        case .rankSum, .lottery: return [panel.map { effectiveRank(nominees, $0) }.reduce(0, +)]
        case .lexicographic:
            // "First choices across groups, then second choices": an unranked nominee is no one's k-th choice.
            let ranks = panel.compactMap { nominees[$0].rank }
            return (1...levels).map { level in -ranks.filter { $0 == level }.count }
        }
    }

    /// The best panel's key over `groups`, or nil when no panel meets the rules.
    static func best(_ nominees: [Nominee], _ policy: Policy, groups: [String], bodyQuotas: Bool, forced: [Int: Bool] = [:]) -> Best? {
        let levels = (nominees.indices.map { effectiveRank(nominees, $0) }.max() ?? 1)
        var perGroup: [[[Int]]] = []
        for g in groups {
            let members = nominees.indices.filter { nominees[$0].group == g }
            perGroup.append(combinations(members, policy.seats(of: g)))
        }
        var best: Best?
        func walk(_ k: Int, _ chosen: [Int]) {
            if k == perGroup.count {
                let panel = Set(chosen)
                guard forced.allSatisfy({ panel.contains($0.key) == $0.value }) else { return }
                guard meetsRules(panel, nominees, policy, groups: groups, bodyQuotas: bodyQuotas) else { return }
                let key = key(panel, nominees, policy, levels: levels)
                if best == nil || key.lexicographicallyPrecedes(best!.key) { best = Best(key: key, panels: 1) } else if key == best!.key { best!.panels += 1 }
                return
            }
            for combo in perGroup[k] { walk(k + 1, chosen + combo) }
        }
        walk(0, [])
        return best
    }

    static func combinations(_ items: [Int], _ k: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        if items.count < k { return [] }
        var result: [[Int]] = []
        for (i, item) in items.enumerated() {
            for rest in combinations(Array(items[(i + 1)...]), k - 1) { result.append([item] + rest) }
        }
        return result
    }
}
