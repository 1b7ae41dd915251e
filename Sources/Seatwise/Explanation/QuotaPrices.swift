// Quota prices (docs/guide/explain-and-defend.md, "Prices of the rules and the group report"): for every enforced quota bound at its limit, the best panel with that bound
// moved by one seat, re-solved exactly (never read from LP duals, which mislead on these problems).

enum QuotaPrices {
    struct Question: Sendable {
        var quotaRow: Int
        var bound: QuotaBoundSide
        var from: Int
        var to: Int
        var model: Int
        var question: Explainer.Question
    }

    /// One question per bound at its limit, in the models' row order.
    static func questions(result: SelectionResult, models: [SelectionModel], first: Int) -> [Question] {
        var out: [Question] = []
        for (m, model) in models.enumerated() {
            for (k, row) in model.program.rows.enumerated() {
                guard let q = row.origin.quotaRow else { continue }
                let global = model.quotaRowIDs[q]
                guard result.quotas[global].satisfied else { continue }
                let count = result.quotas[global].count
                if row.sense != .atMost, count == row.rhs, row.rhs > 0 {
                    out.append(Question(quotaRow: global, bound: .min, from: row.rhs, to: row.rhs - 1, model: m,
                                        question: .relax(model: m, row: k, lower: row.rhs - 1, upper: row.sense == .equal ? row.rhs : nil)))
                }
                if row.sense != .atLeast, count == row.rhs {
                    out.append(Question(quotaRow: global, bound: .max, from: row.rhs, to: row.rhs + 1, model: m,
                                        question: .relax(model: m, row: k, lower: row.sense == .equal ? row.rhs : nil, upper: row.rhs + 1)))
                }
            }
        }
        return out
    }

    static func price(_ p: Question, answer: CounterfactualSolver.Answer, model: SelectionModel, chosen: PanelScore,
                      words: ExplanationWords) -> QuotaPrice {
        let result = words.result
        let label = result.quotas[p.quotaRow].row.label
        let moveValues: [String: MessageValue] = ["bound": .text(p.bound.rawValue), "from": .number(p.from), "to": .number(p.to)]
        let move = MessageValue.message(Message(p.bound == .min ? .moveLowering : .moveRaising, moveValues))
        guard let score = answer.score else {
            return QuotaPrice(quotaRow: p.quotaRow, label: label, bound: p.bound, from: p.from, to: p.to, improvement: nil, improvementLevel: nil,
                              entering: [], leaving: [], said: Message(.priceNoPanel, ["label": .text(label), "move": move]))
        }
        let (delta, level) = chosen.delta(to: score, levels: model.rankLevels)
        let entering = answer.entering.map { model.columns[$0] }, leaving = answer.leaving.map { model.columns[$0] }
        let gain = -delta
        var values: [String: MessageValue] = ["label": .text(label), "move": move]
        let said: Message
        if gain == 0 {
            said = Message(.priceNoGain, values)
        } else {
            values["gain"] = .number(gain)
            values["changes"] = words.changes(entering: entering, leaving: leaving)
            if let level { values["level"] = .number(level) }
            said = Message(level == nil ? .priceGainRankSum : .priceGainLevels, values)
        }
        return QuotaPrice(quotaRow: p.quotaRow, label: label, bound: p.bound, from: p.from, to: p.to, improvement: gain, improvementLevel: level,
                          entering: entering, leaving: leaving, said: said)
    }
}
