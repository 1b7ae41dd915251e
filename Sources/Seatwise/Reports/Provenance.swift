// What every report carries so that a reader can reproduce it (docs/reference.md, "JSON report"): body, mode, objective, seed,
// the SHA-256 of both input files, and the tool and GLPK versions.

public struct Provenance: Sendable {
    public var tool: String
    public var toolVersion: String
    public var glpkVersion: String
    public var body: String
    public var nominations: String
    public var nominationsSHA256: String
    public var policy: String
    public var policySHA256: String

    public init(input: SelectionInput) {
        tool = "seatwise"
        toolVersion = SeatwiseTool.version
        glpkVersion = SeatwiseTool.glpkVersion
        body = input.policy.body
        nominations = input.nominations.path
        nominationsSHA256 = input.nominations.sha256
        policy = input.policyFile.path
        policySHA256 = input.policyFile.sha256
    }
}

public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json, csv, html
}

extension SelectionResult {
    /// "123" for rank-sum; "rank 1: 20, rank 2: 14, …" for lexicographic.
    public var objectiveSummary: String {
        switch objective {
        case .rankSum, .lottery: return rankSum.map(String.init) ?? term("none")
        case .lexicographic:
            return rankCounts.isEmpty ? term("none") : rankCounts.map { "rank \($0.rank): \($0.count)" }.joined(separator: ", ")
        }
    }
}
