// A selection as CSV for spreadsheets: the panel (one row a member, custom attributes as columns) or,
// with explanations, every explained nominee; each row carries the provenance of the inputs.

extension SelectionReport {
    /// With explanations: every explained nominee, seated or not, with decision, reason and numbers.
    static func csv(_ result: SelectionResult, _ report: ExplanationReport) -> String {
        let ids = result.input.nominees.map(\.id)
        var out = CSVCell.row(["group", "id", "name", "rank", "gender", "country", "region", "development", "decision", "reason", "delta",
                               "close_call", "enter", "leave", "message"] + CSVCell.provenanceHeader)
        let provenance = provenanceCells(result)
        for e in report.explanations {
            let n = result.input.nominees[e.nominee]
            out += CSVCell.row([n.group, n.id, n.name, n.rank.map(String.init) ?? "", n.gender, n.country, n.region, n.development,
                                e.decision.rawValue, e.reason.rawValue, e.delta.map(String.init) ?? "", e.closeCall ? "yes" : "no",
                                e.entering.map { ids[$0] }.joined(separator: " "), e.leaving.map { ids[$0] }.joined(separator: " "), e.message]
                               + provenance)
        }
        return out
    }

    static func provenanceCells(_ result: SelectionResult) -> [String] {
        CSVCell.provenance(body: result.policy.body, mode: result.mode.rawValue, objective: result.objective.rawValue, seed: result.seed,
                           nominations: result.input.nominations.sha256, policy: result.input.policyFile.sha256)
    }

    static func csv(_ result: SelectionResult) -> String {
        let provenance = provenanceCells(result)
        let custom = Array(Set(result.seated.flatMap { result.input.nominees[$0].attributes.keys })
            .subtracting(AttributeKey.builtIn)).sorted()
        // Where each member sits, when people applied for several places, the policy has several bodies
        // or roles (named apart from any column of the file, and from the provenance's `body`).
        let placed = result.seated.contains { result.input.nominees[$0].placement != nil }
        var out = CSVCell.row(["group", "id", "name", "rank", "gender", "country", "region", "development", "organization", "status", "terms"]
                              + (placed ? ["person_id", "seat_body", "seat_role"] : [])
                              + custom + ["reason", "message"] + CSVCell.provenanceHeader)
        let reasons = MemberReasons(result)
        for i in result.seated {
            let n = result.input.nominees[i]
            let reason = reasons.reasons[i]
            out += CSVCell.row([n.group, n.id, n.name, n.rank.map(String.init) ?? "", n.gender, n.country, n.region, n.development,
                                n.attributes["organization"] ?? "", n.status.rawValue, String(n.terms)]
                               + (placed ? [n.person, n.body ?? "", n.role ?? ""] : [])
                               + custom.map { n.attributes[$0] ?? "" }
                               + [reason.rawValue, reasons.sentence(i)] + provenance)
        }
        return out
    }
}
