// The spreadsheet layer on its own: the XML scanner (entities, CDATA, prefixes, refusals), cell
// references, Excel's date serials against known dates, numbers without float noise, and a workbook
// written by XLSXWriter read back by the workbook reader cell for cell.

import Foundation
import Testing
@testable import Seatwise

@Suite("Spreadsheets")
struct SpreadsheetTests {
    func events(_ xml: String) throws -> [String] {
        var scanner = XMLScanner(Array(xml.utf8))
        var out: [String] = []
        while let event = try scanner.next() {
            switch event {
            case .start(_, let selfClosing): out.append("<\(scanner.lastNameText) r=\(scanner.attribute("r") ?? "-") id=\(scanner.attribute("id") ?? "-")\(selfClosing ? "/" : "")>")
            case .end: out.append("</\(scanner.lastNameText)>")
            case .text(let text): out.append(text)
            }
        }
        return out
    }

    @Test("the scanner: attributes by name or local name, entities, CDATA, comments")
    func scanner() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><x:a r='1' r:id="A&amp;B"><b/>x &lt; y &#233;&#x41;<![CDATA[<raw>]]></x:a>"#
        #expect(try events(xml) == ["<x:a r=1 id=A&B>", "<b r=- id=-/>", "x < y éA", "<raw>", "</x:a>"])
        var scanner = XMLScanner(Array("<x:row><row/><relationship/><Relationship/></x:row>".utf8))
        var names: [XMLScanner.Name] = []
        while let event = try scanner.next() { if case .start(let name, _) = event { names.append(name) } }
        #expect(names == [.row, .row, .other, .relationship])
    }

    @Test("the scanner refuses what is not well-formed, and any DOCTYPE", arguments: [
        "<a><b></a>", "<a", "<a b=1/>", "<a>&bogus;</a>", "<a>", "x<a/>", "<!DOCTYPE a [<!ENTITY e \"e\">]><a>&e;</a>", "<a b=\"<\"/>",
    ])
    func refusals(_ xml: String) {
        #expect(throws: XMLProblem.self) { _ = try events(xml) }
    }

    @Test("cell references both ways")
    func references() {
        #expect(CellReference.letters(1) == "A" && CellReference.letters(26) == "Z" && CellReference.letters(27) == "AA" && CellReference.letters(16_384) == "XFD")
        #expect(CellReference.parse("C7")! == (7, 3) && CellReference.parse("$AB$12")! == (12, 28))
        #expect(CellReference.parse("XFE1") == nil && CellReference.parse("A0") == nil && CellReference.parse("7C") == nil)
        #expect(CellReference.place(sheet: "Sheet1", row: 7, column: 3) == "Sheet1!C7")
        #expect(CellReference.place(sheet: "My list", row: 7, column: nil) == "'My list'!7:7")
    }

    @Test("date serials: 1900 system with its phantom leap day, 1904 system, times")
    func dates() {
        #expect(SheetReader.date(serial: 1, style: .date, date1904: false) == "1900-01-01")
        #expect(SheetReader.date(serial: 59, style: .date, date1904: false) == "1900-02-28")
        #expect(SheetReader.date(serial: 61, style: .date, date1904: false) == "1900-03-01")
        #expect(SheetReader.date(serial: 45_658, style: .date, date1904: false) == "2025-01-01")
        #expect(SheetReader.date(serial: 0, style: .date, date1904: true) == "1904-01-01")
        #expect(SheetReader.date(serial: 45_658.5, style: .dateTime, date1904: false) == "2025-01-01 12:00:00")
        #expect(SheetReader.date(serial: 0.25, style: .time, date1904: false) == "06:00:00")
        #expect(WorkbookParts.dateStyle(ofFormat: "dd/mm/yyyy;@") == .date)
        #expect(WorkbookParts.dateStyle(ofFormat: "h:mm") == .time)
        #expect(WorkbookParts.dateStyle(ofFormat: "0.00%") == nil && WorkbookParts.dateStyle(ofFormat: "General") == nil)
        #expect(WorkbookParts.dateStyle(ofFormat: "[Red]\"days\"0") == nil)
    }

    @Test("numbers as a CSV holds them")
    func numbers() {
        #expect(SheetReader.number(3.0) == "3" && SheetReader.number(2.0000000000000004) == "2")
        #expect(SheetReader.number(4.2000000000000002) == "4.2" && SheetReader.number(-0.5) == "-0.5")
        #expect(SheetReader.number(1_234_567_890_123) == "1234567890123")
    }

    @Test("OOXML escapes round-trip, control characters included")
    func escapes() {
        for text in ["plain", "x_x0041_y", "bell\u{7}", "_x005F_", "a & <b> \"c\"", String(repeating: "é", count: 10)] {
            let escaped = XLSXWriter.escape(text)
            let back = WorkbookParts.unescape(escaped.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\""))
            #expect(back == text)
        }
    }

    @Test("a written workbook reads back cell for cell")
    func roundTrip() throws {
        var sheet = ReportWorkbook.Sheet("Nominations", headers: ["id", "name", "group", "gender", "country", "rank"])
        sheet.add([.text("a1"), .text("=1+1"), .text("Government"), .text("female"), .text("KEN"), .number(1)])
        sheet.add([.text("a2"), .text("Bo \"Jr\" <x>"), .text("Government"), .text("male"), .text("NOR"), .empty])
        let bytes = try XLSXWriter.bytes(ReportWorkbook([ReportWorkbook.Sheet("Other", headers: ["x"]), sheet]))
        let file = InputFile(path: "n.xlsx", bytes: bytes, sheet: "Nominations")
        let (table, problems) = WorkbookTable.read(file, maximumColumns: 100)
        #expect(problems.isEmpty)
        let rows = try #require(table).records.map { $0.fields.map(\.text) }
        #expect(rows == [["id", "name", "group", "gender", "country", "rank"], ["a1", "=1+1", "Government", "female", "KEN", "1"],
                         ["a2", "Bo \"Jr\" <x>", "Government", "male", "NOR", ""]])
        // The same workbook written twice is the same bytes.
        #expect(try XLSXWriter.bytes(ReportWorkbook([sheet])) == XLSXWriter.bytes(ReportWorkbook([sheet])))
    }

    @Test("a part that inflates past the budget is refused before it is inflated")
    func budget() throws {
        var sheet = ReportWorkbook.Sheet("S", headers: ["x"])
        for k in 0..<2_000 { sheet.add([.text(String(repeating: "y", count: 200) + "\(k)")]) }
        let bytes = try XLSXWriter.bytes(ReportWorkbook([sheet]))
        var archive = try WorkbookArchive(bytes)
        #expect(try archive.part("xl/worksheets/sheet1.xml")!.count > 400_000)
        var small = try WorkbookArchive(bytes, budget: 100_000)
        #expect(throws: WorkbookArchive.Problem.self) { _ = try small.part("xl/worksheets/sheet1.xml") }
        #expect(try small.part("xl/workbook.xml") != nil) // what is left of the budget still reads small parts
        #expect(throws: WorkbookArchive.Problem.self) { _ = try WorkbookArchive(Array("PK not really".utf8)) }
    }
}
