// `seatwise generate`: write an invented but realistic instance (nominations.csv and policy.yaml).

import ArgumentParser
import Foundation
import Seatwise

extension InstanceGenerator.Shape: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a realistic invented instance to try policies on.")

    @Option(name: .long, help: "Number of nominees.") var nominees: Int
    @Option(name: .long, help: "Number of seats.") var seats: Int
    @Option(name: .long, help: "Seed: the same seed gives the same files.") var seed: UInt64 = 1
    @Option(name: .long, help: "mag, wgec or icg.") var shape: InstanceGenerator.Shape = .mag
    @Option(name: .long, help: "Folder to write nominations.csv and policy.yaml into (created if missing).") var output: String
    @Flag(name: .long, help: "Replace nominations.csv and policy.yaml if the folder has them.") var force = false

    func validate() throws {
        guard seats >= 1, seats <= 100_000 else { throw ValidationError("--seats must be between 1 and 100000") }
        guard nominees >= seats, nominees <= 5_000_000 else { throw ValidationError("--nominees must be at least --seats and at most 5000000") }
    }

    func run() throws {
        let instance = InstanceGenerator(shape: shape, nominees: nominees, seats: seats, seed: seed, countries: try CountryTable.bundled()).generate()
        // As import and export: files already there (a real round's, perhaps) are replaced only with --force.
        try OutputFolder(path: output, force: force).write([("nominations.csv", instance.nominationsCSV), ("policy.yaml", instance.policyYAML)], protecting: [])
    }
}
