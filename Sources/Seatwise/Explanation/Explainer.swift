// Explains every decision of a selection round (docs/guide/explain-and-defend.md, "The reasons"): continuing, required, withdrawn and
// term-limited members by their rule; everyone else by a counterfactual re-solve with the decision
// reversed (no shortcut: a tie can hide behind any rank order). Plus quota prices and each group's
// deviations. Re-solves run on worker threads of their own, one GLPK problem per thread, within the
// round's budget; what the budget did not allow is said, never guessed.

import Foundation

public struct ExplanationOptions: Sendable {
    /// A reversal that costs at most this much (objective units) is flagged as a close call.
    public var closeCall: Int
    /// Only this nominee (by id); nil = everyone.
    public var nominee: String?
    /// Compute quota prices.
    public var prices: Bool
    /// The deadline, cancellation and memory cap the explanations share with the rest of the round.
    public var budget: SolveBudget
    /// Called as re-solves finish (done, total), from worker threads.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public static let defaultCloseCall = 2

    public init(closeCall: Int = ExplanationOptions.defaultCloseCall, nominee: String? = nil, prices: Bool = true,
                budget: SolveBudget = .unlimited, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.closeCall = closeCall
        self.nominee = nominee
        self.prices = prices
        self.budget = budget
        self.progress = progress
    }
}

public struct ExplanationReport: Sendable {
    public var explanations: [Explanation]
    public var prices: [QuotaPrice]
    public var deviations: [GroupDeviation]
    /// What was not computed and why (the panel not proved optimal, the time limit).
    public var notes: [Message] = []
}

public enum Explainer {
    /// Work split into this many threads whatever the core count.
    static let chunks = 4

    enum Question: Sendable {
        /// With `boundFirst`, a proof from the LP relaxation that the reversal is worse suffices.
        case force(model: Int, column: Int, value: Int, boundFirst: Bool)
        case relax(model: Int, row: Int, lower: Int?, upper: Int?)
    }

    struct Answer: Sendable {
        var answer: CounterfactualSolver.Answer
        var conflictRules: [CitedRule]
        var conflictMessage: Message?
    }

    public static func explain(_ result: SelectionResult, options: ExplanationOptions = ExplanationOptions()) throws -> ExplanationReport {
        let nominees = result.input.nominees
        var targets = Array(nominees.indices)
        if let id = options.nominee {
            let key = AttributeKey.normalize(id)
            guard let i = nominees.firstIndex(where: { $0.id == id }) ?? nominees.firstIndex(where: { AttributeKey.normalize($0.id) == key }) else {
                throw InputError([InputDiagnostic(file: result.input.nominations.path, key: "id",
                                                  message: "no nominee has the id '\(id)'\(Suggestions.closest(id, among: nominees.map(\.id)))")])
            }
            targets = [i]
        }
        guard result.status != .infeasible else {
            let explanations = targets.map { i in
                Explanation(nominee: i, decision: .notSeated, reason: .noPanel, said: Message(.explainNoPanel),
                            delta: nil, deltaAtLeast: nil, deltaLevel: nil, entering: [], leaving: [], closeCall: false, rules: [])
            }
            return ExplanationReport(explanations: explanations, prices: [], deviations: [])
        }
        let words = ExplanationWords(result: result, closeCall: options.closeCall)
        let models = result.context.models(mode: result.mode)
        let seated = result.isSeated
        var modelOf = [Int](repeating: -1, count: nominees.count), columnOf = [Int](repeating: -1, count: nominees.count)
        for (m, model) in models.enumerated() { for (j, i) in model.columns.enumerated() { modelOf[i] = m; columnOf[i] = j } }

        // Decided by a rule, or a question for the solver.
        var explanations: [Explanation?] = targets.map { words.byRule($0) }
        guard result.status == .optimal else {
            // Not proved optimal: what reversing a decision costs is unknown, and a comparison with an
            // unfinished search would mislead. Say what the ranks show and no more.
            let all = zip(targets, explanations).map { i, e in e ?? words.unknown(i, why: .notProved) }
            return ExplanationReport(explanations: all, prices: [], deviations: [],
                                     notes: [Message(.noteNotOptimalNoExplanations)])
        }
        var questions: [Question] = []
        var asked: [(target: Int, question: Int)] = []
        for (t, i) in targets.enumerated() where explanations[t] == nil {
            asked.append((t, questions.count))
            // In rank order or below the cut, docs/guide/explain-and-defend.md, "How each explanation is proved" asks only that the decision be no tie: a bound that
            // proves the reversal worse is enough. Otherwise the best reversed panel is needed.
            questions.append(.force(model: modelOf[i], column: columnOf[i], value: seated[i] ? 0 : 1, boundFirst: !words.hasRivals(i)))
        }
        let priceQuestions = options.prices && options.nominee == nil ? QuotaPrices.questions(result: result, models: models, first: questions.count) : []
        questions += priceQuestions.map(\.question)
        var answers = try answerAll(questions, models: models, seated: seated, nominees: nominees, options: options)
        // The chosen panel's score in each model, the yardstick of every answer.
        let chosenScores = models.map { model in PanelScore(model: model, panel: model.columns.map { seated[$0] }) }

        // A reversal proved worse by the relaxation alone says nothing of whether any panel seats the
        // nominee: that is judged as the reserve list judges it (Seatability), and an unseatable nominee
        // is explained by the rule that keeps them out.
        var seatability: Seatability?
        for (target, question) in asked {
            let i = targets[target]
            guard !seated[i], let answer = answers[question], case .worseByAtLeast = answer.answer.status else { continue }
            if seatability == nil { seatability = Seatability(result) }
            guard try !seatability!.isSeatable(i, budget: options.budget) else { continue }
            let (m, j) = (modelOf[i], columnOf[i])
            var rules: [CitedRule] = [], message: Message?
            if let direct = directCause(models[m], column: j, value: 1, nominees: nominees) {
                rules = [direct.rule]; message = direct.message
            } else if let conflict = try ConflictFinder(model: models[m], nominees: nominees).conflicts(forcing: (j, 1), limit: 1, budget: options.budget).conflicts.first {
                rules = cited(conflict, of: models[m]); message = conflict.message
            }
            answers[question] = Answer(answer: .without(.impossible), conflictRules: rules, conflictMessage: message)
        }
        for (target, question) in asked {
            let i = targets[target]
            guard let answer = answers[question] else { explanations[target] = words.unknown(i, why: .timeLimit); continue }
            explanations[target] = try words.explain(i, answer, model: models[modelOf[i]], chosen: chosenScores[modelOf[i]])
        }
        let prices = priceQuestions.enumerated().compactMap { k, p -> QuotaPrice? in
            answers[questions.count - priceQuestions.count + k].map { QuotaPrices.price(p, answer: $0.answer, model: models[p.model], chosen: chosenScores[p.model], words: words) }
        }
        var notes: [Message] = []
        let missing = asked.filter { answers[$0.question] == nil }.count
        if missing > 0 {
            notes.append(asked.count == 1 ? Message(.noteExplanationCutOne)
                         : Message(.noteExplanationsCut, ["missing": .number(missing), "asked": .number(asked.count)]))
        }
        if prices.count < priceQuestions.count {
            notes.append(Message(.notePricesCut, ["missing": .number(priceQuestions.count - prices.count), "asked": .number(priceQuestions.count)]))
        }
        let all = explanations.map { $0! }
        return ExplanationReport(explanations: all, prices: prices, deviations: options.nominee == nil ? deviations(all, result: result) : [], notes: notes)
    }

    // MARK: - counterfactual answers

    /// Every question's answer, or nil where the budget ran out first. Throws on cancellation.
    static func answerAll(_ questions: [Question], models: [SelectionModel], seated: [Bool], nominees: [Nominee],
                          options: ExplanationOptions) throws -> [Answer?] {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var answers: [Answer?]
            var done = 0
            init(_ n: Int) { answers = Array(repeating: nil, count: n) }
        }
        guard !questions.isEmpty else { return [] }
        let box = Box(questions.count)
        let progress = options.progress, budget = options.budget
        try (models.first?.backend ?? Solvers.glpk).run(min(chunks, questions.count), budget: budget) { chunk in
            try answerChunk(chunk, questions, models: models, seated: seated, nominees: nominees, budget: budget) { k, a in
                box.lock.lock(); box.answers[k] = a; box.done += 1; let done = box.done; box.lock.unlock()
                progress?(done, questions.count)
            }
        }
        return box.answers
    }

    /// One chunk on one worker thread: its own GLPK problems, made and released here.
    static func answerChunk(_ chunk: Int, _ questions: [Question], models: [SelectionModel], seated: [Bool], nominees: [Nominee],
                            budget: SolveBudget, box: (Int, Answer) -> Void) throws {
        var solvers: [Int: CounterfactualSolver] = [:]
        var finders: [Int: ConflictFinder] = [:]
        func solver(_ m: Int) throws -> CounterfactualSolver {
            if let s = solvers[m] { return s }
            let s = try CounterfactualSolver(model: models[m], chosen: models[m].columns.map { seated[$0] })
            solvers[m] = s
            return s
        }
        for k in questions.indices where k % chunks == chunk {
            try budget.checkCancelled()
            if budget.isExpired { return }
            switch questions[k] {
            case .force(let m, let j, let value, let boundFirst):
                if boundFirst, let proved = try solver(m).provedWorse(j, to: value, budget: budget) {
                    box(k, Answer(answer: proved, conflictRules: [], conflictMessage: nil))
                    continue
                }
                let answer = try solver(m).forcing(j, to: value, budget: budget)
                if answer.status == .unknown { continue }
                var rules: [CitedRule] = [], message: Message?
                if answer.status == .impossible {
                    if let direct = directCause(models[m], column: j, value: value, nominees: nominees) {
                        rules = [direct.rule]; message = direct.message
                    } else {
                        if finders[m] == nil { finders[m] = try ConflictFinder(model: models[m], nominees: nominees) }
                        if let conflict = try finders[m]!.conflicts(forcing: (j, value), limit: 1, budget: budget).conflicts.first {
                            rules = cited(conflict, of: models[m]); message = conflict.message
                        }
                    }
                }
                box(k, Answer(answer: answer, conflictRules: rules, conflictMessage: message))
            case .relax(let m, let row, let lower, let upper):
                let answer = try solver(m).relaxing(row: row, lower: lower, upper: upper, budget: budget)
                if answer.status != .unknown { box(k, Answer(answer: answer, conflictRules: [], conflictMessage: nil)) }
            }
        }
    }

    /// A one-rule reason why column `j` cannot take `value`, found by counting (no solve).
    static func directCause(_ model: SelectionModel, column j: Int, value: Int, nominees: [Nominee]) -> (rule: CitedRule, message: Message)? {
        let program = model.program
        let fixedIn = program.variables.indices.filter { program.variables[$0].lower == 1 && $0 != j }
        let free = program.variables.indices.filter { program.variables[$0].upper == 1 }
        for row in program.rows where row.terms.contains(where: { $0.variable == j }) {
            let members = Set(row.terms.map(\.variable))
            if value == 1, row.sense != .atLeast {
                let taken = fixedIn.filter(members.contains)
                if taken.count >= row.rhs {
                    let names = MessageValue.list(taken.prefix(5).map { .nominee(id: nominees[model.columns[$0]].id, name: nominees[model.columns[$0]].name) })
                    return (cited(row, of: model), Message(taken.count == 1 ? .causeSeatTaken : .causeSeatsTaken, ["rule": .text(row.label), "members": names]))
                }
            }
            if value == 0, row.sense != .atMost {
                let available = free.filter(members.contains)
                if available.count <= row.rhs {
                    return (cited(row, of: model), available.count == 1 ? Message(.causeOneEligible, ["rule": .text(row.label)])
                                : Message(.causeFewEligible, ["rule": .text(row.label), "count": .number(available.count)]))
                }
            }
        }
        return nil
    }

    /// A program row as an explanation cites it: its label, and the result's quota row it stands for.
    static func cited(_ row: IntegerProgram.Row, of model: SelectionModel) -> CitedRule {
        CitedRule(.rule(row.label), quota: row.origin.quotaRow.map { model.quotaRowIDs[$0] })
    }

    /// A conflict's rules as an explanation cites them: its rows (quota rows known by index), then the
    /// nominees fixed in or out.
    static func cited(_ conflict: Conflict, of model: SelectionModel) -> [CitedRule] {
        let rows = (conflict.rows + conflict.hardRows).map { cited(model.program.rows[$0], of: model) }
        return rows + conflict.rules.dropFirst(rows.count).map { CitedRule($0) }
    }

    static func deviations(_ explanations: [Explanation], result: SelectionResult) -> [GroupDeviation] {
        result.groups.map { g in
            let passed = explanations.filter { e in
                let n = result.input.nominees[e.nominee]
                guard n.group == g.group, e.decision == .notSeated, result.standings[e.nominee] == .free else { return false }
                return result.seated.contains { result.input.nominees[$0].group == g.group && result.standings[$0] == .free && result.ranks[$0] > result.ranks[e.nominee] }
            }.sorted { result.ranks[$0.nominee] < result.ranks[$1.nominee] }
            let said = passed.isEmpty
                ? Message(.deviationFollows, ["group": .text(g.group), "top": .message(Self.topChoices(g))])
                : Message(.deviationPassedOver, ["group": .text(g.group), "seated": .message(Self.topChoicesSeated(g)),
                                                 "passed": .message(passed.count == 1 ? Message(.passedOne) : Message(.passedMany, ["count": .number(passed.count)]))])
            return GroupDeviation(group: g.group, seats: g.seats, topChoicesSeated: g.topChoicesSeated, passedOver: passed, said: said)
        }
    }

    /// "3 of its top 10 choices", or for one seat "its first choice" / "its first choice not".
    static func topChoices(_ g: GroupOutcome) -> Message {
        guard g.seats != 1 else { return Message(g.topChoicesSeated == 1 ? .topFirstChoice : .topFirstChoiceNot) }
        return Message(.topChoices, ["seated": .number(g.topChoicesSeated), "seats": .number(g.seats)])
    }

    /// "3 of its top 10 choices are seated", "its first choice is not seated" and the like.
    static func topChoicesSeated(_ g: GroupOutcome) -> Message {
        if g.seats == 1 { return Message(g.topChoicesSeated == 1 ? .seatedFirstChoice : .seatedFirstChoiceNot) }
        return g.topChoicesSeated == 1 ? Message(.seatedTopOne, ["seats": .number(g.seats)])
            : Message(.seatedTop, ["seated": .number(g.topChoicesSeated), "seats": .number(g.seats)])
    }
}
