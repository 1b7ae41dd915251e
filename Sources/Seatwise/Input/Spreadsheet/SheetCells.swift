// The non-empty cells of a worksheet, row by row: rows in arrays of (column, text) rather than nested
// dictionaries, since a sheet is written in row order and read back the same way. Appending in order costs
// O(1); a cell out of order or a row out of order is found through an index built only then.

struct SheetCells {
    private(set) var rowNumbers: [Int] = []
    private var rows: [[(column: Int, text: String)]] = []
    /// Row number → position, built the first time a row is not the next one (Excel writes rows in order).
    private var position: [Int: Int]?
    private var sorted = true
    /// Every cell stored, for the reader's budget.
    private(set) var count = 0

    private mutating func index(of row: Int) -> Int? {
        if let last = rowNumbers.last, last == row { return rowNumbers.count - 1 }
        if position == nil { position = Dictionary(rowNumbers.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        return position![row]
    }

    /// Stores a cell; false when the sheet already had a value there (the new one replaces it).
    @discardableResult
    mutating func set(row: Int, column: Int, _ text: String) -> Bool {
        let k: Int
        if let last = rowNumbers.last, last == row {
            k = rowNumbers.count - 1
        } else if let last = rowNumbers.last, row > last {
            k = rowNumbers.count
            rowNumbers.append(row)
            rows.append([])
            position?[row] = k
        } else if rowNumbers.isEmpty {
            k = 0
            rowNumbers.append(row)
            rows.append([])
        } else if let existing = index(of: row) {
            k = existing
        } else {
            sorted = false
            k = rowNumbers.count
            rowNumbers.append(row)
            rows.append([])
            position![row] = k
        }
        // In order (nearly always): after the row's last cell.
        if let last = rows[k].last, last.column >= column {
            if let j = rows[k].lastIndex(where: { $0.column == column }) {
                rows[k][j].text = text
                return false
            }
        }
        rows[k].append((column, text))
        count += 1
        return true
    }

    subscript(row: Int, column: Int) -> String? {
        mutating get {
            guard let k = index(of: row) else { return nil }
            return rows[k].last { $0.column == column }?.text
        }
    }

    mutating func hasValues(row: Int) -> Bool { index(of: row).map { !rows[$0].isEmpty } ?? false }

    /// Every row with a value, in order, each with its cells in column order.
    func orderedRows() -> [(row: Int, cells: [(column: Int, text: String)])] {
        var out = zip(rowNumbers, rows).map { (row: $0, cells: $1) }
        if !sorted { out.sort { $0.row < $1.row } }
        for k in out.indices where !out[k].cells.isEmpty {
            let cells = out[k].cells
            if zip(cells, cells.dropFirst()).contains(where: { $0.column > $1.column }) { out[k].cells.sort { $0.column < $1.column } }
        }
        return out.filter { !$0.cells.isEmpty }
    }
}
