// A worksheet of an .xlsx workbook read as the rows a CSV saved from it would hold: the first visible
// sheet or the one named, header first, each field keeping its row and column for messages such as
// `nominations.xlsx:Sheet1!C7: group: …`. Readers of tables (nominations, compositions) use it as a CSV.

import Foundation

struct WorkbookTable {
    var sheet: String
    /// Every sheet of the workbook, by name, in order (for a message that suggests another).
    var sheets: [String] = []
    var records: [CSVRecord]
    /// What was read that a user may not expect (merged ranges filled, hidden rows read), in words.
    var notes: [String]

    /// Whether a file is read as a workbook: by its extension, or by its content (an .xlsx saved under
    /// another name is still a workbook).
    static func isWorkbook(_ file: InputFile) -> Bool {
        let lower = file.path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return true }
        return BinaryFile.kind(file.bytes) == BinaryFile.xlsx
    }

    /// The sheet's rows, or every problem found (each naming its cell).
    /// `expected`: the columns a sheet of the data has (any one of its sets); with no sheet named, the first
    /// sheet whose header has them is read, so an instructions or cover sheet before the data is passed over.
    static func read(_ file: InputFile, maximumColumns: Int, expected: [[String]] = []) -> (WorkbookTable?, [InputDiagnostic]) {
        func fail(_ message: String) -> (WorkbookTable?, [InputDiagnostic]) { (nil, [InputDiagnostic(file: file.path, message: message)]) }
        // An .xlsx saved with a password is not a ZIP archive at all but an OLE file: say so.
        if file.bytes.starts(with: BinaryFile.oleMagic), let kind = BinaryFile.kind(file.bytes) {
            return fail(BinaryFile.problem(kind, path: file.path, expected: "an .xlsx workbook one can read",
                                           howTo: kind == BinaryFile.encrypted ? BinaryFile.removePassword : "in Excel, File › Save As › \"Excel Workbook (.xlsx)\"").message)
        }
        var archive: WorkbookArchive
        let parts: WorkbookParts
        do {
            archive = try WorkbookArchive(file.bytes)
            parts = try WorkbookParts(&archive)
        } catch let problem as WorkbookArchive.Problem {
            return fail(problem.message)
        } catch {
            return fail("the workbook cannot be read: \(error)")
        }
        let names = parts.sheets.map(\.name)
        // The sheet named, else the first visible one with any value (an empty cover sheet is passed over).
        let candidates: [WorkbookParts.Sheet]
        if let wanted = file.sheet {
            guard let sheet = parts.sheets.first(where: { $0.name == wanted })
                    ?? parts.sheets.first(where: { AttributeKey.normalize($0.name) == AttributeKey.normalize(wanted) }) else {
                return fail("the workbook has no sheet \(Quote.value(wanted)); its sheets are \(names.map(Quote.value).joined(separator: ", "))")
            }
            candidates = [sheet]
        } else {
            candidates = parts.sheets.filter { !$0.hidden }.isEmpty ? parts.sheets : parts.sheets.filter { !$0.hidden }
            guard !candidates.isEmpty else { return fail("the workbook has no sheets") }
        }
        var chosen = candidates[0]
        var sheetReader: SheetReader?
        var passedOver: [String] = []
        // Sheets with values whose header lacks the expected columns, kept in case no sheet has them.
        var withoutColumns: [(sheet: WorkbookParts.Sheet, reader: SheetReader)] = []
        func hasExpectedColumns(_ reader: SheetReader) -> Bool {
            guard !expected.isEmpty else { return true }
            let header = Set((reader.cells.orderedRows().first?.cells ?? []).map { AttributeKey.normalize($0.1) })
            return expected.contains { $0.allSatisfy { header.contains(AttributeKey.normalize($0)) } }
        }
        for sheet in candidates {
            chosen = sheet
            do {
                guard let bytes = try archive.part(sheet.path) else {
                    return fail("the sheet \(Quote.value(sheet.name)) has no part in the archive (\(sheet.path)); open the workbook in Excel and save it again")
                }
                sheetReader = try SheetReader(bytes, parts: parts)
            } catch let problem as WorkbookArchive.Problem {
                return fail("sheet \(Quote.value(sheet.name)): " + problem.message)
            } catch {
                return fail("the sheet \(Quote.value(sheet.name)) cannot be read: \(error)")
            }
            if sheetReader!.cells.count > 0 || !sheetReader!.problems.isEmpty {
                if file.sheet != nil || candidates.count == 1 || !sheetReader!.problems.isEmpty || hasExpectedColumns(sheetReader!) { break }
                withoutColumns.append((sheet, sheetReader!))
                continue
            }
            passedOver.append(sheet.name)
        }
        // No sheet has the columns: the first with values is read, and its missing columns are the problem.
        var instead: [String] = []
        if let first = withoutColumns.first {
            if sheetReader == nil || sheetReader!.cells.count == 0 || !hasExpectedColumns(sheetReader!) {
                (chosen, sheetReader) = first
            } else {
                instead = withoutColumns.map(\.sheet.name)
            }
        }
        guard var sheetReader else { return fail("the workbook has no sheets") }
        if sheetReader.cells.count == 0, sheetReader.problems.isEmpty {
            return fail(file.sheet != nil || names.count == 1 ? "the sheet \(Quote.value(chosen.name)) is empty; it needs a header row and one row per nominee"
                        : "every sheet of the workbook is empty (\(names.map(Quote.value).joined(separator: ", ")))")
        }
        var problems = sheetReader.problems.map {
            InputDiagnostic(file: file.path, line: $0.row, column: $0.column, message: $0.message, sheet: chosen.name)
        }
        var notes: [String] = []
        let place = "\(file.path):\(CellReference.sheet(chosen.name))"
        if file.sheet == nil, names.count > 1 {
            var skipped = passedOver.isEmpty ? "" : " (\(passedOver.map(Quote.value).joined(separator: ", ")) \(passedOver.count == 1 ? "is" : "are") empty)"
            if !instead.isEmpty {
                skipped += " (\(instead.map(Quote.value).joined(separator: ", ")) lack\(instead.count == 1 ? "s" : "") the columns \(expected[0].joined(separator: ", ")))"
            }
            notes.append("\(file.path): warning: the sheet \(Quote.value(chosen.name)) was read, of \(names.count): \(names.map(Quote.value).joined(separator: ", "))\(skipped); give --sheet NAME to read another")
        }

        // Rows with any value, in order; the header is the first. Its last named column sets the width.
        let rows = sheetReader.cells.orderedRows()
        var records: [CSVRecord] = []
        records.reserveCapacity(rows.count)
        guard let headerRow = rows.first?.row, let header = rows.first?.cells else {
            return (WorkbookTable(sheet: chosen.name, sheets: names, records: [], notes: notes), problems)
        }
        let headerWidth = header.last?.column ?? 0
        let width = min(headerWidth, maximumColumns + 1)
        for (row, cells) in rows {
            // One problem a row, at its first cell past the header: the rest of the row says the same.
            if row != headerRow, let (column, _) = cells.first(where: { $0.column > width }) {
                let more = cells.filter { $0.column > width }.count - 1
                problems.append(InputDiagnostic(file: file.path, line: row, column: column,
                                                message: "a value in a column with no header (the header ends at \(CellReference.letters(width))\(headerRow))\(more > 0 ? ", and \(more) more in this row" : ""); give the column a header or clear the cell",
                                                sheet: chosen.name))
            }
            var fields = (1...max(width, 1)).map { CSVField(text: "", line: row, column: $0) }
            for (column, text) in cells where column <= width { fields[column - 1].text = text }
            let extra = row == headerRow ? max(0, headerWidth - width) : 0
            records.append(CSVRecord(fields: fields, line: row, extraFields: extra))
        }
        problems.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }

        let hidden = sheetReader.hiddenRows.filter { sheetReader.cells.hasValues(row: $0) }
        if !hidden.isEmpty {
            notes.append("\(place): warning: \(Words.count(hidden.count, "row")) hidden in Excel (\(Self.rowList(hidden))) \(hidden.count == 1 ? "was" : "were") read like the others, as Save As CSV would; delete \(hidden.count == 1 ? "it" : "them") to leave \(hidden.count == 1 ? "it" : "them") out")
        }
        // Each column once, however many <col> records hide it, and at most 20 named in the note.
        let headerColumns = Set(header.map(\.column))
        let hiddenColumns = Set(sheetReader.hiddenColumns.flatMap { Array($0.clamped(to: 1...max(width, 1))) }).filter(headerColumns.contains).sorted()
        if !hiddenColumns.isEmpty {
            let named = hiddenColumns.prefix(20).map { CellReference.letters($0) }.joined(separator: ", ") + (hiddenColumns.count > 20 ? " and \(hiddenColumns.count - 20) more" : "")
            notes.append("\(place): warning: hidden \(Words.noun(hiddenColumns.count, "column")) \(named) \(hiddenColumns.count == 1 ? "was" : "were") read like the others")
        }
        for range in sheetReader.filled.prefix(20) {
            let value = range.value
            let first = CellReference.letters(range.columns.lowerBound) + "\(range.rows.lowerBound)"
            let last = CellReference.letters(range.columns.upperBound) + "\(range.rows.upperBound)"
            notes.append("\(place)!\(first):\(last): warning: merged cells: each was read as \(Quote.value(value)), the value of \(first)")
        }
        if sheetReader.filled.count > 20 { notes.append("\(place): warning: \(sheetReader.filled.count - 20) more merged ranges were read the same way") }
        return (WorkbookTable(sheet: chosen.name, sheets: names, records: records, notes: notes), problems)
    }

    /// "7, 9, 12–15".
    static func rowList(_ rows: [Int]) -> String {
        var parts: [String] = []
        var k = 0
        while k < rows.count, parts.count < 12 {
            var j = k
            while j + 1 < rows.count, rows[j + 1] == rows[j] + 1 { j += 1 }
            parts.append(j == k ? "\(rows[k])" : "\(rows[k])–\(rows[j])")
            k = j + 1
        }
        return parts.joined(separator: ", ") + (k < rows.count ? ", …" : "")
    }
}
