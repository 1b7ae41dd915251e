// `seatwise study`: pools × policy variants × modes on every core, written as pools.csv, summary.json,
// report.md and report.html in one folder (docs/guide/research.md, "What a study writes").

import ArgumentParser
import Foundation
import Seatwise

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "study", abstract: "Run a study across many pools: policy variants × modes, with statistics and a method paragraph.")

    @Argument(help: "The study specification (YAML): pools, policy, variants, modes, bootstrap.") var spec: String
    @Option(name: .long, help: "Folder to write pools.csv, summary.json, report.md and report.html into (created if missing).") var output: String
    @Option(name: .long, help: "Worker threads (default: every core).") var workers: Int?
    @Option(name: .long, help: "A country table to use instead of the bundled one.") var countries: String?
    @Flag(name: .long, help: "Replace the study's files if the folder has them.") var force = false
    @Flag(name: .long, help: "Also write every pool's nominations (and generated policy) to DIR/pools/SETTING-POOL/, to re-run any row by hand.") var keepPools = false
    @Flag(name: .long, help: "Report progress on standard error as plain lines, even when it is not a terminal (on a terminal a counter is shown anyway).") var progress = false

    func validate() throws {
        if let workers, workers < 1 || workers > 256 { throw ValidationError("--workers must be between 1 and 256") }
    }

    func run() throws {
        Progress.lines = progress
        let specValue = try StudySpec.read(try InputFile.read(spec))
        let table = try countryTable(countries)
        let files = ["pools.csv", "summary.json", "report.md", "report.html"]
        // Refused before the study runs, not after minutes of solving.
        try OutputFolder(path: output, force: force).checkFree(files + (keepPools ? ["pools"] : []))
        Console.error("study: \(Words.count(specValue.runs, "run")) (\(Words.count(specValue.count, "pool")) × \(Words.count(specValue.womenShares.count, "setting")) × \(Words.count(specValue.variants.count, "variant")) × \(Words.count(specValue.modes.count, "mode")))")
        let study = try StudyRunner.run(specValue, countries: table, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                                        budget: SolveBudget(cancellation: Interrupt.cancellation()), progress: Progress.reporter("pools"))
        let summary = StudySummary(study)
        try OutputFolder(path: output, force: force).write([("pools.csv", StudyReport.poolsCSV(study)), ("summary.json", try StudyReport.summaryJSON(study, summary)),
                                                            ("report.md", StudyReport.markdown(study, summary)), ("report.html", StudyReport.html(study, summary))],
                                                           protecting: [spec] + (specValue.policy.map { [$0] } ?? []))
        if keepPools {
            // One source for every pool: the policy and a resampled file are read once.
            let pools = try StudyPools(spec: specValue, countries: table, policy: try specValue.policy.map { try InputFile.read($0) })
            for setting in specValue.womenShares.indices {
                for index in 0..<specValue.count {
                    let folder = URL(fileURLWithPath: output).appendingPathComponent("pools").appendingPathComponent("\(setting + 1)-\(index + 1)").path
                    let made = pools.files(setting: setting, index: index)
                    try OutputFolder(path: folder, force: force, quiet: true)
                        .write([("nominations.csv", made.nominations)] + (made.policy.map { [("policy.yaml", $0)] } ?? []), protecting: [])
                }
            }
            Console.error("wrote \(specValue.womenShares.count * specValue.count) pools under \(URL(fileURLWithPath: output).appendingPathComponent("pools").path)")
        }
        Console.error(String(format: "study: %d runs in %.1f s", study.rows.count, study.seconds))
    }
}
