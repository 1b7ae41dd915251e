// The parts of an .xlsx workbook a sheet's cells need: the sheets in order with their names and
// visibility, where each sheet's part is, the shared strings, and which cell styles show dates.

struct WorkbookParts {
    struct Sheet { var name: String; var path: String; var hidden: Bool }

    var sheets: [Sheet] = []
    /// Serial day 0 is 1904-01-01 rather than 1899-12-31 (workbooks from old Mac Excel).
    var date1904 = false
    var sharedStrings: [String] = []
    /// Per cell style (the `s` of a cell): nil for a number, else how its date is shown.
    var dateStyles: [DateStyle?] = []

    enum DateStyle { case date, dateTime, time }

    init(_ archive: inout WorkbookArchive) throws {
        let workbookPath = try Self.officeDocument(&archive) ?? "xl/workbook.xml"
        guard let workbook = try archive.part(workbookPath) else {
            throw WorkbookArchive.Problem(message: "the archive has no workbook part (\(workbookPath)); it is not an Excel .xlsx workbook")
        }
        let folder = Self.folder(of: workbookPath)
        let relationships = try Self.relationships(&archive, of: workbookPath)
        var scanner = XMLScanner(workbook)
        var sharedStringsPath: String?, stylesPath: String?
        for (_, r) in relationships {
            if r.type.hasSuffix("/sharedStrings") { sharedStringsPath = Self.resolve(r.target, in: folder) }
            if r.type.hasSuffix("/styles") { stylesPath = Self.resolve(r.target, in: folder) }
        }
        while let event = try Self.next(&scanner, workbookPath) {
            guard case .start(let name, _) = event else { continue }
            switch name {
            case .workbookPr:
                date1904 = ["1", "true"].contains(scanner.attribute("date1904") ?? "")
            case .sheet:
                let sheetName = scanner.attribute("name") ?? ""
                let id = scanner.attribute("id") ?? ""
                let state = scanner.attribute("state") ?? "visible"
                guard let target = relationships[id]?.target else {
                    throw WorkbookArchive.Problem(message: "the sheet \(Quote.value(sheetName)) points to no part of the workbook; open it in Excel and save it again")
                }
                sheets.append(Sheet(name: sheetName, path: Self.resolve(target, in: folder), hidden: state != "visible"))
            default: break
            }
        }
        if let path = sharedStringsPath ?? (archive.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil),
           let bytes = try archive.part(path) {
            sharedStrings = try Self.sharedStrings(bytes, path)
        }
        if let path = stylesPath ?? (archive.has("xl/styles.xml") ? "xl/styles.xml" : nil), let bytes = try archive.part(path) {
            dateStyles = try Self.dateStyles(bytes, path)
        }
    }

    // MARK: - Relationships

    private static func next(_ scanner: inout XMLScanner, _ path: String) throws -> XMLScanner.Event? {
        do { return try scanner.next() } catch let problem as XMLProblem {
            throw WorkbookArchive.Problem(message: "the part \(path) is not well-formed XML (byte \(problem.offset): \(problem.message)); open the workbook in Excel and save it again")
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship's target, relative to the part's folder unless it starts with '/'; ".." resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    private static func officeDocument(_ archive: inout WorkbookArchive) throws -> String? {
        guard let bytes = try archive.part("_rels/.rels") else { return nil }
        var scanner = XMLScanner(bytes)
        while let event = try next(&scanner, "_rels/.rels") {
            if case .start(.relationship, _) = event,
               let type = scanner.attribute("Type"), type.hasSuffix("/officeDocument"),
               let target = scanner.attribute("Target") {
                return resolve(target, in: "")
            }
        }
        return nil
    }

    private static func relationships(_ archive: inout WorkbookArchive, of part: String) throws -> [String: (type: String, target: String)] {
        let path = folder(of: part) + "_rels/" + String(part.split(separator: "/").last ?? "") + ".rels"
        guard let bytes = try archive.part(path) else { return [:] }
        var scanner = XMLScanner(bytes)
        var out: [String: (type: String, target: String)] = [:]
        while let event = try next(&scanner, path) {
            guard case .start(.relationship, _) = event else { continue }
            func value(_ key: StaticString) -> String { scanner.attribute(key) ?? "" }
            out[value("Id")] = (value("Type"), value("Target"))
        }
        return out
    }

    // MARK: - Shared strings

    /// Shared strings a workbook may hold: a million nominees' ids, names and organisations, and more. Not
    /// more: past 2^23 the list would grow to 16.8 million entries (270 MB) beside a 500 MB part.
    static let maximumSharedStrings = 5_000_000

    /// Each `<si>`: its text, or its rich-text runs joined; phonetic guides (`<rPh>`) left out.
    private static func sharedStrings(_ bytes: [UInt8], _ path: String) throws -> [String] {
        var scanner = XMLScanner(bytes)
        var out: [String] = []
        var current = ""
        var inText = false, phonetic = 0
        while let event = try next(&scanner, path) {
            // Counted, not only sized: 100 million empty strings fit in a small part and a large heap.
            if out.count > maximumSharedStrings {
                throw WorkbookArchive.Problem(message: "the part \(path) holds more than \(maximumSharedStrings) shared strings, more than a sheet of nominations can use; refused")
            }
            switch event {
            case .start(let name, let selfClosing):
                switch name {
                case .si: current = ""; if selfClosing { out.append("") }
                case .t: inText = !selfClosing
                case .rPh: if !selfClosing { phonetic += 1 }
                default: break
                }
            case .end(let name):
                switch name {
                case .si: out.append(unescape(current))
                case .t: inText = false
                case .rPh: phonetic -= 1
                default: break
                }
            case .text(let text):
                if inText, phonetic == 0 { current += text }
            }
        }
        return out
    }

    /// OOXML writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` sequence as `_x005F_x…`).
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5F), text.contains("_x") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var k = 0
        while k < scalars.count {
            if scalars[k] == "_", k + 6 < scalars.count, scalars[k + 1] == "x", scalars[k + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(k + 2)...(k + 5)])), radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                k += 7
            } else {
                out.unicodeScalars.append(scalars[k])
                k += 1
            }
        }
        return out
    }

    // MARK: - Styles

    /// Excel's built-in number formats that show a date or a time.
    static let builtInDateFormats: [Int: DateStyle] = {
        var table: [Int: DateStyle] = [:]
        for id in [14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58] { table[id] = .date }
        for id in [18, 19, 20, 21, 45, 46, 47, 32, 33, 55, 56] { table[id] = .time }
        table[22] = .dateTime
        return table
    }()

    /// Whether a custom format code shows a date, a time or both: its y/d/m and h/s outside quoted text,
    /// escapes and [brackets] (a colour, a locale, or elapsed time such as [h]).
    static func dateStyle(ofFormat code: String) -> DateStyle? {
        var date = false, time = false
        var quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket { if c == "]" { bracket = false }; continue }
            switch c {
            case "\\", "_", "*": escaped = true
            case "\"": quoted = true
            case "[": bracket = true
            case ";": if date || time { return date && time ? .dateTime : date ? .date : .time }
            case "y", "d": date = true
            case "m": date = true // minutes only beside h or s: then it is a time
            case "h", "s": time = true
            default: break
            }
        }
        if time, date, !code.lowercased().contains(where: { $0 == "y" || $0 == "d" }) { return .time }
        return date && time ? .dateTime : date ? .date : time ? .time : nil
    }

    private static func dateStyles(_ bytes: [UInt8], _ path: String) throws -> [DateStyle?] {
        var scanner = XMLScanner(bytes)
        var custom: [Int: DateStyle?] = [:]
        var styles: [DateStyle?] = []
        var inCellXfs = false
        while let event = try next(&scanner, path) {
            switch event {
            case .start(let name, let selfClosing):
                switch name {
                case .numFmt:
                    if let id = scanner.attribute("numFmtId").flatMap({ Int($0) }) {
                        custom[id] = dateStyle(ofFormat: scanner.attribute("formatCode") ?? "")
                    }
                case .cellXfs: inCellXfs = !selfClosing
                case .xf where inCellXfs:
                    let id = scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0
                    styles.append(custom[id] ?? builtInDateFormats[id])
                default: break
                }
            case .end(let name):
                if name == .cellXfs { inCellXfs = false }
            case .text: break
            }
        }
        return styles
    }
}
