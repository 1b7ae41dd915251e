// `seatwise import sortition-algorithms` and `seatwise export sortition-algorithms`: the Sortition
// Foundation's files to a nominations file and a policy, and back where the policy can be expressed.

import ArgumentParser
import Foundation
import Seatwise

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Turn another tool's files into a nominations file and a policy.",
                                                    subcommands: [ImportSortitionAlgorithms.self])
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a round as another tool's files.",
                                                    subcommands: [ExportSortitionAlgorithms.self])
}

/// A folder of written files: made if missing; an existing file is replaced only with --force.
struct OutputFolder {
    var path: String
    var force: Bool
    /// Say nothing per file (a study's many pools are summed up in one line).
    var quiet = false

    /// Refuses, before any work, a folder that is a file or already has one of `names` (without --force).
    func checkFree(_ names: [String]) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw OutputFile.Refused(path: path, reason: "is a file; --output names a folder") }
        let existing = names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }.filter { FileManager.default.fileExists(atPath: $0) }
        if !force, !existing.isEmpty {
            throw OutputFile.Refused(path: existing.joined(separator: ", "), reason: "already \(existing.count == 1 ? "exists" : "exist"); give --force to replace, or another --output folder")
        }
    }

    func write(_ files: [(name: String, text: String)], protecting inputs: [String]) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputFile.Refused(path: path, reason: "is a file; --output names a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw OutputFile.Refused(path: path, reason: "cannot make the folder: \(error.localizedDescription)")
            }
        }
        let targets = files.map { (URL(fileURLWithPath: path).appendingPathComponent($0.name).path, $0.text) }
        if !force {
            let existing = targets.map(\.0).filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty {
                throw OutputFile.Refused(path: existing.joined(separator: ", "), reason: "already \(existing.count == 1 ? "exists" : "exist"); give --force to replace, or another --output folder")
            }
        }
        for (target, text) in targets { try OutputFile.write(text, to: target, protecting: inputs) }
        if !quiet { for (target, _) in targets { Console.error("wrote \(target)") } }
    }
}

struct ImportSortitionAlgorithms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sortition-algorithms",
        abstract: "Turn sortition-algorithms' features and people CSV files into nominations.csv and policy.yaml.")

    @Argument(help: "The features file: feature,value,min,max rows (or category,name,min,max).") var features: String
    @Argument(help: "The people file: an id column and one column per feature.") var people: String
    @Option(name: .long, help: "The folder to write nominations.csv and policy.yaml into.") var output: String
    @Option(name: .long, help: "The panel's size (sortition-algorithms' --number-wanted).") var numberWanted: Int
    @Option(name: .long, help: "The country the people are from (ISO 3166, e.g. GBR): Seatwise's nominations name one.") var country: String
    @Option(name: .long, help: "The people file's id column (default: id, else nationbuilder_id).") var idColumn: String?
    @Option(name: .long, help: "Columns that make an address, comma-separated: at most one person per address is seated.") var addressColumns: String?
    @Option(name: .long, help: "The seed of the tie-break among equally good panels (default 1).") var seed: UInt64 = 1
    @Flag(name: .long, help: "Replace nominations.csv and policy.yaml if the folder has them.") var force = false

    func run() throws {
        var problems: [InputDiagnostic] = []
        var files: [InputFile] = []
        for path in [features, people] {
            do { files.append(try InputFile.read(path)) } catch let e as InputError { problems += e.diagnostics }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let options = SortitionAlgorithmsImport.Options(
            numberWanted: numberWanted, idColumn: idColumn, country: country,
            addressColumns: (addressColumns ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            seed: seed)
        let converted = try SortitionAlgorithmsImport.convert(features: files[0], people: files[1], options: options, countries: try CountryTable.bundled())
        for note in converted.notes { Console.error("note: \(note)") }
        try OutputFolder(path: output, force: force).write([("nominations.csv", converted.nominations), ("policy.yaml", converted.policy)],
                                                          protecting: [features, people])
        Console.error("next: seatwise select \(output)/nominations.csv --policy \(output)/policy.yaml")
    }
}

struct ExportSortitionAlgorithms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sortition-algorithms",
        abstract: "Write features.csv, people.csv and settings.toml for sortition-algorithms, and list what its files cannot say.")

    @OptionGroup var input: InputOptions
    @Option(name: .long, help: "The folder to write features.csv, people.csv and settings.toml into.") var output: String
    @Flag(name: .long, help: "Replace the files if the folder has them.") var force = false

    func run() throws {
        let exported = SortitionAlgorithmsExport.export(try input.load())
        try OutputFolder(path: output, force: force).write(
            [("features.csv", exported.features), ("people.csv", exported.people), ("settings.toml", exported.settings)], protecting: input.inputPaths)
        var out = "number wanted: \(exported.numberWanted) (sortition-algorithms' --number-wanted)\n"
        if exported.cannotExpress.isEmpty {
            out += "the files say the whole policy\n"
        } else {
            out += "what sortition-algorithms' files cannot say (\(exported.cannotExpress.count)):\n" + exported.cannotExpress.map { "  - \($0)\n" }.joined()
        }
        if !exported.leftOut.isEmpty {
            out += "left out of people.csv (\(exported.leftOut.count)):\n" + exported.leftOut.map { "  - \($0)\n" }.joined()
        }
        Console.out(VisibleText.report(out, format: .text))
    }
}
