// The non-empty cells of a worksheet, row by row: rows in arrays of (column, text) rather than nested
// dictionaries, since a sheet is written in row order and read back the same way (50,000 rows of ten cells
// cost a dictionary per row otherwise).

struct SheetCells {
    private(set) var rowNumbers: [Int] = []
    private var position: [Int: Int] = [:]
    private var rows: [[(column: Int, text: String)]] = []
    private var sorted = true

    mutating func set(row: Int, column: Int, _ text: String) {
        let k: Int
        if let last = rowNumbers.last, last == row { k = rowNumbers.count - 1 } else if let existing = position[row] { k = existing } else {
            if let last = rowNumbers.last, row < last { sorted = false }
            k = rowNumbers.count
            rowNumbers.append(row)
            position[row] = k
            rows.append([])
        }
        if let j = rows[k].lastIndex(where: { $0.column == column }) { rows[k][j].text = text } else { rows[k].append((column, text)) }
    }

    subscript(row: Int, column: Int) -> String? {
        guard let k = position[row] else { return nil }
        return rows[k].last { $0.column == column }?.text
    }

    func hasValues(row: Int) -> Bool { position[row].map { !rows[$0].isEmpty } ?? false }

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
