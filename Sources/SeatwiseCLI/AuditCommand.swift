// `seatwise audit`: check a published roster against a policy, and say how unlikely its shares are.

import ArgumentParser
import Foundation
import Seatwise

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Audit a published roster (in the nominations format) or a published composition (a table of counts).")

    @Argument(help: "The roster: its members, in the nominations file format (CSV or .xlsx).") var roster: String?
    @Option(name: .long, help: "Audit a published composition instead of a roster: a table (CSV or .xlsx) of group, then any attributes, then count.")
    var composition: String?
    @Option(name: .long, help: "The worksheet of the roster or composition when it is an .xlsx workbook (default: the first).") var sheet: String?
    @Option(name: .long, help: "The worksheet of --pool when it is an .xlsx workbook (default: the first).") var poolSheet: String?
    @Option(name: .long, help: "The policy file (YAML).") var policy: String
    @Option(name: .long, help: "The nominations the roster was chosen from: gives expected counts and exact probabilities.") var pool: String?
    @Option(name: .long, parsing: .singleValue, help: "A reference share to test, ATTRIBUTE=VALUE:SHARE (e.g. gender=female:0.5); repeatable.")
    var reference: [String] = []
    @Option(name: .long, help: "A country table to use instead of the bundled one.") var countries: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Past compositions (docs/guide/several-bodies.md, \"History\"): terms and each country's past seats for the roster and the pool.") var history: [String] = []
    @Flag(name: .long, help: "Replace every name with initials in the report.") var redact = false
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Exit 1 when any rule is violated (a group over or under its seats, a quota row not met) or cannot be verified, for scripts; the report is written either way.")
    var strict = false

    @Flag(name: .customLong("public"), help: "The version to publish: the time of the run and a plain headline first, provenance at the end; no nominee named who is not seated.")
    var publicReport = false

    func validate() throws {
        switch (roster, composition) {
        case (nil, nil): throw ValidationError("give the roster to audit, or --composition TABLE for a table of counts")
        case (_?, _?): throw ValidationError("give either a roster or --composition, not both")
        default: break
        }
    }

    func run() throws {
        let table = try countryTable(countries)
        var problems: [InputDiagnostic] = []
        var rosterInput: SelectionInput?, poolInput: SelectionInput?
        let audited = roster ?? composition!
        do {
            rosterInput = try composition.map { try SelectionInput.load(composition: $0, policy: policy, countries: table, sheet: sheet) }
                ?? SelectionInput.load(nominations: audited, policy: policy, countries: table, sheet: sheet, history: history)
        } catch let e as InputError { problems += e.diagnostics }
        if let pool {
            do { poolInput = try SelectionInput.load(nominations: pool, policy: policy, countries: table, sheet: poolSheet, history: history) } catch let e as InputError {
                problems += e.diagnostics.filter { d in !problems.contains(d) }
            }
        }
        let references = reference.compactMap { text -> ReferenceShare? in
            guard let share = ReferenceShare(parsing: text) else {
                problems.append(InputDiagnostic(file: "--reference", key: text, message: "is not ATTRIBUTE=VALUE:SHARE, e.g. gender=female:0.5 or gender=female:50%"))
                return nil
            }
            return share
        }
        // The same value tested twice would leave one test silently dropped.
        var seenReferences: [String: String] = [:]
        for (text, share) in zip(reference, reference.map(ReferenceShare.init(parsing:))) {
            guard let share else { continue }
            let key = "\(share.attribute)=\(AttributeKey.normalize(share.value))"
            if let earlier = seenReferences[key] {
                problems.append(InputDiagnostic(file: "--reference", key: text, message: "tests \(share.attribute) = \(share.value) again (first given as \(earlier)); give one reference per value"))
            } else { seenReferences[key] = text }
        }
        // A misspelt attribute would otherwise be dropped without a word.
        if let rosterInput {
            let known = Auditor.referenceAttributes(rosterInput)
            for (text, share) in zip(reference, reference.map(ReferenceShare.init(parsing:))) {
                guard let share, !known.contains(share.attribute) else { continue }
                let close = CloseMatches.of(share.attribute, among: known)
                let hint = close.isEmpty ? "" : "did you mean \(close.joined(separator: " or "))? "
                problems.append(InputDiagnostic(file: "--reference", key: text, message: "\(Quote.value(share.attribute)) is not an attribute with shares; \(hint)(\(Quote.list(known)))"))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        var rosterValue = rosterInput!
        if redact { rosterValue = rosterValue.redacted(); poolInput = poolInput?.redacted() }
        let audit = Auditor.audit(roster: rosterValue, pool: poolInput, references: references)
        let publicView = publicReport ? PublicView(audit: audit) : nil
        try output.emit(try AuditReport.render(audit, format: output.format, publicView: publicView),
                        workbook: { ReportWorkbook(audit: audit, publicView: publicView) },
                        inputs: [audited, policy] + (pool.map { [$0] } ?? []) + (countries.map { [$0] } ?? []))
        // For scripts, a rule that could not be checked is no proof of compliance: it fails too, said apart.
        if strict, audit.violated || !audit.unverified.isEmpty {
            Console.error("note: \(audit.violated ? "the roster breaks the policy" : "some rules could not be verified") (--strict): \(AuditReport.headline(audit))")
            throw ExitCode(1)
        }
    }
}
