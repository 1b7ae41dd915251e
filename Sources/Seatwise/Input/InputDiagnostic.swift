// Problems found in input files, each with its place: file, line and column, or a policy key path.
// Readers collect every problem before failing; the CLI renders them once.

public struct InputDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The nominations column or the policy key path the problem concerns.
    public var key: String?
    public var message: String
    /// The worksheet, when the file is a workbook: `line` is then its row and `column` its column.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String, sheet: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// Problems listed per file: past this, the rest are counted, not kept (a 100 MB file of bad rows
    /// must not need gigabytes of messages).
    public static let maximumPerFile = 1_000

    static func omitted(_ count: Int, file: String) -> InputDiagnostic {
        InputDiagnostic(file: file, message: "\(count) more \(Words.noun(count, "problem")) not listed (the first \(maximumPerFile) are)")
    }

    /// `file:line:column: key: message`, the form compilers use, so editors can jump to it; in a
    /// workbook, `file:Sheet1!C7: key: message`, the cell as Excel names it.
    public var description: String {
        var place = file
        if let sheet, let line {
            place += ":" + CellReference.place(sheet: sheet, row: line, column: column)
        } else {
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
        }
        let subject = key.map { "\($0): " } ?? ""
        return "\(place): \(subject)\(message)"
    }
}

/// Bad input (exit 2): every problem found, in file order.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [InputDiagnostic]

    public init(_ diagnostics: [InputDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
