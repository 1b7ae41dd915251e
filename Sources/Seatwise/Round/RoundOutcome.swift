// The one path from a request to a round's outcome: the library decides, once, whether the request can
// be answered for this policy, then solves, explains or diagnoses, lists alternates, makes the public view
// and states an adjusted round's difference from the unadjusted optimum. The CLI, the workbench and
// `verify` call `Round.run` and render what it returns; none of them repeats the sequence.

/// What is asked of a round (besides its files, mode, seed and adjustments, which the round holds).
public struct RoundRequest: Sendable {
    /// The analysis asked for: a ranked selection (`select`), or one of the commands that only make sense
    /// on a ranked selection (refused for a lottery policy, on every surface alike).
    public enum Analysis: String, Sendable, CaseIterable {
        case select, explain, compare, whatIf = "what-if", exportLP = "export-lp"
    }
    public var analysis: Analysis = .select
    /// Explain every decision (or only `explanationOptions.nominee`'s).
    public var explain = false
    public var explanationOptions = ExplanationOptions()
    /// When infeasible, also choose the best panel under the smallest repair.
    public var repair = false
    /// Each seat's alternates (up to this many) and the reserve list.
    public var alternates: Int?
    /// The version to publish: seated members named, the others counted.
    public var publicReport = false
    /// Whether an adjusted round's outcome carries its difference from the unadjusted optimum.
    public var differenceFromUnadjusted = true
    /// Told as each phase begins (the command line's `--progress`).
    public var progress: (@Sendable (Phase) -> Void)?

    /// The phases of a run, in order.
    public enum Phase: String, Sendable { case selecting, explaining, diagnosing, alternates, comparing }

    public init(analysis: Analysis = .select, explain: Bool = false, explanationOptions: ExplanationOptions = ExplanationOptions(),
                repair: Bool = false, alternates: Int? = nil, publicReport: Bool = false) {
        self.analysis = analysis
        self.explain = explain
        self.explanationOptions = explanationOptions
        self.repair = repair
        self.alternates = alternates
        self.publicReport = publicReport
    }

    /// The options of a ranked selection this request asks for, by their command-line names.
    var rankedOptions: [String] {
        [("--public", publicReport), ("--repair", repair), ("--explain", explain && analysis == .select), ("--alternates", alternates != nil)].filter(\.1).map(\.0)
    }

    /// Refuses what this policy cannot answer: every surface calls this, so what the command line refuses
    /// the workbench refuses too, with the same words.
    public func check(_ policy: Policy) throws {
        guard policy.objective == .lottery else { return }
        if analysis != .select { throw RoundRefusal.rankedOnly(analysis) }
        let options = rankedOptions
        if !options.isEmpty { throw RoundRefusal.lotteryOptions(options) }
    }
}

/// A request a policy cannot answer (exit 2 on the command line, 409 with a JSON body on the server).
public enum RoundRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// explain, compare, what-if or export-lp asked of a lottery policy.
    case rankedOnly(RoundRequest.Analysis)
    /// Options of a ranked selection asked of a lottery policy.
    case lotteryOptions([String])

    /// The refusal in words, the same on every surface.
    public var description: String {
        switch self {
        case .rankedOnly(let analysis):
            return "the policy's objective is lottery: `seatwise \(analysis.rawValue)` works on a ranked selection; `seatwise lottery` reports every nominee's chance and the draw"
        case .lotteryOptions(let options):
            return "the policy's objective is lottery: \(options.joined(separator: ", ")) \(options.count == 1 ? "belongs" : "belong") to a ranked selection; `seatwise lottery` reports every nominee's chance and the draw"
        }
    }
}

/// A round's outcome: the result under the round's rules, and whatever the request asked for.
public struct RoundOutcome: Sendable {
    public var request: RoundRequest
    public var round: Round
    public var result: SelectionResult
    public var explanations: ExplanationReport?
    public var diagnosis: Diagnosis?
    public var alternates: Alternates?
    public var publicView: PublicView?
    /// For an adjusted round: the unadjusted optimum as the "before", this round's result as the "after"
    /// (who enters, who leaves, what each group's ranking pays). Nil without adjustments.
    public var difference: WhatIf?
}

extension Round {
    /// The outcome of `request` on this round, within `budget`. A lottery policy's refusals come first,
    /// before anything is solved. `solved`: this round's result when it is already in hand (a workbench
    /// session keeps it), so it is not solved again.
    public func run(_ request: RoundRequest, budget: SolveBudget = .unlimited, solved: SelectionResult? = nil) throws -> RoundOutcome {
        try request.check(input.policy)
        request.progress?(.selecting)
        let result = try solved ?? solve(budget: budget)
        var outcome = RoundOutcome(request: request, round: self, result: result)
        var explanationOptions = request.explanationOptions
        explanationOptions.budget = budget
        if result.status == .infeasible {
            request.progress?(.diagnosing)
            outcome.diagnosis = try Diagnoser.diagnose(result, repair: request.repair, budget: budget)
            // The panel under the repair is explained under the repaired rules it was chosen by.
            if request.explain, let repaired = outcome.diagnosis?.repaired, repaired.status != .infeasible {
                outcome.diagnosis?.repairedExplanations = try Explainer.explain(repaired, options: explanationOptions)
            }
        } else if request.explain {
            request.progress?(.explaining)
            outcome.explanations = try Explainer.explain(result, options: explanationOptions)
        }
        try budget.checkCancelled()
        if let k = request.alternates, result.status != .infeasible, !request.publicReport {
            request.progress?(.alternates)
            outcome.alternates = try Alternates(result, count: k, budget: budget)
        }
        if request.differenceFromUnadjusted, !adjustments.isEmpty {
            request.progress?(.comparing)
            var unadjusted = self
            unadjusted.adjustments = []
            outcome.difference = WhatIf(adjustments: adjustments, base: try unadjusted.solve(budget: budget), result: result)
        }
        if request.publicReport { outcome.publicView = PublicView(result, explanations: outcome.explanations) }
        return outcome
    }
}
