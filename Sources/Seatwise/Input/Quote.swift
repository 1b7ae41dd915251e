// Input values echoed in messages: quoted, at most about 60 characters (a 1 MB number must not become a
// 1 MB error line), with control characters escaped so that a message cannot drive the terminal.

package enum Quote {
    package static let maximumCharacters = 60

    /// `'value'`, or `'first 60 characters…' (1048576 characters)` for a longer one.
    package static func value(_ text: String) -> String {
        var shown = Substring(text)
        var suffix = ""
        if text.utf8.count > maximumCharacters, text.count > maximumCharacters {
            shown = text.prefix(maximumCharacters)
            suffix = "…' (\(text.count) characters)"
        }
        return "'" + showingInvisibles(VisibleText.oneLine(String(shown))) + (suffix.isEmpty ? "'" : suffix)
    }

    /// Invisible format characters (zero-width space and joiner, …) written out, so that a message
    /// about two ids that print alike shows how they differ.
    static func showingInvisibles(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .format {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// At most `limit` items joined by ", ", then "and N more", for messages that list what is allowed.
    package static func list(_ items: [String], limit: Int = 12) -> String {
        func short(_ item: String) -> String {
            VisibleText.oneLine(item.count > maximumCharacters ? item.prefix(maximumCharacters) + "…" : item)
        }
        if items.count <= limit { return items.map(short).joined(separator: ", ") }
        return items.prefix(limit).map(short).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}

extension String {
    /// Digits with an optional sign: a whole number, whether or not it fits in an Int (so that 2^63 is
    /// called too large, not "not a whole number").
    var isWholeNumberText: Bool {
        var digits = Substring(self)
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    var isNegativeNumberText: Bool { hasPrefix("-") && isWholeNumberText }
}
