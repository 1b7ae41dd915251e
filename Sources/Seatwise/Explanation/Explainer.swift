// Explains every decision of a selection round (SPEC §6): rule-based where no solve is needed, otherwise
// one counterfactual re-solve per nominee; plus quota prices and each group's deviations. Re-solves run
// on several threads, one GLPK problem per thread, in a fixed split so results never depend on the
// machine's core count.

import Dispatch
import Foundation

public struct ExplanationOptions: Sendable {
    /// A reversal that costs at most this much (objective units) is flagged as a close call.
    public var closeCall: Int
    /// Only this nominee (by id); nil = everyone.
    public var nominee: String?
    /// Compute quota prices.
    public var prices: Bool
    /// Called as re-solves finish (done, total), from worker threads.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public static let defaultCloseCall = 2

    public init(closeCall: Int = ExplanationOptions.defaultCloseCall, nominee: String? = nil, prices: Bool = true,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.closeCall = closeCall
        self.nominee = nominee
        self.prices = prices
        self.progress = progress
    }
}

public struct ExplanationReport: Sendable {
    public var explanations: [Explanation]
    public var prices: [QuotaPrice]
    public var deviations: [GroupDeviation]
}

public enum Explainer {
    /// Work split into this many chunks whatever the core count, so answers are reproducible.
    static let chunks = 4

    enum Question: Sendable {
        case force(model: Int, column: Int, value: Int)
        case relax(model: Int, row: Int, lower: Int?, upper: Int?)
    }

    struct Answer: Sendable {
        var answer: CounterfactualSolver.Answer
        var conflictRules: [String]
        var conflictMessage: String?
    }

    public static func explain(_ result: SelectionResult, options: ExplanationOptions = ExplanationOptions()) throws -> ExplanationReport {
        let nominees = result.input.nominees
        var targets = Array(nominees.indices)
        if let id = options.nominee {
            guard let i = nominees.firstIndex(where: { $0.id == id }) else {
                throw InputError([InputDiagnostic(file: result.input.nominations.path, key: "id", message: "no nominee has the id '\(id)'")])
            }
            targets = [i]
        }
        guard result.status != .infeasible else {
            let explanations = targets.map { i in
                Explanation(nominee: i, decision: .notSeated, reason: .noPanel, message: "No panel meets the rules, so no one is seated; see the diagnosis.",
                            delta: nil, deltaLevel: nil, entering: [], leaving: [], closeCall: false, rules: [])
            }
            return ExplanationReport(explanations: explanations, prices: [], deviations: [])
        }
        let context = SelectionContext(result.input, seed: result.seed)
        let models = Selector.models(context, mode: result.mode)
        let seated = result.isSeated
        var modelOf = [Int](repeating: -1, count: nominees.count), columnOf = [Int](repeating: -1, count: nominees.count)
        for (m, model) in models.enumerated() { for (j, i) in model.columns.enumerated() { modelOf[i] = m; columnOf[i] = j } }

        // Each group's nominees free to be chosen, indexed once (every explanation looks at its group).
        var freeByGroup: [String: [Int]] = [:]
        for (i, n) in nominees.enumerated() where result.standings[i] == .free { freeByGroup[n.group, default: []].append(i) }

        // Rule-based decisions first; the rest become questions.
        var explanations: [Explanation?] = Array(repeating: nil, count: targets.count)
        var questions: [Question] = []
        var asked: [(target: Int, question: Int)] = []
        for (t, i) in targets.enumerated() {
            switch classify(i, result: result, seated: seated, groupFree: freeByGroup[nominees[i].group] ?? []) {
            case .done(let explanation): explanations[t] = explanation
            case .ask:
                asked.append((t, questions.count))
                questions.append(.force(model: modelOf[i], column: columnOf[i], value: seated[i] ? 0 : 1))
            }
        }
        // Quota prices: every enforced quota row at its limit, its bound moved by one seat.
        var priceQuestions: [(quotaRow: Int, bound: String, from: Int, to: Int, model: Int, question: Int)] = []
        if options.prices && options.nominee == nil {
            for (m, model) in models.enumerated() {
                for (k, row) in model.program.rows.enumerated() {
                    guard let q = row.origin.quotaRow else { continue }
                    let quota = model.quotaRows[q]
                    guard let global = context.quotaRows.firstIndex(of: quota), result.quotas[global].satisfied else { continue }
                    let count = result.quotas[global].count
                    if row.sense != .atMost, count == row.rhs, row.rhs > 0 {
                        priceQuestions.append((global, "min", row.rhs, row.rhs - 1, m, questions.count))
                        questions.append(.relax(model: m, row: k, lower: row.rhs - 1, upper: row.sense == .equal ? row.rhs : nil))
                    }
                    if row.sense != .atLeast, count == row.rhs {
                        priceQuestions.append((global, "max", row.rhs, row.rhs + 1, m, questions.count))
                        questions.append(.relax(model: m, row: k, lower: row.sense == .equal ? row.rhs : nil, upper: row.rhs + 1))
                    }
                }
            }
        }
        let answers = try answerAll(questions, models: models, seated: seated, nominees: nominees, progress: options.progress)
        // The chosen panel's score in each model, the yardstick of every answer.
        let chosenScores = models.map { model in PanelScore(model: model, panel: model.columns.map { seated[$0] }) }

        for (target, question) in asked {
            let i = targets[target]
            explanations[target] = explainAnswer(i, answers[question], result: result, model: models[modelOf[i]], chosen: chosenScores[modelOf[i]],
                                                 seated: seated, groupFree: freeByGroup[nominees[i].group] ?? [], options: options)
        }
        let prices = priceQuestions.map { p -> QuotaPrice in
            price(p.quotaRow, bound: p.bound, from: p.from, to: p.to, answer: answers[p.question].answer, model: models[p.model],
                  chosen: chosenScores[p.model], result: result)
        }
        let all = explanations.map { $0! }
        return ExplanationReport(explanations: all, prices: prices, deviations: options.nominee == nil ? deviations(all, result: result) : [])
    }

    // MARK: - rule-based classification

    enum Classification { case done(Explanation), ask }

    /// `groupFree`: the nominees of i's group who are free to be chosen.
    static func classify(_ i: Int, result: SelectionResult, seated: [Bool], groupFree group: [Int]) -> Classification {
        let n = result.input.nominees[i]
        func done(_ reason: Explanation.Reason, _ message: String, rules: [String] = []) -> Classification {
            .done(Explanation(nominee: i, decision: seated[i] ? .seated : .notSeated, reason: reason, message: message, delta: nil,
                              deltaLevel: nil, entering: [], leaving: [], closeCall: false, rules: rules))
        }
        switch result.standings[i] {
        case .fixedIn(.continuing): return done(.continuing, "Seated: a continuing member, kept under rules.continuing: keep; counts toward \(n.group)'s seats and the quotas.", rules: ["rules.continuing: keep"])
        case .fixedIn(_):
            let note = result.policy.rules.maxTerms.map { n.terms >= $0 ? " (although past the term limit of \($0))" : "" } ?? ""
            return done(.required, "Seated: a required seat\(note).", rules: ["status: required"])
        case .fixedOut(.withdrawn): return done(.withdrawn, "Not seated: the nomination was withdrawn.", rules: ["status: withdrawn"])
        case .fixedOut(_):
            let limit = result.policy.rules.maxTerms ?? 0
            return done(.termLimited, "Not seated: has served \(n.terms) consecutive terms; rules.max_terms is \(limit).", rules: ["rules.max_terms: \(limit)"])
        case .free: break
        }
        let rank = result.ranks[i]
        if seated[i] {
            let rivals = group.filter { !seated[$0] && result.ranks[$0] <= rank && $0 != i }
            if rivals.isEmpty { return done(.inRankOrder, "Seated: \(n.group) ranked them \(rankText(n.rank)), and everyone it ranked higher is seated too.") }
        } else {
            let rivals = group.filter { seated[$0] && result.ranks[$0] >= rank && $0 != i }
            if rivals.isEmpty {
                let lowest = group.filter { seated[$0] }.map { result.ranks[$0] }.max()
                let cut = lowest.map { "; the lowest-ranked seated member of the group is ranked \(ordinal($0))" } ?? ""
                return done(.belowCut, "Not seated: below \(n.group)'s cut (ranked \(rankText(n.rank))\(cut)).")
            }
        }
        return .ask
    }

    // MARK: - counterfactual answers

    static func answerAll(_ questions: [Question], models: [SelectionModel], seated: [Bool], nominees: [Nominee],
                          progress: (@Sendable (Int, Int) -> Void)?) throws -> [Answer] {
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var answers: [Answer?]
            var done = 0
            var error: Error?
            init(_ n: Int) { answers = Array(repeating: nil, count: n) }
        }
        let box = Box(questions.count)
        guard !questions.isEmpty else { return [] }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            do {
                try answerChunk(chunk, questions, models: models, seated: seated, nominees: nominees, box: { k, a in
                    box.lock.lock(); box.answers[k] = a; box.done += 1; let done = box.done; box.lock.unlock()
                    progress?(done, questions.count)
                })
            } catch {
                box.lock.lock(); box.error = error; box.lock.unlock()
            }
            releaseGLPKThreadState() // every problem object of this chunk is gone by now
        }
        if let error = box.error { throw error }
        return box.answers.map { $0! }
    }

    /// One chunk on one thread: its own GLPK problems, created here, released before returning.
    static func answerChunk(_ chunk: Int, _ questions: [Question], models: [SelectionModel], seated: [Bool], nominees: [Nominee],
                            box: (Int, Answer) -> Void) throws {
        var solvers: [Int: CounterfactualSolver] = [:]
        var finders: [Int: ConflictFinder] = [:]
        func solver(_ m: Int) throws -> CounterfactualSolver {
            if let s = solvers[m] { return s }
            let s = try CounterfactualSolver(model: models[m], chosen: models[m].columns.map { seated[$0] })
            solvers[m] = s
            return s
        }
        for k in questions.indices where k % chunks == chunk {
            switch questions[k] {
            case .force(let m, let j, let value):
                let answer = try solver(m).forcing(j, to: value)
                var rules: [String] = [], message: String?
                if answer.panel == nil {
                    if let direct = directCause(models[m], column: j, value: value, nominees: nominees) {
                        rules = [direct.rule]; message = direct.message
                    } else {
                        if finders[m] == nil { finders[m] = try ConflictFinder(model: models[m], nominees: nominees) }
                        if let conflict = try finders[m]!.conflicts(forcing: (j, value), limit: 1).first {
                            rules = conflict.labels; message = conflict.message
                        }
                    }
                }
                box(k, Answer(answer: answer, conflictRules: rules, conflictMessage: message))
            case .relax(let m, let row, let lower, let upper):
                box(k, Answer(answer: try solver(m).relaxing(row: row, lower: lower, upper: upper), conflictRules: [], conflictMessage: nil))
            }
        }
    }

    /// A one-rule reason why column `j` cannot take `value`, found by counting (no solve).
    static func directCause(_ model: SelectionModel, column j: Int, value: Int, nominees: [Nominee]) -> (rule: String, message: String)? {
        let program = model.program
        let fixedIn = program.variables.indices.filter { program.variables[$0].lower == 1 && $0 != j }
        let free = program.variables.indices.filter { program.variables[$0].upper == 1 }
        for row in program.rows where row.terms.contains(where: { $0.variable == j }) {
            let members = Set(row.terms.map(\.variable))
            if value == 1, row.sense != .atLeast {
                let taken = fixedIn.filter(members.contains)
                if taken.count >= row.rhs {
                    let names = taken.prefix(5).map { "\(nominees[model.columns[$0]].name) [\(nominees[model.columns[$0]].id)]" }.joined(separator: ", ")
                    return (row.label, "\(row.label), and \(taken.count == 1 ? "that seat is" : "those seats are") already taken by members who must be seated (\(names))")
                }
            }
            if value == 0, row.sense != .atMost {
                let available = free.filter(members.contains)
                if available.count <= row.rhs {
                    return (row.label, "\(row.label), and only \(available.count) eligible nominee\(available.count == 1 ? " fits" : "s fit"), so every one of them is needed")
                }
            }
        }
        return nil
    }

    static func explainAnswer(_ i: Int, _ a: Answer, result: SelectionResult, model: SelectionModel, chosen chosenScore: PanelScore,
                              seated: [Bool], groupFree: [Int], options: ExplanationOptions) -> Explanation {
        let nominees = result.input.nominees
        let n = nominees[i]
        let isSeated = seated[i]
        let rank = result.ranks[i]
        let rivals = isSeated ? groupFree.filter { $0 != i && !seated[$0] && result.ranks[$0] < rank }
            : groupFree.filter { $0 != i && seated[$0] && result.ranks[$0] > rank }
        let blocking = bindingRows(i, result: result, seated: isSeated)
        guard let score = a.answer.score else {
            let rule = a.conflictMessage.map { ": \($0)" } ?? ""
            let message = isSeated
                ? "Seated: no panel that meets the rules leaves them out\(rule)."
                : "Not seated: no panel that meets the rules can seat them\(rule)."
            return Explanation(nominee: i, decision: isSeated ? .seated : .notSeated, reason: isSeated ? .cannotBeLeftOut : .cannotBeSeated,
                               message: message, delta: nil, deltaLevel: nil, entering: [], leaving: [], closeCall: false, rules: a.conflictRules)
        }
        let (delta, level) = chosenScore.delta(to: score, levels: model.rankLevels)
        let entering = a.answer.entering.map { model.columns[$0] }
        let leaving = a.answer.leaving.map { model.columns[$0] }
        let changes = changeText(entering: entering, leaving: leaving, result: result)
        let worse = deltaText(delta, level: level, chosen: chosenScore, other: score, objective: result.objective)
        let ranked = "\(n.group) ranked them \(rankText(n.rank))"
        let rivalText = rivals.isEmpty ? "" : ", \(isSeated ? "below" : "above") \(rivals.count) \(isSeated ? "nominee\(rivals.count == 1 ? "" : "s") of the group who \(rivals.count == 1 ? "is" : "are") not seated" : "seated member\(rivals.count == 1 ? "" : "s") of the group")"
        let rulesText = blocking.isEmpty ? "" : " Quotas at their limit that count them: \(blocking.joined(separator: "; "))."
        if delta == 0 {
            let message = "\(isSeated ? "Seated" : "Not seated") (\(ranked)\(rivalText)): an equally good panel \(isSeated ? "leaves them out" : "seats them") — \(changes). Seed \(result.seed) decided between the two."
            return Explanation(nominee: i, decision: isSeated ? .seated : .notSeated, reason: .tie, message: message, delta: 0, deltaLevel: nil,
                               entering: entering, leaving: leaving, closeCall: true, rules: blocking)
        }
        let close = delta <= options.closeCall
        let reason: Explanation.Reason = rivals.isEmpty ? (isSeated ? .inRankOrder : .belowCut) : (isSeated ? .aheadOfHigherRanked : .passedOver)
        let lead = isSeated
            ? (rivals.isEmpty ? "Seated (\(ranked))" : "Seated ahead of higher-ranked nominees (\(ranked)\(rivalText))")
            : (rivals.isEmpty ? "Not seated (\(ranked))" : "Not seated although ranked higher (\(ranked)\(rivalText))")
        let message = "\(lead). The best panel \(isSeated ? "without" : "with") them is \(worse): \(changes).\(rulesText)\(close ? " A close call." : "")"
        return Explanation(nominee: i, decision: isSeated ? .seated : .notSeated, reason: reason, message: message, delta: delta, deltaLevel: level,
                           entering: entering, leaving: leaving, closeCall: close, rules: blocking)
    }

    /// Quota rows at the limit that stop this decision from flipping: for the seated, minimums that
    /// count them; for the others, maximums that count them.
    static func bindingRows(_ i: Int, result: SelectionResult, seated: Bool) -> [String] {
        result.quotas.filter { q in
            q.enforced && q.row.members.contains(i) && (seated ? q.row.min == q.count : q.row.max == q.count)
        }.map(\.row.label)
    }

    static func price(_ q: Int, bound: String, from: Int, to: Int, answer: CounterfactualSolver.Answer, model: SelectionModel,
                      chosen: PanelScore, result: SelectionResult) -> QuotaPrice {
        let label = result.quotas[q].row.label
        let move = "\(bound == "min" ? "lowering" : "raising") its \(bound) from \(from) to \(to)"
        guard let score = answer.score else {
            return QuotaPrice(quotaRow: q, label: label, bound: bound, from: from, to: to, improvement: nil, improvementLevel: nil,
                              entering: [], leaving: [], message: "\(label): \(move) gives no panel.")
        }
        let (delta, level) = chosen.delta(to: score, levels: model.rankLevels)
        let entering = answer.entering.map { model.columns[$0] }, leaving = answer.leaving.map { model.columns[$0] }
        let gain = -delta
        let text = gain == 0 ? "would not improve the panel" :
            "would improve it by \(gain)\(level.map { " member\(gain == 1 ? "" : "s") of rank \($0)" } ?? " in the rank sum"): \(changeText(entering: entering, leaving: leaving, result: result))"
        return QuotaPrice(quotaRow: q, label: label, bound: bound, from: from, to: to, improvement: gain, improvementLevel: level,
                          entering: entering, leaving: leaving, message: "\(label): \(move) \(text).")
    }

    static func deviations(_ explanations: [Explanation], result: SelectionResult) -> [GroupDeviation] {
        result.groups.map { g in
            let passed = explanations.filter { e in
                let n = result.input.nominees[e.nominee]
                guard n.group == g.group, e.decision == .notSeated, result.standings[e.nominee] == .free else { return false }
                return result.seated.contains { result.input.nominees[$0].group == g.group && result.standings[$0] == .free && result.ranks[$0] > result.ranks[e.nominee] }
            }.sorted { result.ranks[$0.nominee] < result.ranks[$1.nominee] }
            let message = passed.isEmpty
                ? "\(g.group): the panel follows the group's ranking (\(g.topChoicesSeated) of its top \(g.seats) seated; the rest are continuing or required members or below the cut)."
                : "\(g.group): \(passed.count) nominee\(passed.count == 1 ? " was" : "s were") passed over for lower-ranked ones; \(g.topChoicesSeated) of its top \(g.seats) choices are seated."
            return GroupDeviation(group: g.group, seats: g.seats, topChoicesSeated: g.topChoicesSeated, passedOver: passed, message: message)
        }
    }

    // MARK: - words

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }

    static func rankText(_ rank: Int?) -> String { rank.map(ordinal) ?? "unranked" }

    static func person(_ i: Int, _ result: SelectionResult) -> String {
        let n = result.input.nominees[i]
        return "\(n.name) [\(n.id)] (\(n.group), \(rankText(n.rank)))"
    }

    static func changeText(entering: [Int], leaving: [Int], result: SelectionResult) -> String {
        let inText = entering.map { person($0, result) }.joined(separator: ", ")
        let outText = leaving.map { person($0, result) }.joined(separator: ", ")
        return "\(inText.isEmpty ? "no one" : inText) in; \(outText.isEmpty ? "no one" : outText) out"
    }

    static func deltaText(_ delta: Int, level: Int?, chosen: PanelScore, other: PanelScore, objective: ObjectiveKind) -> String {
        switch objective {
        case .rankSum: return "worse by \(delta) (rank sum \(other.values[0]) instead of \(chosen.values[0]))"
        case .lexicographic: return "worse: \(delta) fewer member\(delta == 1 ? "" : "s") of rank \(level ?? 0)"
        }
    }
}
