// RFC 4180 tokenizer over raw bytes that keeps every field's line and column and reports every
// problem (bad UTF-8, NUL bytes, stray or unterminated quotes) instead of stopping at the first.
// Hand-written because no CSV package reports positions for each problem.

struct CSVField: Sendable {
    var text: String
    var line: Int
    var column: Int
}

struct CSVRecord: Sendable {
    var fields: [CSVField]
    var line: Int
    /// Fields past the tokenizer's limit: counted, not kept, so a row of millions of empty fields
    /// costs no memory.
    var extraFields = 0

    var fieldCount: Int { fields.count + extraFields }
}

/// How many fields a record may keep; the reader lowers it to the header's width once it has the header.
final class CSVFieldLimit {
    var value: Int
    init(_ value: Int = .max) { self.value = value }
}

struct CSVTokenizer {
    /// Fields longer than this are refused: no nominations field is legitimately this long.
    static let maximumFieldBytes = 65_536

    let file: String
    /// The byte between fields: a comma, or the semicolon or tab that Excel writes in many locales.
    var delimiter: UInt8 = 0x2C

    /// The delimiter a file's header line uses: a comma, unless the line has none and has semicolons
    /// (then `;`) or tabs (then a tab).
    static func sniffDelimiter(_ data: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0, quoted = false
        for b in data.prefix(65_536) {
            if b == 0x22 { quoted.toggle() }
            if quoted { continue }
            if b == 0x0A { break }
            if b == 0x2C { commas += 1 } else if b == 0x3B { semicolons += 1 } else if b == 0x09 { tabs += 1 }
        }
        if commas > 0 { return 0x2C }
        return semicolons > 0 ? 0x3B : tabs > 0 ? 0x09 : 0x2C
    }

    /// All records at once (for small files such as the country table).
    func parse(_ data: [UInt8]) -> (records: [CSVRecord], problems: [InputDiagnostic]) {
        var records: [CSVRecord] = []
        let problems = parse(data) { records.append($0) }
        return (records, problems)
    }

    /// Hands each record to `onRecord` as soon as it is complete, so a large file is never held twice.
    func parse(_ data: [UInt8], limit: CSVFieldLimit = CSVFieldLimit(), onRecord: (CSVRecord) -> Void) -> [InputDiagnostic] {
        var problems: [InputDiagnostic] = []
        var omitted = 0
        // A file of nothing but NUL bytes or stray quotes must not hold a message per byte.
        func problem(_ line: Int, _ column: Int, _ message: String) {
            if problems.count < InputDiagnostic.maximumPerFile {
                problems.append(InputDiagnostic(file: file, line: line, column: column, message: message))
            } else {
                omitted += 1
            }
        }
        func finish() -> [InputDiagnostic] {
            if omitted > 0 { problems.append(.omitted(omitted, file: file)) }
            return problems
        }
        var i = 0
        let n = data.count
        if n >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { i = 3 }
        if n >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
            problem(1, 1, "the file is UTF-16; save it as UTF-8")
            return finish()
        }
        var line = 1
        var column = 1
        var fields: [CSVField] = []
        var extraFields = 0
        var recordLine = 1
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)

        @inline(__always) func advance(_ byte: UInt8) {
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        func finishField(_ fieldLine: Int, _ fieldColumn: Int) {
            if fields.count >= limit.value {
                extraFields += 1
                buffer.removeAll(keepingCapacity: true)
                return
            }
            var text: String
            if let valid = String(validating: buffer, as: UTF8.self) {
                text = valid
            } else {
                problem(fieldLine, fieldColumn, "the field is not valid UTF-8; save the file as UTF-8")
                text = String(decoding: buffer, as: UTF8.self)
            }
            if buffer.count > CSVTokenizer.maximumFieldBytes {
                problem(fieldLine, fieldColumn, "the field is \(buffer.count) bytes long; at most \(CSVTokenizer.maximumFieldBytes) are allowed")
                text = String(text.prefix(64))
            }
            fields.append(CSVField(text: text, line: fieldLine, column: fieldColumn))
            buffer.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            // A line holding nothing at all is skipped, as spreadsheet users expect.
            if !(fields.count == 1 && fields[0].text.isEmpty && extraFields == 0) {
                onRecord(CSVRecord(fields: fields, line: recordLine, extraFields: extraFields))
            }
            fields.removeAll(keepingCapacity: true)
            extraFields = 0
            // A record of a million fields must not keep its capacity for the next one.
            if fields.capacity > 4096 { fields = [] }
        }
        func endOfLine() {
            // Consumes LF, CRLF or a lone CR at data[i].
            if data[i] == 0x0D, i + 1 < n, data[i + 1] == 0x0A { i += 1 }
            i += 1
            line += 1
            column = 1
        }

        guard i < n else { return problems }
        recordLine = line
        while i < n {
            let fieldLine = line
            let fieldColumn = column
            var reportedNUL = false
            if data[i] == 0x22 {
                // Quoted field.
                i += 1
                column += 1
                var closed = false
                while i < n {
                    let b = data[i]
                    if b == 0x22 {
                        if i + 1 < n, data[i + 1] == 0x22 {
                            buffer.append(0x22)
                            i += 2
                            column += 2
                            continue
                        }
                        i += 1
                        column += 1
                        closed = true
                        break
                    }
                    if b == 0x0A || b == 0x0D {
                        buffer.append(b)
                        if b == 0x0D, i + 1 < n, data[i + 1] == 0x0A { buffer.append(0x0A); i += 1 }
                        i += 1
                        line += 1
                        column = 1
                        continue
                    }
                    if b == 0, !reportedNUL { problem(line, column, "NUL byte in a field"); reportedNUL = true }
                    buffer.append(b)
                    advance(b)
                    i += 1
                }
                if !closed {
                    problem(fieldLine, fieldColumn, "the quote opened here is never closed")
                    finishField(fieldLine, fieldColumn)
                    finishRecord()
                    return finish()
                }
                if i < n, data[i] != delimiter, data[i] != 0x0A, data[i] != 0x0D {
                    problem(line, column, "unexpected text after a closing quote; a quote inside a field must be doubled (\"\")")
                    while i < n, data[i] != delimiter, data[i] != 0x0A, data[i] != 0x0D { advance(data[i]); i += 1 }
                }
            } else {
                var reportedQuote = false
                while i < n {
                    let b = data[i]
                    if b == delimiter || b == 0x0A || b == 0x0D { break }
                    if b == 0x22, !reportedQuote {
                        problem(line, column, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                        reportedQuote = true
                    }
                    if b == 0, !reportedNUL { problem(line, column, "NUL byte in a field"); reportedNUL = true }
                    buffer.append(b)
                    advance(b)
                    i += 1
                }
            }
            finishField(fieldLine, fieldColumn)
            if i >= n {
                finishRecord()
                break
            }
            if data[i] == delimiter {
                i += 1
                column += 1
                if i >= n {
                    finishField(line, column)
                    finishRecord()
                }
                continue
            }
            endOfLine()
            finishRecord()
            recordLine = line
        }
        return finish()
    }
}
