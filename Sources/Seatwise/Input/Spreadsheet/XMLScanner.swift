// A pull tokenizer for the XML that spreadsheet parts are written in: elements, attributes, text,
// character and the five predefined entity references, CDATA, comments and processing instructions.
// Hand-written for speed (Foundation's XMLParser took 1.1 s and SWXMLHash 1.5 s on a 50,000-row sheet;
// this takes about a tenth of that) and safety: a DOCTYPE is refused, so no entity can expand.

struct XMLProblem: Error, Sendable {
    var offset: Int
    var message: String
}

struct XMLScanner {
    /// The value of the last started element's attribute with this name, or this local name (`id` finds
    /// `r:id`); nil when absent. Read from the document's bytes only when asked (most elements of a sheet
    /// have two or three attributes and a reader wants one or two).
    func attribute(_ name: StaticString) -> String? {
        guard let item = find(name) else { return nil }
        return try? Self.decode(bytes, item.value, hasReference: item.hasReference)
    }

    /// A whole-number attribute (a row number, a style index) read from its digits without making text.
    func attributeInt(_ name: StaticString) -> Int? {
        guard let item = find(name), !item.hasReference, !item.value.isEmpty, item.value.count <= 18 else { return attribute(name).flatMap { Int($0) } }
        var n = 0
        for k in item.value {
            let b = bytes[k]
            guard b >= 0x30, b <= 0x39 else { return attribute(name).flatMap { Int($0) } }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    /// Whether the attribute's value is exactly `value` (a cell's type, `t="s"`).
    func attribute(_ name: StaticString, is value: StaticString) -> Bool {
        guard let item = find(name), !item.hasReference, item.value.count == value.utf8CodeUnitCount else { return false }
        let wanted = UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount)
        for (k, b) in wanted.enumerated() where bytes[item.value.lowerBound + k] != b { return false }
        return true
    }

    /// Whether the element has the attribute at all (a value that does not parse is then refused, not ignored).
    func has(_ name: StaticString) -> Bool { find(name) != nil }

    /// An A1 cell reference attribute (`r="C7"`) read from its bytes.
    func attributeReference(_ name: StaticString) -> (row: Int, column: Int)? {
        guard let item = find(name), !item.hasReference else { return attribute(name).flatMap(CellReference.parse) }
        return CellReference.parse(bytes[item.value])
    }

    private func find(_ name: StaticString) -> AttributeRange? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for item in ranges {
            var start = item.name.lowerBound
            if item.name.count != wanted.count, let colon = bytes[item.name].firstIndex(of: 0x3A) { start = colon + 1 }
            guard item.name.upperBound - start == wanted.count else { continue }
            var same = true
            for k in 0..<wanted.count where bytes[start + k] != wanted[k] { same = false; break }
            if same { return item }
        }
        return nil
    }

    private struct AttributeRange { var name: Range<Int>; var value: Range<Int>; var hasReference: Bool }

    /// The elements spreadsheet readers look for, told apart by their local name's bytes (no String is
    /// made per element); every other element is `other`.
    enum Name: CaseIterable {
        case other, row, c, v, f, `is`, t, rPh, si, mergeCell, col, sheet, workbookPr, numFmt, cellXfs, xf, relationship

        var local: String {
            switch self {
            case .relationship: return "Relationship"
            case .is: return "is"
            default: return "\(self)"
            }
        }

        /// Each known name's bytes, indexed by length (an array: a dictionary would hash once per element).
        static let byLength: [[(bytes: [UInt8], name: Name)]] = {
            let known = allCases.filter { $0 != .other }.map { (bytes: Array($0.local.utf8), name: $0) }
            return (0...(known.map(\.bytes.count).max() ?? 0)).map { length in known.filter { $0.bytes.count == length } }
        }()
    }

    enum Event {
        /// An element opens; `selfClosing` when it also closes (`<c r="A1"/>`).
        /// Its attributes are read with `attribute(_:)` until the next event.
        case start(name: Name, selfClosing: Bool)
        case end(name: Name)
        /// Character data between tags, entities already replaced (CDATA included as it stands).
        case text(String)
    }

    /// Past this depth the document is refused: no spreadsheet part nests deeper, and a hostile one
    /// of a million opening tags must not grow the stack of open names without bound.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var i = 0
    /// The qualified names of the open elements, as byte ranges.
    private var open: [Range<Int>] = []
    /// The qualified name of the element the last start or end event was about.
    private(set) var lastName: Range<Int> = 0..<0
    var lastNameText: String { text(lastName) }
    /// The current element's attributes; reused from one element to the next.
    private var ranges: [AttributeRange] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    /// What a qualified name is, by its local part: `x:c` is `c` (some writers prefix the spreadsheet namespace).
    private func classify(_ range: Range<Int>) -> Name {
        var start = range.lowerBound
        for k in range where bytes[k] == 0x3A { start = k + 1; break }
        let length = range.upperBound - start
        guard length < Name.byLength.count else { return .other }
        for candidate in Name.byLength[length] {
            var same = true
            for (j, b) in candidate.bytes.enumerated() where bytes[start + j] != b { same = false; break }
            if same { return candidate.name }
        }
        return .other
    }

    private func sameName(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] { return false }
        return true
    }

    /// A text node longer than this is refused before it is made a string: an Excel cell holds at most
    /// 32,767 characters (at most 128 KiB of UTF-8), and 600 MB of white space between two tags would
    /// otherwise be copied whole.
    static let maximumText = 4 << 20

    private func checkTextLength(_ range: Range<Int>) throws {
        if range.count > Self.maximumText {
            throw XMLProblem(offset: range.lowerBound, message: "a text of \(range.count) bytes, longer than any cell holds (Excel: 32,767 characters)")
        }
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws -> Event? {
        let n = bytes.count
        while i < n {
            if bytes[i] != 0x3C { // '<'
                let start = i
                var hasReference = false
                while i < n, bytes[i] != 0x3C {
                    if bytes[i] == 0x26 { hasReference = true }
                    i += 1
                }
                if open.isEmpty {
                    // Only white space may stand outside the root element.
                    if bytes[start..<i].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                        throw XMLProblem(offset: start, message: "text outside the document's root element")
                    }
                    continue
                }
                try checkTextLength(start..<i)
                return .text(try decode(start..<i, hasReference: hasReference))
            }
            // bytes[i] == '<'
            guard i + 1 < n else { throw XMLProblem(offset: i, message: "the document ends inside a tag") }
            switch bytes[i + 1] {
            case 0x3F: // '<?': a processing instruction or the XML declaration
                try skip(past: [0x3F, 0x3E], from: i + 2, what: "processing instruction")
            case 0x21: // '<!'
                if starts(with: "<!--", at: i) {
                    try skip(past: Array("-->".utf8), from: i + 4, what: "comment")
                } else if starts(with: "<![CDATA[", at: i) {
                    let start = i + 9
                    try skip(past: Array("]]>".utf8), from: start, what: "CDATA section")
                    guard !open.isEmpty else { throw XMLProblem(offset: start, message: "CDATA outside the root element") }
                    try checkTextLength(start..<(i - 3))
                    return .text(try utf8(start..<(i - 3)))
                } else {
                    throw XMLProblem(offset: i, message: "a document type declaration, which spreadsheet files never have (refused: it could define entities)")
                }
            case 0x2F: // '</'
                i += 2
                let name = try readNameRange()
                skipSpace()
                guard i < n, bytes[i] == 0x3E else { throw XMLProblem(offset: i, message: "expected '>' to close </\(text(name))") }
                i += 1
                guard let last = open.popLast(), sameName(last, name) else {
                    throw XMLProblem(offset: i, message: "</\(text(name))> closes an element that is not open")
                }
                lastName = name
                return .end(name: classify(name))
            default:
                i += 1
                let nameRange = try readNameRange()
                lastName = nameRange
                if bytes[nameRange].contains(where: { $0 >= 0x80 }) { _ = try utf8(nameRange) }
                var name: String { text(nameRange) }
                ranges.removeAll(keepingCapacity: true)
                while true {
                    let hadSpace = skipSpace()
                    guard i < n else { throw XMLProblem(offset: i, message: "the document ends inside <\(name)>") }
                    if bytes[i] == 0x3E { // '>'
                        i += 1
                        guard open.count < Self.maximumDepth else { throw XMLProblem(offset: i, message: "elements nested deeper than \(Self.maximumDepth)") }
                        open.append(nameRange)
                        return .start(name: classify(nameRange), selfClosing: false)
                    }
                    if bytes[i] == 0x2F { // '/>'
                        guard i + 1 < n, bytes[i + 1] == 0x3E else { throw XMLProblem(offset: i, message: "expected '/>' in <\(name)>") }
                        i += 2
                        if open.isEmpty { i = n } // a self-closing root: the document ends here
                        return .start(name: classify(nameRange), selfClosing: true)
                    }
                    guard hadSpace else { throw XMLProblem(offset: i, message: "expected a space before an attribute of <\(name)>") }
                    let attributeStart = i
                    let attribute = try readNameRange()
                    skipSpace()
                    guard i < n, bytes[i] == 0x3D else { throw XMLProblem(offset: i, message: "expected '=' after the attribute \(text(attribute))") }
                    i += 1
                    skipSpace()
                    guard i < n, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw XMLProblem(offset: i, message: "expected a quoted value for \(text(attribute))") }
                    let quote = bytes[i]
                    i += 1
                    let start = i
                    var hasReference = false
                    while i < n, bytes[i] != quote {
                        if bytes[i] == 0x3C { throw XMLProblem(offset: i, message: "'<' inside the value of \(text(attribute))") }
                        if bytes[i] == 0x26 { hasReference = true }
                        i += 1
                    }
                    guard i < n else { throw XMLProblem(offset: start, message: "the value of \(text(attribute)) is never closed") }
                    // Checked now (a bad value is a bad document), decoded when asked for.
                    if hasReference || bytes[start..<i].contains(where: { $0 >= 0x80 }) { _ = try Self.decode(bytes, start..<i, hasReference: hasReference) }
                    ranges.append(AttributeRange(name: attributeStart..<attribute.upperBound, value: start..<i, hasReference: hasReference))
                    i += 1
                }
            }
        }
        if let unclosed = open.last { throw XMLProblem(offset: n, message: "the document ends with <\(text(unclosed))> still open") }
        return nil
    }

    // MARK: - Pieces

    private func starts(with text: String, at offset: Int) -> Bool {
        var k = offset
        for b in text.utf8 {
            guard k < bytes.count, bytes[k] == b else { return false }
            k += 1
        }
        return true
    }

    private mutating func skip(past terminator: [UInt8], from start: Int, what: String) throws {
        var k = start
        let n = bytes.count
        while k + terminator.count <= n {
            if bytes[k] == terminator[0], Array(bytes[k..<(k + terminator.count)]) == terminator {
                i = k + terminator.count
                return
            }
            k += 1
        }
        throw XMLProblem(offset: start, message: "a \(what) that is never closed")
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i > start
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func readNameRange() throws -> Range<Int> {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x3E || b == 0x2F || b == 0x3D || b == 0x3C || b == 0x22 || b == 0x27 { break }
            i += 1
        }
        guard i > start else { throw XMLProblem(offset: start, message: "expected a name") }
        return start..<i
    }

    private func utf8(_ range: Range<Int>) throws -> String { try Self.utf8(bytes, range) }

    private static func utf8(_ bytes: [UInt8], _ range: Range<Int>) throws -> String {
        try bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            // ASCII (nearly every name and value) is valid as it stands; only other text is validated.
            if !slice.contains(where: { $0 >= 0x80 }) { return String(decoding: slice, as: UTF8.self) }
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw XMLProblem(offset: range.lowerBound, message: "text that is not valid UTF-8")
            }
            return text
        }
    }

    private func decode(_ range: Range<Int>, hasReference: Bool) throws -> String { try Self.decode(bytes, range, hasReference: hasReference) }

    /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#n;` and `&#xh;` replaced.
    private static func decode(_ bytes: [UInt8], _ range: Range<Int>, hasReference: Bool) throws -> String {
        guard hasReference else { return try utf8(bytes, range) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let b = bytes[k]
            guard b == 0x26 else { out.append(b); k += 1; continue }
            guard let semicolon = bytes[k..<range.upperBound].prefix(12).firstIndex(of: 0x3B) else {
                throw XMLProblem(offset: k, message: "'&' that starts no entity reference")
            }
            let name = String(decoding: bytes[(k + 1)..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { throw XMLProblem(offset: k, message: "unknown entity reference &\(name);") }
            out.append(contentsOf: Array(String(scalar).utf8))
            k = semicolon + 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw XMLProblem(offset: range.lowerBound, message: "text that is not valid UTF-8")
        }
        return text
    }
}
