// An input file read once into memory, with the SHA-256 every report carries (docs/reference.md, "JSON report").

import Crypto
import Foundation

public struct InputFile: Sendable {
    /// The path as the user gave it, used in every message about the file.
    public var path: String
    public var bytes: [UInt8]
    public var sha256: String
    /// The worksheet to read when the file is a workbook (`--sheet`); nil for the first visible one.
    public var sheet: String?

    public init(path: String, bytes: [UInt8], sheet: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.sheet = sheet
        self.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Files larger than this are refused before reading: no nominations or policy file is this big.
    public static let maximumBytes = 512 * 1024 * 1024

    public static func read(_ path: String, sheet: String? = nil) throws -> InputFile {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError([InputDiagnostic(file: path, message: "no such file")])
        }
        if isDirectory.boolValue { throw InputError([InputDiagnostic(file: path, message: "is a folder, not a file")]) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > maximumBytes {
            throw InputError([InputDiagnostic(file: path, message: "the file is \(size) bytes; at most \(maximumBytes) are read")])
        }
        do {
            return InputFile(path: path, bytes: [UInt8](try Data(contentsOf: url)), sheet: sheet)
        } catch {
            throw InputError([InputDiagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)")])
        }
    }
}
