// Counting checks that prove a policy infeasible without solving (docs/guide/impossible-rules.md, "Pre-checks"): too few nominees for the
// seats, more fixed members than seats, minimums no pool can meet, minimums adding up past the seats.

public struct PreCheckFailure: Sendable, Equatable {
    /// What fails, with the numbers ("Civil Society has 8 eligible nominees for 10 seats" in English).
    public var message: Message
    /// The rules involved.
    public var rules: [Message]
    /// The same rules by what they are.
    public var references: [RuleReference] = []
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
        // A failure's references are rules that clash by themselves, as few as the count shows (the fewest
        // fixed nominees that make it fail), so that any solver can rebuild them and find no panel.
        let fixedOut = { (list: [Int], count: Int) in
            list.filter { standings[$0].isFixedOut }.prefix(Swift.max(0, count)).map { RuleReference.fixed(nominees[$0].id, value: 0) }
        }
        let fixedIn = { (list: [Int], count: Int) in
            list.filter { standings[$0].isFixedIn }.prefix(Swift.max(0, count)).map { RuleReference.fixed(nominees[$0].id, value: 1) }
        }
        for group in groups {
            let seats = input.policy.seats(of: group)
            let members = byGroup[group] ?? []
            let eligible = members.filter { !standings[$0].isFixedOut }.count
            let fixed = members.filter { standings[$0].isFixedIn }.count
            let rule = Message(.precheckSeatsRule, ["group": .text(group), "seats": .number(seats)])
            if eligible < seats {
                let out = members.count - eligible
                var said = Message(.precheckTooFewEligible, ["group": .text(group), "eligible": .number(eligible), "seats": .number(seats)])
                if out > 0 { said.parameters["detail"] = .message(Message(.precheckOutDetail, ["nominated": .number(members.count), "out": .number(out)])) }
                failures.append(.init(message: said, rules: [rule], references: [.seats(group, seats)] + fixedOut(members, members.count - seats + 1),
                                      kind: .seats))
            }
            if fixed > seats {
                failures.append(.init(message: Message(.precheckMustBeSeated, ["group": .text(group), "fixed": .number(fixed), "seats": .number(seats)]),
                                      rules: [rule], references: [.seats(group, seats)] + fixedIn(members, seats + 1), kind: .mustBeSeated))
            }
        }
        for row in quotaRows where row.applies(to: groupSet) {
            let inScope = row.members.filter { groupSet.contains(nominees[$0].group) }
            let eligible = inScope.filter { !standings[$0].isFixedOut }.count
            let fixed = inScope.filter { standings[$0].isFixedIn }.count
            if let min = row.min, min > 0, inScope.isEmpty {
                // A value of the reference list nobody was nominated with: say so, and what can be done.
                var said = row.attribute == "region" ? Message(.precheckNobodyFrom, ["values": .alternatives(row.values.map(MessageValue.text))])
                    : Message(.precheckNobodyWith, ["subject": .text(row.subject)])
                said.parameters["scope"] = scopeName(row)
                said.parameters["min"] = .number(min)
                if let group = row.group { said.parameters["in"] = .message(Message(.precheckInGroup, ["group": .text(group)])) }
                failures.append(.init(message: said, rules: [.rule(row.label)], references: [.quota(row, bound: .min, value: min)] + fixedOut(inScope, inScope.count - min + 1),
                                      kind: .minimum))
            } else if let min = row.min, eligible < min {
                var said = Message(eligible == 1 ? .precheckTooFewWithOne : .precheckTooFewWith,
                                   ["scope": scopeName(row), "min": .number(min), "subject": .text(row.subject)])
                if eligible != 1 { said.parameters["eligible"] = .number(eligible) }
                failures.append(.init(message: said, rules: [.rule(row.label)], references: [.quota(row, bound: .min, value: min)] + fixedOut(inScope, inScope.count - min + 1),
                                      kind: .minimum))
            }
            if let max = row.max, fixed > max {
                failures.append(.init(message: Message(.precheckTooManyFixed, ["scope": scopeName(row), "max": .number(max), "subject": .text(row.subject),
                                                                               "fixed": .number(fixed)]),
                                      rules: [.rule(row.label)], references: [.quota(row, bound: .max, value: max)] + fixedIn(inScope, max + 1),
                                      kind: .maximum))
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
            // The largest minimums until they pass the seats: dropping any one of them leaves them within.
            if let first = chosen.first, chosen.reduce(0, { Int.saturatingAdd($0, $1.min ?? 0) }) > first.seatsInScope {
                var sum = 0
                chosen = Array(chosen.prefix { row in defer { sum = Int.saturatingAdd(sum, row.min ?? 0) }; return sum <= first.seatsInScope })
            }
            let total = chosen.reduce(0) { Int.saturatingAdd($0, $1.min ?? 0) }
            guard let first = chosen.first, total > first.seatsInScope else { continue }
            // The seats that bound the scope: those of the groups whose eligible nominees the minimums count.
            let holders = Set(chosen.flatMap(\.members).filter { !standings[$0].isFixedOut }.map { nominees[$0].group })
            let seatRows = (first.group.map { [$0] } ?? groups.filter(holders.contains)).map { RuleReference.seats($0, input.policy.seats(of: $0)) }
            if chosen.count == 1 {
                failures.append(.init(message: Message(.precheckMinimumAboveSeats, ["scope": scopeName(first), "min": .number(total), "subject": .text(first.subject),
                                                                                    "seats": .number(first.seatsInScope)]),
                                      rules: [.rule(first.label)], references: [.quota(first, bound: .min, value: total)] + seatRows, kind: .minimumsAddUp))
            } else {
                let parts = MessageValue.list(chosen.map { row in
                    .message(Message(.precheckMinimumPart, ["min": .number(row.min!), "values": .alternatives(row.values.map(MessageValue.text))]))
                })
                failures.append(.init(message: Message(.precheckMinimumsAddUp, ["attribute": .text(first.attribute), "scope": scopeName(first), "total": .number(total),
                                                                                 "parts": parts, "seats": .number(first.seatsInScope)]),
                                      rules: chosen.map { .rule($0.label) },
                                      references: chosen.map { .quota($0, bound: .min, value: $0.min!) } + seatRows,
                                      kind: .minimumsAddUp))
            }
        }
        return failures
    }

    /// A row's scope: its group, or the body.
    static func scopeName(_ row: QuotaRow) -> MessageValue {
        row.group.map(MessageValue.text) ?? Message.part(.theBody)
    }
}
