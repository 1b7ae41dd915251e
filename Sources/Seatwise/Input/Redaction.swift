// Reports for publishing without personal names: every name becomes its initials before any analysis,
// so no report, message or explanation can carry a name.

extension SelectionInput {
    public func redacted() -> SelectionInput {
        var copy = self
        copy.nominees = nominees.map { n in
            var r = n
            r.name = Redaction.initials(n.name)
            return r
        }
        return copy
    }
}

public enum Redaction {
    /// "Amaia Varnlin" → "A. V."; a name with no letters → "–".
    public static func initials(_ name: String) -> String {
        let letters = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).compactMap { $0.first(where: \.isLetter) }
        return letters.isEmpty ? "–" : letters.map { "\(String($0).uppercased())." }.joined(separator: " ")
    }
}
