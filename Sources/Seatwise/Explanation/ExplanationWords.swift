// The words of an explanation: a decision by rule, by a counterfactual answer, or left unknown, each
// with the numbers behind it and the rules that decide it. Kept apart from the solving.

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
        worstSeatedRank = worst
        bestUnseatedRank = best
    }

    private func make(_ i: Int, _ reason: Explanation.Reason, _ message: String, rules: [String] = [], delta: Int? = nil,
                      deltaAtLeast: Int? = nil, level: Int? = nil, entering: [Int] = [], leaving: [Int] = [], close: Bool = false) -> Explanation {
        Explanation(nominee: i, decision: seated[i] ? .seated : .notSeated, reason: reason, message: message, delta: delta,
                    deltaAtLeast: deltaAtLeast ?? delta, deltaLevel: level, entering: entering, leaving: leaving, closeCall: close, rules: rules)
    }

    /// Continuing, required, withdrawn and term-limited nominees: the rule decided; nil for the others.
    func byRule(_ i: Int) -> Explanation? {
        let n = result.input.nominees[i]
        switch result.standings[i] {
        case .fixedIn(.continuing):
            return make(i, .continuing, "Seated: a continuing member, kept under rules.continuing: keep; counts toward \(n.group)'s seats and the quotas.", rules: ["rules.continuing: keep"])
        case .fixedIn(.decision):
            return make(i, .decision, "Seated by decision of the coordinator (an adjustment of this round).", rules: ["adjustment: seat \(n.id)"])
        case .fixedOut(.decision):
            return make(i, .decision, "Not seated: excluded by decision of the coordinator (an adjustment of this round).", rules: ["adjustment: exclude \(n.id)"])
        case .fixedIn(_):
            let note = result.policy.rules.maxTerms.map { n.terms >= $0 ? " (although past the term limit of \($0))" : "" } ?? ""
            return make(i, .required, "Seated: a required seat\(note).", rules: ["status: required"])
        case .fixedOut(.withdrawn): return make(i, .withdrawn, "Not seated: the nomination was withdrawn.", rules: ["status: withdrawn"])
        case .fixedOut(.vacated): return make(i, .vacated, "Not seated: the member vacated the seat, and a replacement fills it.", rules: ["replace: vacate \(n.id)"])
        case .fixedOut(_):
            let limit = result.policy.rules.maxTerms ?? 0
            return make(i, .termLimited, "Not seated: has served \(n.terms) consecutive \(Words.noun(n.terms, "term")); rules.max_terms is \(limit).", rules: ["rules.max_terms: \(limit)"])
        case .free: return nil
        }
    }

    enum Unknown { case notProved, timeLimit }

    /// A free nominee whose reversal was not tested: what the ranks show, with no claim about cost.
    func unknown(_ i: Int, why: Unknown) -> Explanation {
        let rivals = self.rivals(i)
        let cause = why == .notProved ? "the time limit ended the search before the panel was proved best" : "the time limit ended the explanations before this one"
        let message = "\(lead(i, rivals: rivals)). Not tested against the best panel \(seated[i] ? "without" : "with") them: \(cause), so what reversing this decision would cost is not known."
        return make(i, .notTested, message)
    }

    /// A free nominee's decision from the best panel that reverses it.
    func explain(_ i: Int, _ a: Explainer.Answer, model: SelectionModel, chosen: PanelScore) throws -> Explanation {
        let isSeated = seated[i]
        if case .worseByAtLeast(let k) = a.answer.status {
            let level = model.rankLevels.first
            let amount = result.objective == .rankSum ? "a rank sum at least \(k) higher" : "at least \(k) fewer \(Words.noun(k, "member")) of rank \(level ?? 1)"
            let message = "\(lead(i, rivals: [])). No panel \(isSeated ? "without" : "with") them is as good: each has \(amount), if one meets the rules at all (proved by the linear relaxation), so this is no tie."
            return make(i, isSeated ? .inRankOrder : .belowCut, message, rules: rules.countingAtLimit(i), deltaAtLeast: k, level: level)
        }
        guard let score = a.answer.score else {
            let rule = a.conflictMessage.map { ": \($0)" } ?? ""
            let message = isSeated ? "Seated: no panel that meets the rules leaves them out\(rule)." : "Not seated: no panel that meets the rules can seat them\(rule)."
            return make(i, isSeated ? .cannotBeLeftOut : .cannotBeSeated, message, rules: a.conflictRules)
        }
        let (delta, level) = chosen.delta(to: score, levels: model.rankLevels)
        guard delta >= 0 else {
            // The chosen panel is proved optimal, so no reversal can be better: this would be a solver fault.
            throw SolverError.noAnswer("a panel better than the proved optimum was found while explaining \(result.input.nominees[i].id)")
        }
        let entering = a.answer.entering.map { model.columns[$0] }
        let leaving = a.answer.leaving.map { model.columns[$0] }
        let changes = changeText(entering: entering, leaving: leaving)
        let rivals = self.rivals(i)
        if delta == 0 {
            let message = "\(lead(i, rivals: rivals)). An equally good panel \(isSeated ? "leaves them out" : "seats them"): \(changes). Seed \(result.seed) decided between the two."
            return make(i, .tie, message, rules: rules.countingAtLimit(i), delta: 0, entering: entering, leaving: leaving, close: true)
        }
        let reason: Explanation.Reason = isSeated ? (rivals.isEmpty ? .inRankOrder : .aheadOfHigherRanked) : (rivals.isEmpty ? .belowCut : .passedOver)
        let decisive = rivals.isEmpty ? rules.countingAtLimit(i).map { (kind: "quota", label: $0) } : rules.decisive(i, rivals: rivals)
        let rulesText: String
        if decisive.isEmpty {
            rulesText = ""
        } else if rivals.isEmpty {
            rulesText = " Quotas at their limit that count them: \(decisive.map(\.label).joined(separator: "; "))."
        } else {
            let swap = isSeated ? "seating a higher-ranked nominee in their place" : "seating them in place of a lower-ranked member"
            rulesText = " What stops \(swap): " + decisive.map { "the \($0.kind) \($0.label)" }.joined(separator: "; ") + "."
        }
        let close = delta <= closeCall
        let worse = deltaText(delta, level: level, chosen: chosen, other: score)
        let message = "\(lead(i, rivals: rivals)). The best panel \(isSeated ? "without" : "with") them is \(worse): \(changes).\(rulesText)\(close ? " A close call." : "")"
        return make(i, reason, message, rules: decisive.map(\.label), delta: delta, level: level, entering: entering, leaving: leaving, close: close)
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
    func lead(_ i: Int, rivals: [Int]) -> String {
        let n = result.input.nominees[i]
        let ranked = "\(n.group) ranked them \(Self.rankText(n.rank))"
        let named = rivals.prefix(3).map { person($0) }.joined(separator: ", ") + (rivals.count > 3 ? " and \(rivals.count - 3) more" : "")
        if seated[i] {
            return rivals.isEmpty ? "Seated (\(ranked), and everyone it ranked higher is seated too)"
                : "Seated ahead of higher-ranked nominees (\(ranked); left out although ranked higher: \(named))"
        }
        if rivals.isEmpty {
            let lowest = worstSeatedRank[n.group]
            return "Not seated: below \(n.group)'s cut (ranked \(Self.rankText(n.rank))\(lowest.map { "; the lowest-ranked member seated by choice is ranked \(Self.ordinal($0))" } ?? ""))"
        }
        return "Not seated although ranked higher (\(ranked); seated although ranked lower: \(named))"
    }

    // MARK: - numbers in words

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }

    static func rankText(_ rank: Int?) -> String { rank.map(ordinal) ?? "unranked" }

    func person(_ i: Int) -> String {
        let n = result.input.nominees[i]
        return "\(n.name) [\(n.id)] (\(n.group), \(Self.rankText(n.rank)))"
    }

    func changeText(entering: [Int], leaving: [Int]) -> String {
        let inText = entering.map(person).joined(separator: ", ")
        let outText = leaving.map(person).joined(separator: ", ")
        return "\(inText.isEmpty ? "no one" : inText) in; \(outText.isEmpty ? "no one" : outText) out"
    }

    func deltaText(_ delta: Int, level: Int?, chosen: PanelScore, other: PanelScore) -> String {
        switch result.objective {
        case .rankSum, .lottery: return "worse by \(delta) (rank sum \(other.values[0]) instead of \(chosen.values[0]))"
        case .lexicographic: return "worse: \(delta) fewer \(Words.noun(delta, "member")) of rank \(level ?? 0)"
        }
    }
}
