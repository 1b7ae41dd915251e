// One report model, three drawings: the sections built once from a result (adjustments, panel, quotas,
// explanations) say the same things in text, markdown and HTML.

import Foundation
import Testing
@testable import Seatwise

@Suite("Report model")
struct ReportModelTests {
    @Test("text, markdown and HTML state the same adjustments, members, quota verdicts and decisions")
    func sameContentEveryFormat() throws {
        let result = try Round(input: TrustFixtures.organisationCap(), adjustments: [.seat("p2"), .setBound(row: "1", side: .max, value: 2)]).solve()
        let explanations = try result.explanations()
        let sections = SelectionSections(result, explanations: explanations)
        #expect(sections.adjustments.count == 2)
        #expect(sections.panel.rows.count == result.seated.count)
        let rendered = try [ReportFormat.text, .markdown, .html].map { try SelectionReport.render(result, format: $0, explanations: explanations) }
        for (format, text) in zip(["text", "markdown", "html"], rendered) {
            #expect(text.contains("Adjustments"), "\(format)")
            // Markdown escapes its special characters, HTML its own: compare on plain fragments of each line.
            #expect(text.contains("seated by decision of the coordinator"), "\(format): the seat")
            #expect(text.contains("max 1 → 2, by decision of the coordinator"), "\(format): the moved bound")
            for i in result.seated { #expect(text.contains(result.input.nominees[i].name), "\(format)") }
            for row in sections.quotas?.rows ?? [] { #expect(text.contains(row[3].text), "\(format)") }
            for row in sections.explanations?.rows ?? [] {
                let reason = row[3].text
                #expect(text.contains(reason.replacingOccurrences(of: "_", with: "\\_")) || text.contains(reason) || text.contains(reason.replacingOccurrences(of: "'", with: "&#39;")), "\(format)")
            }
        }
    }

    @Test("an infeasible result: conflicts and the smallest repair, with the repaired panel as a section of its own")
    func infeasibleSections() throws {
        let result = try SelectionSolver.run(TrustFixtures.wideRepair())
        let diagnosis = try result.diagnosis(repair: true)
        let sections = SelectionSections(result, diagnosis: diagnosis)
        #expect(!sections.hasPanel && !sections.conflicts.isEmpty && !sections.repairs.isEmpty)
        #expect(sections.repaired.count == 1 && sections.repaired[0].hasPanel)
        #expect(sections.repaired[0].adjustments.contains { $0.hasPrefix("repair applied") })
        let text = try SelectionReport.render(result, format: .text, diagnosis: diagnosis)
        #expect(text.contains("==== The best panel under the smallest repair ===="))
        #expect(text.contains(sections.repairs[0]))
    }
}
