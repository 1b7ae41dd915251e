// Writes a ReportWorkbook as an Office Open XML workbook (.xlsx): text as inline strings (never a
// formula, whatever it starts with), numbers as numbers, each header row bold and frozen, columns sized.
// The same workbook gives the same bytes (fixed part dates), so a published file can be compared.

import Foundation
import ZIPFoundation

public enum XLSXWriter {
    /// Excel's limit on the characters in one cell; longer text is cut with an ellipsis.
    static let maximumCellCharacters = 32_767

    public static func bytes(_ workbook: ReportWorkbook) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let sheets = workbook.sheets.isEmpty ? [ReportWorkbook.Sheet("Report", headers: [])] : workbook.sheets
        let names = uniqueNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/app.xml", application),
            ("xl/workbook.xml", workbookXML(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (k, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", sheetXML(sheet))) }
        // 1980-01-01, the first date a ZIP entry can hold: the bytes depend on the content alone.
        let fixedDate = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw OutputFile.Refused(path: "workbook", reason: "the workbook could not be assembled") }
        return [UInt8](data)
    }

    // MARK: - Sheets

    static func sheetXML(_ sheet: ReportWorkbook.Sheet) -> String {
        let width = max(sheet.headers.count, sheet.rows.map(\.count).max() ?? 0)
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if width > 0 { out += #"<dimension ref="A1:\#(CellReference.letters(width))\#(sheet.rows.count + 1)"/>"# }
        // The header row stays in view while scrolling.
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        out += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if width > 0 {
            out += "<cols>"
            for column in 0..<width {
                var longest = column < sheet.headers.count ? sheet.headers[column].count : 0
                for row in sheet.rows.prefix(2000) where column < row.count {
                    switch row[column] {
                    case .text(let t): longest = max(longest, t.split(separator: "\n").map(\.count).max() ?? 0)
                    case .number(let n): longest = max(longest, SheetReader.number(n).count)
                    case .empty: break
                    }
                }
                let characters = min(max(longest + 2, 8), 80)
                out += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(characters)" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += row(1, sheet.headers.map { .text($0) }, style: 1)
        for (k, cells) in sheet.rows.enumerated() { out += row(k + 2, cells, style: 0) }
        out += "</sheetData>"
        out += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        out += "</worksheet>"
        return out
    }

    static func row(_ number: Int, _ cells: [ReportWorkbook.Cell], style: Int) -> String {
        var out = #"<row r="\#(number)">"#
        for (k, cell) in cells.enumerated() {
            let reference = CellReference.letters(k + 1) + "\(number)"
            let s = style == 0 ? "" : #" s="\#(style)""#
            switch cell {
            case .empty: continue
            case .number(let n):
                out += #"<c r="\#(reference)"\#(s)><v>\#(SheetReader.number(n))</v></c>"#
            case .text(let text):
                out += #"<c r="\#(reference)"\#(s) t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
            }
        }
        return out + "</row>"
    }

    /// Text as XML character data that Excel reads back unchanged: markup characters escaped, characters
    /// XML cannot hold written in OOXML's `_xHHHH_` form, and a literal `_xHHHH_` protected the same way.
    static func escape(_ text: String) -> String {
        var source = text
        if source.count > maximumCellCharacters { source = String(source.prefix(maximumCellCharacters - 1)) + "…" }
        var out = ""
        out.reserveCapacity(source.utf8.count)
        let scalars = Array(source.unicodeScalars)
        for (k, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_":
                // "_x0041_" would be read as "A": escape the underscore that starts such a sequence.
                if k + 6 < scalars.count, scalars[k + 1] == "x", scalars[k + 6] == "_",
                   scalars[(k + 2)...(k + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                    out += "_x005F_"
                } else {
                    out += "_"
                }
            default:
                let v = scalar.value
                if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (v >= 0xFFFE && v <= 0xFFFF) {
                    out += String(format: "_x%04X_", v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, and no two alike.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var base = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }.prefix(31).map(Character.init))
            if base.isEmpty { base = "Sheet" }
            var candidate = base
            var k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(k))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    // MARK: - The fixed parts

    static func contentTypes(_ sheets: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
            + (1...sheets).map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let application = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Seatwise</Application></Properties>"#

    static func workbookXML(_ names: [String]) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
            + names.enumerated().map { #"<sheet name="\#(escape($0.element))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...sheets).map { #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Two cell styles: 0 plain (text wraps at its column's width), 1 the bold header.
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
