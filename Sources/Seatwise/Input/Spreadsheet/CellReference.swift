// Excel's A1 cell references: column letters to numbers and back, and a sheet name quoted as Excel
// quotes it in a reference ('My sheet'!C7), so that every message names the cell a user can go to.

import Foundation

package enum CellReference {
    /// Excel's last column, XFD.
    package static let maximumColumn = 16_384
    package static let maximumRow = 1_048_576

    /// "A" for 1, "Z" for 26, "AA" for 27.
    package static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// (row, column) of "C7", 1-based; nil when it is not a cell reference within Excel's grid.
    package static func parse(_ text: String) -> (row: Int, column: Int)? { parse(text.utf8) }

    /// The same, from the reference's bytes (a workbook's `r` attribute, read without making text).
    static func parse<Bytes: Sequence>(_ bytes: Bytes) -> (row: Int, column: Int)? where Bytes.Element == UInt8 {
        var column = 0, row = 0
        var sawDigit = false
        for b in bytes {
            if !sawDigit, (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
                column = column * 26 + Int((b & 0xDF) - 64)
                if column > maximumColumn { return nil }
            } else if b >= 48 && b <= 57, column > 0 {
                sawDigit = true
                row = row * 10 + Int(b - 48)
                if row > maximumRow { return nil }
            } else if b == 0x24 { // '$' of an absolute reference
                continue
            } else {
                return nil
            }
        }
        return row >= 1 && column >= 1 ? (row, column) : nil
    }

    /// A sheet name as Excel writes it before '!': bare when it is letters, digits and '_', else quoted.
    package static func sheet(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
            && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// "Sheet1!C7", or "Sheet1!7:7" for a whole row.
    package static func place(sheet name: String, row: Int, column: Int?) -> String {
        sheet(name) + "!" + (column.map { letters($0) + "\(row)" } ?? "\(row):\(row)")
    }
}
