// Counting checks that prove a policy infeasible without solving (README, "Infeasible policies"): too few nominees for the
// seats, more fixed members than seats, minimums no pool can meet, minimums adding up past the seats.

public struct PreCheckFailure: Sendable, Equatable {
    /// Plain words with the numbers, e.g. "Civil Society has 8 eligible nominees for 10 seats".
    public var message: String
    /// Labels of the rules involved.
    public var rules: [String]
    /// Which check failed, so that a long list can be cut per kind.
    public var kind: Kind = .other

    public enum Kind: String, Sendable, CaseIterable {
        case seats, mustBeSeated, minimum, maximum, minimumsAddUp, other
    }
}

public enum PreCheck {
    public static func run(input: SelectionInput, standings: [Standing], quotaRows: [QuotaRow], groups: [String]) -> [PreCheckFailure] {
        let nominees = input.nominees
        var failures: [PreCheckFailure] = []
        let groupSet = Set(groups)
        // Nominees indexed by group once: a filter per group would be quadratic in 100,000 groups.
        var byGroup: [String: [Int]] = [:]
        for i in nominees.indices where groupSet.contains(nominees[i].group) { byGroup[nominees[i].group, default: []].append(i) }
        for group in groups {
            let seats = input.policy.seats(of: group)
            let members = byGroup[group] ?? []
            let eligible = members.filter { !standings[$0].isFixedOut }.count
            let fixed = members.filter { standings[$0].isFixedIn }.count
            let rule = "\(group) fills exactly \(Words.count(seats, "seat"))"
            if eligible < seats {
                let out = members.count - eligible
                let detail = out > 0 ? " (\(members.count) nominated, \(out) withdrawn or term-limited)" : ""
                failures.append(.init(message: "\(group) has \(eligible) eligible \(Words.noun(eligible, "nominee")) for \(Words.count(seats, "seat"))\(detail)", rules: [rule], kind: .seats))
            }
            if fixed > seats {
                failures.append(.init(message: "\(group) has \(fixed) members who must be seated (continuing or required) but only \(Words.count(seats, "seat"))", rules: [rule], kind: .mustBeSeated))
            }
        }
        for row in quotaRows where row.applies(to: groupSet) {
            let inScope = row.members.filter { groupSet.contains(nominees[$0].group) }
            let eligible = inScope.filter { !standings[$0].isFixedOut }.count
            let fixed = inScope.filter { standings[$0].isFixedIn }.count
            if let min = row.min, min > 0, inScope.isEmpty {
                // A value of the reference list nobody was nominated with: say so, and what can be done.
                let who = row.attribute == "region" ? "from \(row.values.joined(separator: " or "))" : "with \(row.subject)"
                let scope = row.group.map { " in \($0)" } ?? ""
                failures.append(.init(message: "nobody \(who) was nominated\(scope), but \(row.scopeName) needs at least \(min); reopen the call for nominations or relax this row", rules: [row.label], kind: .minimum))
            } else if let min = row.min, eligible < min {
                failures.append(.init(message: "\(row.scopeName) needs at least \(min) with \(row.subject), but only \(eligible) eligible nominee\(eligible == 1 ? " has" : "s have") it", rules: [row.label], kind: .minimum))
            }
            if let max = row.max, fixed > max {
                failures.append(.init(message: "\(row.scopeName) allows at most \(max) with \(row.subject), but \(fixed) members who must be seated have it", rules: [row.label], kind: .maximum))
            }
        }
        // Minimums on disjoint values of one attribute in one scope cannot add up past its seats.
        var byScope: [String: [QuotaRow]] = [:]
        for row in quotaRows where (row.min ?? 0) > 0 && row.applies(to: groupSet) {
            byScope["\(row.attribute)\u{1F}\(row.group ?? "")", default: []].append(row)
        }
        for key in byScope.keys.sorted() {
            let rows = byScope[key]!
            var taken = Set<String>()
            var chosen: [QuotaRow] = []
            for row in rows.sorted(by: { ($0.min ?? 0) > ($1.min ?? 0) }) {
                let keys = Set(row.values.map(AttributeKey.normalize))
                if keys.isDisjoint(with: taken) { chosen.append(row); taken.formUnion(keys) }
            }
            let total = chosen.reduce(0) { Int.saturatingAdd($0, $1.min ?? 0) }
            if chosen.count > 1, let first = chosen.first, total > first.seatsInScope {
                let parts = chosen.map { "\($0.min!) with \($0.values.joined(separator: " or "))" }.joined(separator: ", ")
                failures.append(.init(message: "the minimums on \(first.attribute) in \(first.scopeName) add up to \(total) (\(parts)), more than its \(Words.count(first.seatsInScope, "seat"))",
                                      rules: chosen.map(\.label), kind: .minimumsAddUp))
            }
        }
        return failures
    }
}
