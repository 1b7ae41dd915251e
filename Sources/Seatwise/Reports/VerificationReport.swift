// Renders what `seatwise verify` found: "verified" and the checks that held, or each difference in words.

import Foundation

public enum VerificationReport {
    public static func render(_ v: Verification, format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try JSONReport.encode(Document(report: v.report, verified: v.verified, checks: v.checks, differences: v.differences))
        case .markdown:
            return "# \(v.verified ? "Verified" : "Not verified"): \(MarkdownRenderer.cell(v.report))\n\n"
                + (v.differences.isEmpty ? "" : "## Differences\n\n" + v.differences.map { "- \(MarkdownRenderer.cell($0))\n" }.joined() + "\n")
                + "## Checks that held\n\n" + v.checks.map { "- \(MarkdownRenderer.cell($0))\n" }.joined()
        case .html:
            let items = { (lines: [String]) in "<ul>" + lines.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>" }
            return HTML.page(title: "\(v.verified ? "Verified" : "Not verified"): \(v.report)",
                             subtitle: v.verified ? "re-derived from its inputs" : Words.count(v.differences.count, "difference"),
                             body: (v.differences.isEmpty ? "" : HTML.section("Differences", items(v.differences), id: "differences"))
                                 + HTML.section("Checks that held", items(v.checks), id: "checks"), provenance: [])
        case .csv:
            return CSVCell.row(["kind", "finding"]) + v.differences.map { CSVCell.row(["difference", $0]) }.joined()
                + v.checks.map { CSVCell.row(["check", $0]) }.joined()
        case .text:
            if v.verified {
                return "verified: \(v.report) is re-derived from its inputs\n" + v.checks.map { "  - \($0)\n" }.joined()
            }
            return "NOT VERIFIED: \(v.report) — \(Words.count(v.differences.count, "difference"))\n" + v.differences.map { "  - \($0)\n" }.joined()
                + (v.checks.isEmpty ? "" : "what did hold:\n" + v.checks.map { "  - \($0)\n" }.joined())
        }
    }

    struct Document: Encodable {
        var report: String
        var verified: Bool
        var checks: [String]
        var differences: [String]
    }
}
