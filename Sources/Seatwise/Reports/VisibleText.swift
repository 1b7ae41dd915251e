// Input text made safe to show: control characters (escape sequences, NUL, DEL, C1) and bidi overrides
// are written as `\u{1B}`, so a name can neither drive the terminal nor hide text; line breaks of every
// kind (LF, CR, CRLF, NEL, U+2028/9) are flattened where a value must stay on one line.

package enum VisibleText {
    /// Characters shown escaped: they can move the cursor, retitle a window or reorder what is shown.
    static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text` with every hazard except those in `keeping` written as `\u{1B}`.
    package static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isHazard($0) && !keeping.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHazard(scalar) && !keeping.contains(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One line: each line break (a CRLF counts as one) becomes a space; other hazards are escaped.
    package static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHazard) else { return text }
        var flat = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                if !(previousCR && scalar == "\n") { flat.append(" ") }
                previousCR = scalar == "\r"
            } else {
                flat.append(scalar)
                previousCR = false
            }
        }
        return escaped(String(flat))
    }

    /// A whole report in `format`, safe to print: the report's own line breaks (and CSV's CR, tabs) stay;
    /// in JSON, the hazards JSONEncoder leaves raw (DEL, C1, bidi) become `\u` escapes, which only
    /// strings can hold, so the document stays valid.
    package static func report(_ text: String, format: ReportFormat) -> String {
        switch format {
        case .text, .markdown: return escaped(text, keeping: ["\n"])
        case .csv, .html: return escaped(text, keeping: ["\n", "\r", "\t"])
        case .json:
            guard text.unicodeScalars.contains(where: isHazard) else { return text }
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isHazard(scalar) && scalar != "\n" {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
            return String(out)
        }
    }
}
