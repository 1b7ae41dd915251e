// The sitting body: a roster in the nominations format (one row per member, `terms` counting the current
// term), and who leaves it at the next renewal: the term limit, an announced departure, a withdrawal.

import Foundation

/// A member who leaves at the renewal, and why.
public struct Departure: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `terms` reached `rules.max_terms`.
        case termLimit(terms: Int, maxTerms: Int)
        /// Named with `--leaving` (a resignation, a change of job), with the reason given, if any.
        case announced(String?)
        /// The roster marks the member `withdrawn`.
        case withdrawn
    }
    /// An index into the roster's members.
    public var member: Int
    public var reason: Reason

    /// The reason in words: "term limit: 3 terms served (max_terms 3)".
    public var words: String {
        switch reason {
        case .termLimit(let terms, let maxTerms): return phrase("term limit: {terms#term} served (max_terms {max})", ["terms": .number(terms), "max": .number(maxTerms)])
        case .announced(let text):
            let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return reason.isEmpty ? term("announced departure") : phrase("announced departure: {reason}", ["reason": .text(reason)])
        case .withdrawn: return term("withdrawn (the roster marks the member so)")
        }
    }
}

public struct Roster: Sendable {
    /// The members as nominees (sorted by id), with the policy they sit under.
    public var input: SelectionInput
    /// The solver vacancies and renewal plans are worked out with.
    public var backend: any SolverBackend = Solvers.glpk

    public init(_ input: SelectionInput) { self.input = input }

    public var members: [Nominee] { input.nominees }
    public var policy: Policy { input.policy }

    /// Reads a roster and the policy (`sheet`: the worksheet of an .xlsx roster).
    public static func load(roster: String, policy: String, countries: CountryTable, sheet: String? = nil, history: [String] = []) throws -> Roster {
        var input = try SelectionInput.load(nominations: roster, policy: policy, countries: countries, sheet: sheet, history: history)
        // A sitting body has no newcomers yet: "no nominee has status = new" says nothing about it.
        input.warnings.removeAll(where: Self.isNewcomerWarning)
        return Roster(input)
    }

    /// The reader's warning that no row has `status = new`, which a roster never has.
    static func isNewcomerWarning(_ warning: InputWarning) -> Bool {
        if case .absentQuotaValues(let attribute, let values) = warning.kind { return attribute == "status" && values.map(AttributeKey.normalize) == ["new"] }
        return false
    }

    /// The members named by `ids` (compared as the reader compares ids); every unknown id is bad input,
    /// reported together, each with the closest ids, under `option` (the command's option or the key).
    public func members(_ ids: [String], option: String) throws -> [Int] {
        let byKey = Dictionary(members.indices.map { (AttributeKey.normalize(members[$0].id), $0) }, uniquingKeysWith: { a, _ in a })
        var found: [Int] = [], problems: [InputDiagnostic] = []
        for id in ids {
            if let i = byKey[AttributeKey.normalize(id)] {
                if !found.contains(i) { found.append(i) }
            } else {
                problems.append(InputDiagnostic(file: option, message: "no member of \(input.nominations.path) has the id \(Quote.value(id))\(Suggestions.closest(id, among: members.map(\.id)))"))
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return found
    }

    /// Who leaves at the next renewal, in roster order: members marked withdrawn, those whose term limit
    /// ends their service (a required member stays: docs/guide/run-a-round.md, "Decisions where the specification is silent"), and the `announced` departures.
    public func departures(announced: [Int] = [], reason: String? = nil) -> [Departure] {
        let maxTerms = policy.rules.maxTerms
        return members.indices.compactMap { i in
            let m = members[i]
            if m.status == .withdrawn { return Departure(member: i, reason: .withdrawn) }
            if let maxTerms, m.terms >= maxTerms, !m.status.isSeatedWhateverTerms {
                return Departure(member: i, reason: .termLimit(terms: m.terms, maxTerms: maxTerms))
            }
            if announced.contains(i) { return Departure(member: i, reason: .announced(reason)) }
            return nil
        }
    }

    /// The members who stay, given the departures.
    public func staying(_ departures: [Departure]) -> [Int] {
        let leaving = Set(departures.map(\.member))
        return members.indices.filter { !leaving.contains($0) }
    }
}
