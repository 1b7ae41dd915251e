// What an explanation says, as a typed message: a decision by rule, by a counterfactual answer, or left
// unknown, each with the numbers behind it and the rules that decide it. Kept apart from the solving;
// the catalogue puts it in words.

struct ExplanationWords {
    let result: SelectionResult
    let closeCall: Int
    let seated: [Bool]
    let rules: DecisiveRules
    /// Each group's nominees free to be chosen, and the worst rank among those seated by choice: every
    /// explanation looks at its group, so these are indexed once.
    private let freeByGroup: [String: [Int]]
    private let worstSeatedRank: [String: Int]
    private let bestUnseatedRank: [String: Int]
    /// With several places per person: the places each person is seated in, so that an application left
    /// out says where the person sits instead.
    private let seatedPlaces: [String: [String]]

    init(result: SelectionResult, closeCall: Int) {
        self.result = result
        self.closeCall = closeCall
        let seated = result.isSeated
        self.seated = seated
        rules = DecisiveRules(result: result)
        var free: [String: [Int]] = [:], worst: [String: Int] = [:], best: [String: Int] = [:]
        for (i, n) in result.input.nominees.enumerated() where result.standings[i] == .free {
            free[n.group, default: []].append(i)
            if seated[i] { worst[n.group] = max(worst[n.group] ?? 0, result.ranks[i]) } else { best[n.group] = min(best[n.group] ?? Int.max, result.ranks[i]) }
        }
        freeByGroup = free
        var places: [String: [String]] = [:]
        for (i, n) in result.input.nominees.enumerated() where seated[i] && n.placement != nil {
            places[n.person, default: []].append(n.group)
        }
        seatedPlaces = places
        worstSeatedRank = worst
        bestUnseatedRank = best
    }

    private func make(_ i: Int, _ reason: Explanation.Reason, _ said: Message, rules: [CitedRule] = [], delta: Int? = nil,
                      deltaAtLeast: Int? = nil, level: Int? = nil, entering: [Int] = [], leaving: [Int] = [], close: Bool = false) -> Explanation {
        var said = said
        if !seated[i], let elsewhere = seatedPlaces[result.input.nominees[i].person], elsewhere.count >= result.policy.rules.placesPerPerson {
            said = Message(.explainSeatedElsewhere, ["places": .list(elsewhere.map(MessageValue.text)), "said": .message(said)])
        }
        return Explanation(nominee: i, decision: seated[i] ? .seated : .notSeated, reason: reason, said: said, delta: delta,
                    deltaAtLeast: deltaAtLeast ?? delta, deltaLevel: level, entering: entering, leaving: leaving, closeCall: close, rules: rules)
    }

    /// Continuing, required, withdrawn and term-limited nominees: the rule decided; nil for the others.
    func byRule(_ i: Int) -> Explanation? {
        let n = result.input.nominees[i]
        switch result.standings[i] {
        case .fixedIn(.continuing):
            return make(i, .continuing, Message(.explainContinuing, ["group": .text(n.group)]), rules: [CitedRule(.rule("rules.continuing: keep"))])
        case .fixedIn(.exOfficio):
            return make(i, .exOfficio, Message(.explainExOfficio), rules: [CitedRule(.rule("status: ex_officio"))])
        case .fixedIn(.appointed):
            return make(i, .appointed, Message(.explainAppointed, ["group": .text(n.group)]), rules: [CitedRule(.rule("seats.\(n.group).mode: appointed"))])
        case .fixedIn(.independent), .fixedOut(.independent):
            return make(i, .chosenAlone, Message(seated[i] ? .explainChosenAloneSeated : .explainChosenAloneUnseated, ["group": .text(n.group)]),
                        rules: [CitedRule(.rule("seats.\(n.group).mode: independent"))])
        case .fixedIn(.decision):
            return make(i, .decision, Message(.explainSeatedByDecision), rules: [CitedRule(.rule("adjustment: seat \(n.id)"))])
        case .fixedOut(.decision):
            return make(i, .decision, Message(.explainExcludedByDecision), rules: [CitedRule(.rule("adjustment: exclude \(n.id)"))])
        case .fixedIn(_):
            if let limit = result.policy.rules.maxTerms, n.terms >= limit {
                return make(i, .required, Message(.explainRequiredPastTermLimit, ["limit": .number(limit)]), rules: [CitedRule(.rule("status: required"))])
            }
            return make(i, .required, Message(.explainRequired), rules: [CitedRule(.rule("status: required"))])
        case .fixedOut(.withdrawn): return make(i, .withdrawn, Message(.explainWithdrawn), rules: [CitedRule(.rule("status: withdrawn"))])
        case .fixedOut(.vacated): return make(i, .vacated, Message(.explainVacated), rules: [CitedRule(.rule("replace: vacate \(n.id)"))])
        case .fixedOut(_):
            let limit = result.policy.rules.maxTerms ?? 0
            return make(i, .termLimited, Message(.explainTermLimited, ["terms": .number(n.terms), "limit": .number(limit)]),
                        rules: [CitedRule(.rule("rules.max_terms: \(limit)"))])
        case .free: return nil
        }
    }

    enum Unknown { case notProved, timeLimit }

    /// A free nominee whose reversal was not tested: what the ranks show, with no claim about cost.
    func unknown(_ i: Int, why: Unknown) -> Explanation {
        let cause = MessageValue.message(Message(why == .notProved ? .causeNotProved : .causeExplanationsCut))
        return make(i, .notTested, Message(seated[i] ? .explainNotTestedSeated : .explainNotTestedUnseated,
                                           ["lead": lead(i, rivals: rivals(i)), "cause": cause]))
    }

    /// A free nominee's decision from the best panel that reverses it.
    func explain(_ i: Int, _ a: Explainer.Answer, model: SelectionModel, chosen: PanelScore) throws -> Explanation {
        let isSeated = seated[i]
        if case .worseByAtLeast(let k) = a.answer.status {
            let level = model.rankLevels.first
            let amount = result.objective == .rankSum ? Message(.amountRankSum, ["at_least": .number(k)])
                : Message(.amountLevels, ["at_least": .number(k), "level": .number(level ?? 1)])
            let said = Message(isSeated ? .explainNoTieSeated : .explainNoTieUnseated, ["lead": lead(i, rivals: []), "amount": .message(amount)])
            return make(i, isSeated ? .inRankOrder : .belowCut, said, rules: rules.countingAtLimit(i).map(quotaRule), deltaAtLeast: k, level: level)
        }
        guard let score = a.answer.score else {
            var said = Message(isSeated ? .explainCannotBeLeftOut : .explainCannotBeSeated)
            if let conflict = a.conflictMessage { said.parameters["because"] = .message(Message(.because, ["reason": .message(conflict)])) }
            return make(i, isSeated ? .cannotBeLeftOut : .cannotBeSeated, said, rules: a.conflictRules)
        }
        let (delta, level) = chosen.delta(to: score, levels: model.rankLevels)
        guard delta >= 0 else {
            // The chosen panel is proved optimal, so no reversal can be better: this would be a solver fault.
            throw SolverError.noAnswer("a panel better than the proved optimum was found while explaining \(result.input.nominees[i].id)")
        }
        let entering = a.answer.entering.map { model.columns[$0] }
        let leaving = a.answer.leaving.map { model.columns[$0] }
        let changes = self.changes(entering: entering, leaving: leaving)
        let rivals = self.rivals(i)
        if delta == 0, let more = score.history.map({ $0 - (chosen.history ?? 0) }), more > 0 {
            // As good by rank, and the history stage chose: the other panel's countries held more seats.
            let said = Message(isSeated ? .explainHistorySeated : .explainHistoryUnseated,
                               ["lead": lead(i, rivals: rivals), "changes": changes, "more": .number(more)])
            return make(i, .history, said, rules: [CitedRule(.rule("history.prefer: fewer_country_seats"))], delta: 0,
                        entering: entering, leaving: leaving, close: true)
        }
        if delta == 0 {
            let said = Message(isSeated ? .explainTieSeated : .explainTieUnseated,
                               ["lead": lead(i, rivals: rivals), "changes": changes, "seed": .text(String(result.seed))])
            return make(i, .tie, said, rules: rules.countingAtLimit(i).map(quotaRule), delta: 0, entering: entering, leaving: leaving, close: true)
        }
        let reason: Explanation.Reason = isSeated ? (rivals.isEmpty ? .inRankOrder : .aheadOfHigherRanked) : (rivals.isEmpty ? .belowCut : .passedOver)
        let decisive = rivals.isEmpty ? rules.countingAtLimit(i).map { (kind: DecisiveRules.Kind.atLimit, quota: $0) } : rules.decisive(i, rivals: rivals)
        var said = Message(isSeated ? .explainWorseSeated : .explainWorseUnseated,
                           ["lead": lead(i, rivals: rivals), "worse": .message(worse(delta, level: level, chosen: chosen, other: score)), "changes": changes])
        if !decisive.isEmpty {
            let named: [MessageValue] = decisive.map(cited)
            let code: MessageCode = rivals.isEmpty ? .rulesAtLimit : isSeated ? .rulesStopHigher : .rulesStopLower
            said.parameters["rules"] = .message(Message(code, ["rules": .clauses(named)]))
        }
        let close = delta <= closeCall
        if close { said.parameters["close"] = Message.part(.closeCall) }
        return make(i, reason, said, rules: decisive.map { quotaRule($0.quota) }, delta: delta, level: level, entering: entering, leaving: leaving, close: close)
    }

    /// Whether `rivals(i)` is non-empty, in constant time.
    func hasRivals(_ i: Int) -> Bool {
        let group = result.input.nominees[i].group, rank = result.ranks[i]
        return seated[i] ? (bestUnseatedRank[group] ?? Int.max) < rank : (worstSeatedRank[group] ?? Int.min) > rank
    }

    /// Free nominees of i's group ranked strictly above i and left out (i seated), or strictly below
    /// i and seated (i not seated).
    func rivals(_ i: Int) -> [Int] {
        guard hasRivals(i) else { return [] }
        let rank = result.ranks[i]
        return (freeByGroup[result.input.nominees[i].group] ?? []).filter { r in
            r != i && (seated[i] ? (!seated[r] && result.ranks[r] < rank) : (seated[r] && result.ranks[r] > rank))
        }.sorted { (result.ranks[$0], result.input.nominees[$0].id) < (result.ranks[$1], result.input.nominees[$1].id) }
    }

    /// "Seated ahead of higher-ranked nominees (Gov ranked them 3rd; left out: A [a1] (1st))" and the like.
    func lead(_ i: Int, rivals: [Int]) -> MessageValue {
        let n = result.input.nominees[i]
        let group = MessageValue.text(n.group), rank = MessageValue.rank(n.rank)
        let shown = rivals.prefix(3).map(person)
        let named: MessageValue = rivals.count > 3
            ? .message(Message(.peopleAndMore, ["people": .list(shown), "more": .number(rivals.count - 3)])) : .list(shown)
        if seated[i] {
            return .message(rivals.isEmpty ? Message(.leadSeatedInOrder, ["group": group, "rank": rank])
                : Message(.leadSeatedAhead, ["group": group, "rank": rank, "rivals": named]))
        }
        if rivals.isEmpty {
            guard let lowest = worstSeatedRank[n.group] else { return .message(Message(.leadBelowCut, ["group": group, "rank": rank])) }
            return .message(Message(.leadBelowCutLowest, ["group": group, "rank": rank, "lowest": .rank(lowest)]))
        }
        return .message(Message(.leadPassedOver, ["group": group, "rank": rank, "rivals": named]))
    }

    /// A quota row cited by an explanation.
    func quotaRule(_ k: Int) -> CitedRule { CitedRule(.rule(result.quotas[k].row.label), quota: k) }

    /// A deciding rule as a sentence names it: "the minimum …", "the cap …", or its label alone.
    func cited(_ rule: (kind: DecisiveRules.Kind, quota: Int)) -> MessageValue {
        let row = result.quotas[rule.quota].row
        let label = MessageValue.text(row.label)
        // An "exactly N" rule is neither a minimum nor a cap: it is named by which side of it binds.
        let exact = row.min != nil && row.min == row.max
        switch rule.kind {
        case .atLimit: return label
        case .minimum: return .message(Message(exact ? .ruleExactShort : .ruleMinimum, ["label": label]))
        case .cap: return .message(Message(exact ? .ruleExactOver : .ruleCap, ["label": label]))
        }
    }

    // MARK: - numbers and people

    static func ordinal(_ n: Int) -> String { Catalogue.englishOrdinal(n) }

    static func rankText(_ rank: Int?) -> String { rank.map(ordinal) ?? "unranked" }

    /// A nominee with their group and rank: "Name [id] (Group, 3rd)" in English.
    func person(_ i: Int) -> MessageValue {
        let n = result.input.nominees[i]
        return .message(Message(.person, ["nominee": .nominee(id: n.id, name: n.name), "group": .text(n.group), "rank": .rank(n.rank)]))
    }

    /// Who comes in and who goes out: "A [a] (G, 1st) in; B [b] (G, 4th) out".
    func changes(entering: [Int], leaving: [Int]) -> MessageValue {
        func people(_ list: [Int]) -> MessageValue { list.isEmpty ? Message.part(.noOne) : .list(list.map(person)) }
        return .message(Message(.changes, ["entering": people(entering), "leaving": people(leaving)]))
    }

    func worse(_ delta: Int, level: Int?, chosen: PanelScore, other: PanelScore) -> Message {
        switch result.objective {
        case .rankSum, .lottery: return Message(.worseRankSum, ["delta": .number(delta), "other": .number(other.values[0]), "chosen": .number(chosen.values[0])])
        case .lexicographic: return Message(.worseLevels, ["delta": .number(delta), "level": .number(level ?? 0)])
        }
    }
}
