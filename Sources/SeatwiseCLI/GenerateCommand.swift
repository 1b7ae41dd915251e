// `seatwise generate`: write an invented but realistic instance (nominations.csv and policy.yaml), with
// the knobs a study varies, and say whether the instance is feasible under its own policy.

import ArgumentParser
import Foundation
import Seatwise

extension InstanceGenerator.Shape: ExpressibleByArgument {}

/// The pool knobs `generate` and `study` share.
struct PoolKnobOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "The chance that each nominee is a woman, 0 to 1 (default: the shape's own, per group); 1.5% of the others are non-binary.") var womenShare: Double?
    @Option(name: .long, help: "Relative regional weights among nominees, e.g. 'WEOG=0.6,African=0.1' (regions not named keep the shape's weight; all are then scaled to sum to 1).") var regionWeights: String?
    @Option(name: .long, parsing: .singleValue, help: "A gender or region the nominating groups list first, VALUE or VALUE:STRENGTH (0 to 1, default 1); repeatable (e.g. --rank-first male --rank-first WEOG:0.6). The icg shape lists men and WEOG first unless given.")
    var rankFirst: [String] = []

    func knobs() throws -> InstanceGenerator.Knobs {
        var problems: [InputDiagnostic] = []
        if let womenShare, !(0...1).contains(womenShare) { problems.append(InputDiagnostic(file: "--women-share", message: "must be a share from 0 to 1")) }
        var weights: [String: Double] = [:]
        for part in (regionWeights ?? "").split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let region = CountryTable.canonicalRegion(pair[0]), let weight = Double(pair[1]), weight >= 0, weight.isFinite else {
                problems.append(InputDiagnostic(file: "--region-weights", key: String(part), message: "expected REGION=WEIGHT with a UN regional group (\(CountryTable.regions.joined(separator: ", "))) and a weight of 0 or more"))
                continue
            }
            weights[region] = weight
        }
        if !weights.isEmpty, !InstanceGenerator.regionWeightsUsable(weights) {
            problems.append(InputDiagnostic(file: "--region-weights", message: "every region would have weight 0: give at least one region a positive weight"))
        }
        let preferences = rankFirst.compactMap { text -> InstanceGenerator.RankPreference? in
            guard let p = InstanceGenerator.RankPreference(parsing: text) else {
                problems.append(InputDiagnostic(file: "--rank-first", key: text, message: "expected a gender or a UN regional group, optionally :STRENGTH from 0 to 1 (male, WEOG:0.6)"))
                return nil
            }
            return p
        }
        if !problems.isEmpty { throw InputError(problems) }
        return InstanceGenerator.Knobs(womenShare: womenShare, regionWeights: weights, rankFirst: preferences)
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a realistic invented instance to try policies on.")

    @Option(name: .long, help: "Number of nominees (default: --per-seat nominations per seat).") var nominees: Int?
    @Option(name: .long, help: "Number of seats (default: mag 40, wgec 42, icg 30).") var seats: Int?
    @Option(name: .long, help: "Nominations per seat when --nominees is not given (default: mag 5, wgec 4, icg 2.67).") var perSeat: Double?
    @Option(name: .long, help: "Seed: the same seed and knobs give the same files.") var seed: UInt64 = 1
    @Option(name: .long, help: "mag, wgec or icg (icg reproduces the ICG's nomination pattern: WEOG-heavy lists, men and WEOG ranked first).") var shape: InstanceGenerator.Shape = .mag
    @OptionGroup var knobs: PoolKnobOptions
    @Option(name: .long, help: "Folder to write nominations.csv and policy.yaml into (created if missing).") var output: String
    @Flag(name: .long, help: "Replace nominations.csv and policy.yaml if the folder has them.") var force = false
    @Flag(name: .long, help: "Exit 1 when no panel meets the generated policy (the files are written either way).") var strict = false

    var seatCount: Int { seats ?? InstanceGenerator.defaultSeats(shape) }
    var nomineeCount: Int { nominees ?? Int((Double(seatCount) * (perSeat ?? InstanceGenerator.defaultPerSeat(shape))).rounded()) }

    func validate() throws {
        guard seatCount >= 1, seatCount <= 100_000 else { throw ValidationError("--seats must be between 1 and 100000") }
        if let perSeat, !(perSeat >= 1 && perSeat <= 1000) { throw ValidationError("--per-seat must be between 1 and 1000") }
        if nominees != nil && perSeat != nil { throw ValidationError("give --nominees or --per-seat, not both") }
        guard nomineeCount >= seatCount, nomineeCount <= 5_000_000 else { throw ValidationError("--nominees must be at least --seats and at most 5000000") }
    }

    func run() throws {
        let countries = try CountryTable.bundled()
        let generator = InstanceGenerator(shape: shape, nominees: nomineeCount, seats: seatCount, seed: seed, countries: countries, knobs: try knobs.knobs())
        let instance = generator.generate()
        // As import and export: files already there (a real round's, perhaps) are replaced only with --force.
        try OutputFolder(path: output, force: force).write([("nominations.csv", instance.nominationsCSV), ("policy.yaml", instance.policyYAML)], protecting: [])
        // Whether the instance can be solved under its own policy: said, never left to be found. Large
        // instances (benchmarks) are left to `select`, and a check that runs long is cut, saying so.
        guard nomineeCount <= InstanceFeasibility.largest else {
            Console.error("note: feasibility not checked for more than \(InstanceFeasibility.largest) nominees; `seatwise select` settles it")
            return
        }
        let feasibility = try InstanceFeasibility.check(instance, countries: countries, budget: SolveBudget(seconds: 20))
        Console.error(feasibility.description)
        if !feasibility.feasible && strict { throw ExitCode(1) }
    }
}
