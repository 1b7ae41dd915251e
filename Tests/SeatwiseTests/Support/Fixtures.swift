// Helpers for tests that read files: temporary folders, the bundled country table, the repository root.

import Foundation
@testable import Seatwise

enum Fixtures {
    static let countries: CountryTable = try! CountryTable.bundled()

    /// The repository's root, from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seatwise-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    static func file(_ text: String, path: String = "test.csv") -> InputFile { InputFile(path: path, bytes: Array(text.utf8)) }

    static func readNominations(_ text: String, groups: [String] = ["Government", "Civil Society"]) throws -> [Nominee] {
        try NominationsReader(groups: groups, countries: countries).read(file(text)).nominees
    }

    static func diagnostics(_ body: () throws -> Void) -> [InputDiagnostic] {
        do { try body() } catch let error as InputError { return error.diagnostics } catch { return [] }
        return []
    }

    static let simplePolicy = """
    body: Test body
    seats:
      Government: 2
      Civil Society: 1
    """
}
