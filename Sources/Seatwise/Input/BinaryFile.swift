// Recognises a file that is not text at all (an Excel workbook, a PDF, a Word file, an image) before a
// text reader turns each of its NUL bytes into an error: such a file gets one clear line instead.

enum BinaryFile {
    static let xlsx = "an Excel workbook (.xlsx)"
    /// Excel saves a workbook with a password as an OLE compound file holding an `EncryptionInfo` stream.
    static let encrypted = "a password-protected (encrypted) workbook"
    static let removePassword = "in Excel, File › Info › Protect Workbook › Encrypt with Password, clear the password, save, and give that file"
    /// An OLE compound file (an .xls, an encrypted .xlsx, a .doc) starts with these bytes.
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether an OLE compound file has a stream named `EncryptionInfo` (its directory holds names in UTF-16LE).
    static func isEncrypted(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard bytes.count >= name.count else { return false }
        var i = 0
        while i <= bytes.count - name.count {
            if bytes[i] == name[0], bytes[i..<(i + name.count)].elementsEqual(name) { return true }
            i += 1
        }
        return false
    }

    /// What the file is in words ("an Excel workbook (.xlsx)"), or nil when it may be text. UTF-16 text
    /// (with or without its byte-order mark) is text: its own readers say how to save it.
    static func kind(_ bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            if head.contains("xl/") { return xlsx }
            if head.contains("word/") { return "a Word document (.docx)" }
            if head.contains("content.xml") || head.contains("mimetypeapplication/vnd.oasis") { return "an OpenDocument file (.ods or .odt)" }
            return "a ZIP archive (an Excel .xlsx workbook is one)"
        }
        if starts(oleMagic) { return isEncrypted(bytes) ? encrypted : "an old-format Excel workbook (.xls) or other Office file" }
        if starts(Array("%PDF".utf8)) { return "a PDF document" }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) { return "an image" }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return nil }
        // Many NUL bytes at one parity only are UTF-16 text without a byte-order mark; many anywhere else,
        // binary. A stray NUL or two in a text file is left to the reader, which gives its line and column.
        let head = bytes.prefix(4096)
        var even = 0, odd = 0
        for (k, byte) in head.enumerated() where byte == 0 { if k % 2 == 0 { even += 1 } else { odd += 1 } }
        guard even + odd >= 4, (even + odd) * 100 >= head.count else { return nil }
        let utf16Like = min(even, odd) == 0 && max(even, odd) * 3 >= head.count
        return utf16Like ? nil : "a binary file"
    }

    /// The one line a reader reports for such a file.
    static func problem(_ kind: String, path: String, expected: String, howTo: String) -> InputDiagnostic {
        InputDiagnostic(file: path, message: "this is \(kind), not \(expected): \(howTo)")
    }

    static let saveAsCSV = "in Excel, File › Save As › \"CSV UTF-8 (Comma delimited)\", and give that file"
}
