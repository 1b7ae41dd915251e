// `seatwise replace`: fill vacated seats mid-term from a pool, everyone else staying; the selection report
// with the difference and why each replacement; when nobody can fill a seat, the diagnosis (exit 1).

import ArgumentParser
import Foundation
import Seatwise

struct ReplaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replace", abstract: "Fill seats vacated mid-term, everyone else staying.")

    @OptionGroup var roster: RosterOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The nominees to fill the seats from (the nominations format); rows that are sitting members are left out.")
    var pool: String

    @Option(name: .long, help: "The worksheet of an .xlsx pool (default: the first).")
    var poolSheet: String?

    @Option(name: .long, parsing: .unconditionalSingleValue, help: "The members whose seats are vacated (comma-separated ids; repeatable).")
    var vacate: [String] = []

    @Option(name: .long, help: "Why the seats are vacated, for the report.")
    var reason: String?

    @Option(name: .long, parsing: .unconditional, help: "Seed that decides between equally good replacements (overrides the policy's tie_break.seed).")
    var seed: UInt64?

    @Flag(name: .long, help: "When no replacement keeps the rules, also choose the best under the smallest repair.")
    var repair = false

    func validate() throws {
        if idList(vacate).isEmpty { throw ValidationError("--vacate needs at least one member id") }
    }

    func run() throws {
        let table = try roster.table()
        let budget = SolveBudget(seconds: nil, cancellation: Interrupt.cancellation())
        var problems: [InputDiagnostic] = []
        var body: Roster?, candidates: SelectionInput?
        do { body = try roster.load(table) } catch let error as InputError { problems += error.diagnostics }
        do { candidates = try SelectionInput.load(nominations: pool, policy: roster.policy, countries: table, sheet: poolSheet, history: roster.history) } catch let error as InputError {
            problems += error.diagnostics.filter { $0.file != roster.policy } // the policy's problems are listed once
        }
        guard problems.isEmpty, let body, let candidates else { throw InputError(problems) }
        let vacated = try body.members(idList(vacate), option: "--vacate")
        let replacement = try body.replace(vacate: vacated, reason: reason, pool: candidates, seed: seed, budget: budget)
        let result = replacement.result
        Notes.print(result)
        var diagnosis: Diagnosis?
        if result.status == .infeasible { diagnosis = try Diagnoser.diagnose(result, repair: repair, budget: budget) }
        try output.emit(try SelectionReport.render(result, format: output.format, explanations: replacement.explanations, diagnosis: diagnosis,
                                                   replacement: replacement),
                        workbook: { ReportWorkbook(selection: result, explanations: replacement.explanations, diagnosis: diagnosis, publicView: nil, alternates: nil) },
                        inputs: roster.inputPaths + [pool])
        if result.status == .infeasible { throw ExitCode(1) }
    }
}
