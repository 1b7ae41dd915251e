// One worksheet's cells turned into the text a CSV saved from it would hold: shared and inline strings,
// numbers without Excel's float noise (3.0 is 3), dates as ISO 8601, booleans as TRUE/FALSE, a formula's
// saved value, merged ranges filled from their first cell; every cell that cannot be read, by its reference.

import Foundation

struct SheetReader {
    /// A problem at a cell, or at a whole row when `column` is nil.
    struct Problem { var row: Int; var column: Int?; var message: String }

    /// A cell's `t`: what its `<v>` (or `<is>`) holds.
    private enum CellType {
        case number, shared, inline, formulaText, boolean, error, date
        init(_ scanner: XMLScanner) {
            if scanner.attribute("t", is: "s") { self = .shared } else if scanner.attribute("t", is: "inlineStr") { self = .inline }
            else if scanner.attribute("t", is: "str") { self = .formulaText } else if scanner.attribute("t", is: "b") { self = .boolean }
            else if scanner.attribute("t", is: "e") { self = .error } else if scanner.attribute("t", is: "d") { self = .date }
            else { self = .number }
        }
    }

    /// The element whose text is being collected.
    private enum Reading { case nothing, value, formula, inlineText }

    var cells = SheetCells()
    var hiddenRows: [Int] = []
    var hiddenColumns: [ClosedRange<Int>] = []
    var merged: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
    /// The merged ranges whose cells were filled (clipped to the cells the sheet has), for the notes.
    var filled: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>, value: String)] = []
    var problems: [Problem] = []

    /// Cells kept from one sheet: a million nominees of ten columns. Past it the sheet is refused, before
    /// a small compressed file of millions of one-character cells can fill memory.
    static let maximumCells = 10_000_000
    /// Merged ranges a sheet may have: a list of nominees merges a few title cells, never this many.
    static let maximumMerges = 100_000
    private var mergeRecords = 0, colRecords = 0

    /// Why reading stopped early: past Excel's grid or the cell budget (the sheet is then refused).
    struct Refused: Error { var message: String }

    /// The cell being read: where, its type and style, and what its <v>, <is> and <f> hold. Kept in one
    /// value (not in variables a nested function captures, which would box each and count every access).
    private struct Cursor {
        var row = 0, nextColumn = 1, lastRow = 0
        var column = 0, type = CellType.number, style = 0
        var value: String?, inline = "", hasInline = false, formula: String?
        var reading = Reading.nothing
        var inInline = false, inPhonetic = false, inCell = false
    }

    /// Reads the sheet part; throws only when its XML is not well-formed.
    init(_ bytes: [UInt8], parts: WorkbookParts) throws {
        var scanner = XMLScanner(bytes)
        var c = Cursor()
        do {
            while let event = try scanner.next() {
                if budgetExceeded {
                    throw Refused(message: "the sheet has more than \(Self.maximumCells) cells with values; no list of nominees is that large")
                }
                switch event {
                case .start(let name, let selfClosing):
                    switch name {
                    case .row:
                        // A row's own number stands (a row out of order is put in its place); a row without
                        // one follows the last.
                        if let r = scanner.attributeInt("r") { c.row = r } else if scanner.has("r") {
                            // A number past any Int (or not a number) is outside the grid, not "no number".
                            throw Refused(message: "the sheet has a row numbered \(Quote.value(scanner.attribute("r") ?? "")), outside Excel's rows 1 to \(CellReference.maximumRow); open the workbook in Excel and save it again")
                        } else { c.row = c.lastRow + 1 }
                        guard c.row >= 1, c.row <= CellReference.maximumRow else {
                            throw Refused(message: "the sheet has a row numbered \(c.row), outside Excel's rows 1 to \(CellReference.maximumRow); open the workbook in Excel and save it again")
                        }
                        c.lastRow = c.row
                        c.nextColumn = 1
                        if let hidden = scanner.attribute("hidden"), hidden == "1" || hidden == "true" { hiddenRows.append(c.row) }
                    case .c:
                        // A cell's own reference is where it is, whatever its row element said.
                        if let place = scanner.attributeReference("r") {
                            c.column = place.column
                            c.row = place.row
                            c.lastRow = place.row
                        } else if scanner.has("r") {
                            // XFE3, A0 or a number past any Int: a cell outside Excel's grid is refused, never placed silently.
                            throw Refused(message: "the cell \(Quote.value(scanner.attribute("r") ?? "")) is outside Excel's grid (columns A to \(CellReference.letters(CellReference.maximumColumn)), rows 1 to \(CellReference.maximumRow)); open the workbook in Excel and save it again")
                        } else {
                            c.column = c.nextColumn
                        }
                        if c.row == 0 { c.row = 1; c.lastRow = 1 }
                        guard c.column <= CellReference.maximumColumn else {
                            throw Refused(message: "row \(c.row) has cells past column \(CellReference.letters(CellReference.maximumColumn)), Excel's last; open the workbook in Excel and save it again")
                        }
                        c.nextColumn = c.column + 1
                        c.type = CellType(scanner)
                        c.style = scanner.attributeInt("s") ?? 0
                        c.value = nil; c.inline = ""; c.hasInline = false; c.formula = nil
                        c.inCell = true
                        if selfClosing { finishCell(&c, parts) }
                    case .v where c.inCell:
                        c.reading = selfClosing ? .nothing : .value; c.value = c.value ?? ""
                    case .f where c.inCell:
                        c.reading = selfClosing ? .nothing : .formula; c.formula = c.formula ?? ""
                    case .is where c.inCell:
                        c.inInline = !selfClosing; c.hasInline = true
                    case .t where c.inInline:
                        c.reading = selfClosing ? .nothing : .inlineText
                    case .rPh where c.inInline:
                        c.inPhonetic = !selfClosing
                    case .mergeCell:
                        mergeRecords += 1
                        if mergeRecords > Self.maximumMerges {
                            throw Refused(message: "the sheet has more than \(Self.maximumMerges) merged ranges; no list of nominees has; unmerge the cells and save it again")
                        }
                        if let ref = scanner.attribute("ref") { try addMerge(ref) }
                    case .col:
                        colRecords += 1
                        if colRecords > CellReference.maximumColumn {
                            throw Refused(message: "the sheet has more than \(CellReference.maximumColumn) column records (<col>), more than Excel's columns; open the workbook in Excel and save it again")
                        }
                        if let hidden = scanner.attribute("hidden"), hidden == "1" || hidden == "true",
                           let min = scanner.attribute("min").flatMap({ Int($0) }), let max = scanner.attribute("max").flatMap({ Int($0) }), min <= max {
                            hiddenColumns.append(min...max)
                        }
                    default: break
                    }
                case .end(let name):
                    switch name {
                    case .c: if c.inCell { finishCell(&c, parts) }
                    case .v, .f, .t: c.reading = .nothing
                    case .is: c.inInline = false
                    case .rPh: c.inPhonetic = false
                    default: break
                    }
                case .text(let text):
                    switch c.reading {
                    case .value: c.value! += text
                    case .formula: c.formula! += text
                    case .inlineText where !c.inPhonetic: c.inline += text
                    default: break
                    }
                }
            }
        } catch let refused as Refused {
            throw WorkbookArchive.Problem(message: refused.message)
        } catch let problem as XMLProblem {
            throw WorkbookArchive.Problem(message: "the sheet's XML is not well-formed (byte \(problem.offset): \(problem.message)); open the workbook in Excel and save it again")
        }
        fillMerged()
    }

    /// The text a CSV would hold for the cell just read, or a problem at its reference.
    private mutating func finishCell(_ c: inout Cursor, _ parts: WorkbookParts) {
        c.inCell = false
        let (row, column) = (c.row, c.column)
        func problem(_ message: String) { problems.append(Problem(row: row, column: column, message: message)) }
        var noSavedValue: String { "holds the formula =\(Quote.value(c.formula ?? "").dropFirst().dropLast()) with no saved value (the file was written by a program that does not calculate); open and save it in Excel or LibreOffice, or paste the values" }
        let text: String
        switch c.type {
        case .shared:
            guard let index = c.value.flatMap({ Int($0) ?? Int($0.trimmingCharacters(in: .whitespaces)) }), index >= 0, index < parts.sharedStrings.count else {
                return problem("refers to a shared string that the workbook does not have; open it in Excel and save it again")
            }
            text = parts.sharedStrings[index]
        case .inline:
            text = WorkbookParts.unescape(c.hasInline ? c.inline : (c.value ?? ""))
        case .formulaText:
            guard let value = c.value else { return problem(noSavedValue) }
            text = value
        case .boolean:
            guard let value = c.value else { return problem(noSavedValue) }
            text = value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE"
        case .error:
            return problem("holds the Excel error \(Quote.value(c.value ?? "#VALUE!"))\(c.formula.map { " (from the formula =\(Quote.value($0).dropFirst().dropLast()))" } ?? ""); correct it or type the value")
        case .date:
            guard let value = c.value else { return problem(noSavedValue) }
            text = Self.isoDate(value)
        case .number: // "n" and absent: a number, or a date by the cell's style
            guard let value = c.value, !value.isEmpty else {
                if c.formula != nil { problem(noSavedValue) }
                return
            }
            guard let number = Double(value) ?? Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                return problem("holds \(Quote.value(value)), which is marked a number but is not one; open the workbook in Excel and save it again")
            }
            if c.style >= 0, c.style < parts.dateStyles.count, let dateStyle = parts.dateStyles[c.style] {
                text = Self.date(serial: number, style: dateStyle, date1904: parts.date1904)
            } else {
                text = Self.number(number)
            }
        }
        guard !text.isEmpty else { return }
        if !cells.set(row: row, column: column, text) {
            problem("is given twice in the sheet (the workbook is damaged); open it in Excel and save it again")
        }
        if cells.count > Self.maximumCells { budgetExceeded = true }
    }

    /// Set when the sheet has more cells than `maximumCells`: the reader stops at the next event.
    private var budgetExceeded = false

    private mutating func addMerge(_ reference: String) throws {
        let ends = reference.split(separator: ":")
        guard ends.count == 2 else { return }
        guard let a = CellReference.parse(String(ends[0])), let b = CellReference.parse(String(ends[1])) else {
            throw Refused(message: "the merged range \(Quote.value(reference)) is outside Excel's grid (columns A to \(CellReference.letters(CellReference.maximumColumn)), rows 1 to \(CellReference.maximumRow)); open the workbook in Excel and save it again")
        }
        guard a.row <= b.row, a.column <= b.column else { return }
        merged.append((a.row...b.row, a.column...b.column))
    }

    /// Every cell of a merged range reads as its first (top-left) cell, which is the one Excel keeps. A range
    /// is clipped to the rows and columns the sheet has values in: merging into empty space makes no data.
    private mutating func fillMerged() {
        guard !merged.isEmpty else { return }
        let rows = cells.orderedRows()
        guard let lastRow = rows.last?.row else { return }
        let lastColumn = rows.map { $0.cells.last?.column ?? 0 }.max() ?? 0
        // Filled cells are bounded in all, so that a sheet of many huge merged ranges cannot fill memory;
        // a range past that is left as Excel shows it: one value, in its first cell.
        var budget = 2_000_000
        for range in merged {
            guard range.rows.lowerBound <= lastRow, range.columns.lowerBound <= lastColumn,
                  let value = cells[range.rows.lowerBound, range.columns.lowerBound] else { continue }
            let clipped = (rows: range.rows.lowerBound...min(range.rows.upperBound, lastRow),
                           columns: range.columns.lowerBound...min(range.columns.upperBound, lastColumn))
            let size = clipped.rows.count * clipped.columns.count
            guard size > 1, size <= budget else { continue }
            budget -= size
            for r in clipped.rows { for c in clipped.columns where cells[r, c] == nil { cells.set(row: r, column: c, value) } }
            filled.append((clipped.rows, clipped.columns, value))
        }
    }

    // MARK: - Values

    /// The text a CSV would hold for a number: whole numbers without ".0", others to Excel's 15 digits.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value)
    }

    /// A date serial as ISO 8601: 1900 system (with Excel's phantom 29 February 1900) or 1904 system.
    static func date(serial: Double, style: WorkbookParts.DateStyle, date1904: Bool) -> String {
        guard serial >= 0, serial < 2_958_466 else { return number(serial) } // past 9999-12-31: not a date
        var day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds == 86_400 { day += 1; seconds = 0 }
        // Days from 1970-01-01.
        let epochDays = date1904 ? day - 24_107 : (day >= 61 ? day - 25_569 : day - 25_568)
        let (y, m, d) = civil(fromDays: epochDays)
        let dateText = String(format: "%04d-%02d-%02d", y, m, d)
        let timeText = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        switch style {
        case .date: return seconds == 0 ? dateText : dateText + " " + timeText
        case .dateTime: return dateText + " " + timeText
        case .time: return day == 0 ? timeText : dateText + " " + timeText
        }
    }

    /// Strict OOXML's `t="d"` cells already hold ISO 8601; keep the date, and the time when it is not midnight.
    static func isoDate(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("T00:00:00") || trimmed.hasSuffix("T00:00:00Z") { return String(trimmed.prefix(10)) }
        return trimmed.replacingOccurrences(of: "T", with: " ")
    }

    /// Howard Hinnant's civil-from-days: the proleptic Gregorian date of a day count from 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
