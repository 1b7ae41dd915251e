// The rules one selection is solved under: the input, every nominee's standing and effective rank, the
// concrete quota rows (as a repair or an adjustment may have moved them) and the seed with its source.
// A result carries its context, so explanations and diagnoses never rebuild the rules from the files.

/// Where the seed that breaks ties came from.
public enum SeedSource: String, Sendable, Codable {
    case policy
    case commandLine = "command line"
    /// Neither the policy nor the command gave one: `Policy.defaultSeed`.
    case `default`
}

public struct SelectionContext: Sendable {
    public var input: SelectionInput
    public var standings: [Standing]
    public var ranks: [Int]
    public var quotaRows: [QuotaRow]
    public var seed: UInt64
    public var seedSource: SeedSource
    /// The solver every algorithm on this context uses (the round's backend).
    public var backend: any SolverBackend = Solvers.glpk
    /// Changes to the policy's rules this context was solved under (the coordinator's, a repair), as facts.
    public var adjustments: [Message]
    /// The round's adjustments as applied (each once, the last of a kind standing), so that a report can
    /// say them in a form that re-applies (`seatwise verify`).
    public var applied: [Adjustment] = []
    /// How the files were read, and other notes in words (reading notes carry their file and place).
    public var notes: [String]
    /// Notes about the rules as facts (a required member past the term limit, values not checked).
    public var messages: [Message] = []
    /// Every note of the context in English: the typed ones, then those in words.
    public var noteWords: [String] { messages.map(\.description) + notes }

    /// `seed` overrides the policy's seed (the command line's `--seed`).
    public init(_ input: SelectionInput, seed: UInt64? = nil) {
        self.input = input
        let rules = input.policy.rules
        standings = input.nominees.map { Standing.of($0, rules: rules) }
        ranks = Ranking.effectiveRanks(input.nominees)
        quotaRows = QuotaRow.expand(policy: input.policy, nominees: input.nominees, standings: standings)
        if let seed {
            (self.seed, seedSource) = (seed, .commandLine)
        } else if let seed = input.policy.seed {
            (self.seed, seedSource) = (seed, .policy)
        } else {
            (self.seed, seedSource) = (Policy.defaultSeed, .default)
        }
        adjustments = []
        notes = input.readingNotes
        if let uncounted = Self.uncountedNote(input.policy) { messages.append(uncounted) }
        let appointed = input.policy.groups.filter(rules.appointed.contains)
        if !appointed.isEmpty { messages.append(Message(.noteAppointed, ["groups": .list(appointed.map(MessageValue.text))])) }
        let placesRows = quotaRows.filter(\.places)
        if !input.policy.bodies.isEmpty || !placesRows.isEmpty {
            messages.append(Message(.notePlaces, ["bodies": .number(max(1, input.policy.bodies.count)), "people": .number(placesRows.count),
                                                  "most": .number(rules.placesPerPerson)]))
        }
        if let maxTerms = rules.maxTerms {
            for nominee in input.nominees where nominee.terms >= maxTerms {
                if nominee.status == .required {
                    messages.append(Message(.requiredPastTermLimit, ["nominee": .nominee(id: nominee.id, name: nominee.name), "terms": .number(nominee.terms), "max_terms": .number(maxTerms)]))
                } else if nominee.status == .continuing, rules.continuing == .keep {
                    messages.append(Message(.continuingPastTermLimit, ["nominee": .nominee(id: nominee.id, name: nominee.name), "terms": .number(nominee.terms), "max_terms": .number(maxTerms)]))
                }
            }
        }
        // An `each` minimum on an attribute without a reference list has rows only for the values present.
        for quota in input.policy.quotas where quota.selector == .each && QuotaRow.referenceValues[quota.attribute] == nil
            && quota.min != nil && quota.min != .count(0) {
            messages.append(Message(.absentValuesNotChecked, ["quota": .number(quota.index + 1), "attribute": .text(quota.attribute)]))
        }
    }

    /// The model over `groups` with the quota rows that apply to them (`ids`: their indices in
    /// `quotaRows`, when they are not all of them).
    public func model(groups: [String], rows: [QuotaRow], ids: [Int]? = nil) -> SelectionModel {
        SelectionModel(input: input, standings: standings, ranks: ranks, quotaRows: rows, groups: groups, seed: seed, quotaRowIDs: ids, backend: backend)
    }

    /// The models a mode solves: one over all groups (coordinated), or one per group with that group's
    /// quotas (independent). Explanations and diagnoses re-solve the same models.
    public func models(mode: SelectionMode) -> [SelectionModel] {
        switch mode {
        case .coordinated:
            return [model(groups: input.policy.groups, rows: quotaRows)]
        case .independent:
            var byGroup: [String: [Int]] = [:]
            for (k, row) in quotaRows.enumerated() { if let g = row.group { byGroup[g, default: []].append(k) } }
            return input.policy.groups.map { group in
                let ids = byGroup[group] ?? []
                return model(groups: [group], rows: ids.map { quotaRows[$0] }, ids: ids)
            }
        }
    }

    /// This context with a repair's bounds applied, noted as an adjustment.
    public func applying(_ repair: Repair) -> SelectionContext {
        var adjusted = self
        for step in repair.steps {
            if step.bound == .min { adjusted.quotaRows[step.quotaRow].min = step.to } else { adjusted.quotaRows[step.quotaRow].max = step.to }
        }
        adjusted.adjustments.append(Message(.repairApplied, ["steps": .text(repair.steps.map { "\($0.rule): \($0.bound.rawValue) \($0.from) → \($0.to)" }.joined(separator: "; "))]))
        return adjusted
    }

    /// This context with every group that chooses alone (`mode: independent`) chosen: each group's own
    /// model (its nominees, the rules inside it, its ranking and the seed) is solved first, and its
    /// members are fixed in or out (`StandingRule.independent`); the body-wide rules are then met by the
    /// other groups around them. A group whose own rules leave no panel seats nobody, which the pre-checks
    /// then report as a group that cannot be filled.
    public func choosingAlone(budget: SolveBudget = .unlimited) throws -> SelectionContext {
        let groups = input.policy.groups.filter(input.policy.rules.independent.contains)
        guard !groups.isEmpty else { return self }
        var chosen = self
        try backend.prepareThread(budget)
        // A person seated by one group that chose alone is not available to the next (one place each).
        var seatedPeople = Set<String>()
        for group in groups {
            let ids = quotaRows.indices.filter { quotaRows[$0].group == group }
            var trial = chosen
            for i in input.nominees.indices where input.nominees[i].group == group && trial.standings[i] == .free
                && seatedPeople.contains(input.nominees[i].person) {
                trial.standings[i] = .fixedOut(.independent)
            }
            let model = trial.model(groups: [group], rows: ids.map { quotaRows[$0] }, ids: ids)
            let members = model.columns
            let failures = PreCheck.run(input: input, standings: trial.standings, quotaRows: model.quotaRows, groups: [group])
            var seated = Set<Int>()
            if failures.isEmpty {
                let solution = try SelectionSolver.solve(model, budget: budget)
                if case .timeLimit = solution.status, solution.panel == nil {
                    throw SolverError.noAnswer("the time limit was reached before \(group) had chosen alone")
                }
                for (j, on) in (solution.panel ?? []).enumerated() where on { seated.insert(members[j]) }
            }
            if seated.isEmpty { chosen.messages.append(Message(.noteChosenAloneFailed, ["group": .text(group)])) }
            for i in seated { seatedPeople.insert(input.nominees[i].person) }
            for i in members {
                switch standings[i] {
                case .free: chosen.standings[i] = seated.contains(i) ? .fixedIn(.independent) : .fixedOut(.independent)
                // Fixed by a rule of their own (withdrawn, required, the coordinator's decision): kept.
                case .fixedIn, .fixedOut: break
                }
            }
        }
        chosen.messages.append(Message(.noteChosenAlone, ["groups": .list(groups.map(MessageValue.text))]))
        return chosen
    }

    /// The groups seated but counted in no quota, said once wherever the round's notes are.
    public static func uncountedNote(_ policy: Policy) -> Message? {
        let groups = policy.groups.filter(policy.uncounted.contains)
        guard !groups.isEmpty else { return nil }
        return Message(.noteUncounted, ["groups": .list(groups.map(MessageValue.text)), "seats": .number(groups.reduce(0) { $0 + policy.seats(of: $1) })])
    }
}
