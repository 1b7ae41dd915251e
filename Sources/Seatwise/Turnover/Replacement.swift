// A mid-term replacement: every sitting member not vacated stays seated (a term limit ends service at a
// renewal, not mid-term), and the vacated seats are filled from a pool's nominees who are not seated,
// optimally under the same rules, objective and seeded tie-break; each replacement explained.

import Foundation

public struct Replacement: Sendable {
    /// The selection over the sitting members and the pool, solved with the sitting members fixed.
    public var result: SelectionResult
    /// Indices into `result.input.nominees`.
    public var vacated: [Int]
    public var sitting: [Int]
    public var reason: String?
    /// The roster the sitting members were read from (the pool is the result's nominations file).
    public var roster: InputFile
    /// Why each replacement, from a counterfactual re-solve with it left out.
    public var explanations: ExplanationReport?
    /// For each replacement, the nominee who could take exactly that seat next (everyone else staying),
    /// when anyone can.
    public var nextInLine: [Int: Int]

    /// The nominees who enter: seated, and not sitting before.
    public var entering: [Int] {
        let before = Set(sitting)
        return result.seated.filter { !before.contains($0) }
    }
    public var leaving: [Int] { vacated }

    /// The replacement in sentences, one per seat filled, for every report format.
    public var lines: [String] {
        let nominees = result.input.nominees
        let why = reason.map { " (\($0))" } ?? ""
        var out = vacated.map { "\(nominees[$0].name) [\(nominees[$0].id)], \(nominees[$0].group), vacates the seat\(nominees[$0].status == .withdrawn ? " (withdrawn)" : why)" }
        guard result.status != .infeasible else {
            return out + ["no replacement keeps every rule with the other members seated: why, and the smallest repair, are below"]
        }
        let explained = Dictionary((explanations?.explanations ?? []).map { ($0.nominee, $0) }, uniquingKeysWith: { a, _ in a })
        for i in entering {
            let n = nominees[i]
            var text = "\(n.name) [\(n.id)] enters \(n.group)"
            if let e = explained[i] { text += ": \(e.message)" }
            if let next = nextInLine[i] { text += " Next in line for this seat: \(nominees[next].name) [\(nominees[next].id)]." }
            out.append(text)
        }
        return out
    }
}

extension Roster {
    /// Fills the seats of the members `vacate` (indices into `members`) from `pool`, everyone else staying.
    /// Pool rows of a sitting member (their id, or any place they applied for: `ID@PLACE`) are the member,
    /// not a candidate, and are left out: a member who vacates does not come back through another place.
    public func replace(vacate: [Int], reason: String? = nil, pool: SelectionInput, seed: UInt64? = nil,
                        budget: SolveBudget = .unlimited) throws -> Replacement {
        let rosterKeys = Set(members.map { AttributeKey.normalize($0.person) })
        // Pool rows are candidates: one marked continuing or required is not sitting, so it stands like
        // any other nominee (a term limit or a withdrawal still keeps it out).
        var promoted = 0
        let candidates = pool.nominees.filter { !rosterKeys.contains(AttributeKey.normalize($0.person)) }.map { n -> Nominee in
            guard n.status == .continuing || n.status.isSeatedWhateverTerms else { return n }
            var candidate = n
            candidate.status = .new
            promoted += 1
            return candidate
        }
        let dropped = pool.nominees.count - candidates.count
        var names = pool.attributeNames
        for name in input.attributeNames where !names.contains(name) { names.append(name) }
        // rules.renewal asks for newcomers at a renewal; a mid-term replacement is not one.
        var policy = self.policy
        let renewal = policy.quotas.contains(where: \.renewal)
        policy.quotas.removeAll(where: \.renewal)
        // The roster lists each member once; the pool may list a person for several places, and they
        // take at most as many as the policy allows.
        if let places = pool.policy.quotas.first(where: \.places), !policy.quotas.contains(where: \.places) {
            var rule = places
            rule.index = policy.quotas.count
            policy.quotas.append(rule)
        }
        var combined = SelectionInput(policy: policy, nominees: members + candidates, attributeNames: names,
                                      nominations: pool.nominations, policyFile: input.policyFile)
        combined.notes = input.notes + pool.notes
        combined.warnings = input.warnings + pool.warnings
        // A member the roster marks withdrawn leaves with the vacated.
        let withdrawn = members.indices.filter { members[$0].status == .withdrawn && !vacate.contains($0) }
        let vacatedIDs = Set((vacate + withdrawn).map { members[$0].id })
        let sittingIDs = Set(members.map(\.id))
        var context = SelectionContext(combined, seed: seed)
        var vacated: [Int] = [], sitting: [Int] = []
        for (i, n) in combined.nominees.enumerated() where sittingIDs.contains(n.id) {
            if vacatedIDs.contains(n.id) {
                context.standings[i] = .fixedOut(.vacated)
                vacated.append(i)
            } else {
                context.standings[i] = n.status == .required ? .fixedIn(.required) : n.status == .exOfficio ? .fixedIn(.exOfficio) : .fixedIn(.continuing)
                sitting.append(i)
            }
        }
        // `each` takes the values of those who can be seated: expanded again with the standings above.
        context.quotaRows = QuotaRow.expand(policy: policy, nominees: combined.nominees, standings: context.standings)
        context.notes = combined.warnings.filter { !Roster.isNewcomerWarning($0) }.map(\.text) + combined.notes
        if promoted > 0 {
            context.messages.append(promoted == 1 ? Message(.replacePromotedOne, ["file": .text(pool.nominations.path)])
                                    : Message(.replacePromoted, ["rows": .number(promoted), "file": .text(pool.nominations.path)]))
        }
        if !withdrawn.isEmpty {
            context.messages.append(Message(withdrawn.count == 1 ? .rosterWithdrawnOne : .rosterWithdrawn,
                                            ["members": .list(withdrawn.map { .nominee(id: members[$0].id, name: members[$0].name) })]))
        }
        context.messages.append(Message(.replaceSittingStay, ["count": .number(sitting.count)]))
        if renewal { context.messages.append(Message(.replaceNoRenewal)) }
        if dropped > 0 {
            context.messages.append(dropped == 1 ? Message(.replaceDroppedOne, ["file": .text(pool.nominations.path)])
                                    : Message(.replaceDropped, ["rows": .number(dropped), "file": .text(pool.nominations.path)]))
        }
        let result = try SelectionSolver.run(context: context, mode: .coordinated, budget: budget)
        var replacement = Replacement(result: result, vacated: vacated, sitting: sitting, reason: reason, roster: input.nominations,
                                      explanations: nil, nextInLine: [:])
        guard result.status != .infeasible else { return replacement }
        var explanations: [Explanation] = []
        var notes: [Message] = []
        for i in replacement.entering {
            let report = try Explainer.explain(result, options: ExplanationOptions(nominee: result.input.nominees[i].id, prices: false, budget: budget))
            explanations += report.explanations
            notes += report.notes
        }
        replacement.explanations = ExplanationReport(explanations: explanations, prices: [], deviations: [], notes: notes)
        for seat in Alternates.seats(result, count: 1) where replacement.entering.contains(seat.member) {
            if let next = seat.alternates.first { replacement.nextInLine[seat.member] = next }
        }
        return replacement
    }
}
