// RFC 4180 tokenising with positions: quoting, line breaks inside quotes, BOM, CRLF, and errors.

import Testing
@testable import Seatwise

@Suite("CSV tokenizer")
struct CSVTokenizerTests {
    func parse(_ text: String) -> ([CSVRecord], [InputDiagnostic]) {
        CSVTokenizer(file: "f.csv").parse(Array(text.utf8))
    }

    @Test("quoted commas, doubled quotes and line breaks inside quotes")
    func quoting() {
        let (records, problems) = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here\n")
        #expect(problems.isEmpty)
        #expect(records.count == 3)
        #expect(records[1].fields.map(\.text) == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(records[2].line == 4, "the record after a quoted line break starts on line 4")
        #expect(records[2].fields[1].column == 6)
    }

    @Test("BOM, CRLF and a missing final newline")
    func bomAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,Ana\r\n2,Bo".utf8)
        let (records, problems) = CSVTokenizer(file: "f.csv").parse(bytes)
        #expect(problems.isEmpty)
        #expect(records.map { $0.fields.map(\.text) } == [["id", "name"], ["1", "Ana"], ["2", "Bo"]])
    }

    @Test("blank lines are skipped; an empty last field is kept")
    func blanks() {
        let (records, _) = parse("a,b\n\n1,\n")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["1", ""]])
    }

    @Test("an unterminated quote is reported where it opens")
    func unterminated() {
        let (_, problems) = parse("a,b\n1,\"open\n2,3\n")
        #expect(problems.count == 1)
        #expect(problems[0].line == 2 && problems[0].column == 3)
        #expect(problems[0].message.contains("never closed"))
    }

    @Test("stray quotes, NUL bytes and invalid UTF-8 are each reported with their place")
    func badBytes() {
        var bytes = Array("a,b\nx\"y,ok\n".utf8)
        bytes += [0x41, 0x00, 0x2C, 0xFF, 0xFE, 0x0A]
        let (_, problems) = CSVTokenizer(file: "f.csv").parse(bytes)
        #expect(problems.contains { $0.line == 2 && $0.column == 2 && $0.message.contains("quote inside an unquoted field") })
        #expect(problems.contains { $0.line == 3 && $0.column == 2 && $0.message.contains("NUL") })
        #expect(problems.contains { $0.line == 3 && $0.column == 4 && $0.message.contains("UTF-8") })
    }

    @Test("text after a closing quote is an error")
    func afterClosingQuote() {
        let (_, problems) = parse("a,b\n\"x\"y,1\n")
        #expect(problems.count == 1 && problems[0].line == 2 && problems[0].column == 4)
    }

    @Test("UTF-16 files are refused with a clear message")
    func utf16() {
        let (_, problems) = CSVTokenizer(file: "f.csv").parse([0xFF, 0xFE, 0x61, 0x00])
        #expect(problems.first?.message.contains("UTF-16") == true)
    }
}
