// Close matches for a name that was not found ("did you mean …"), by edit distance, case-insensitively.

enum Suggestions {
    /// ", closest: a, b, c" or "" when nothing is close.
    static func closest(_ name: String, among candidates: [String], limit: Int = 3) -> String {
        let target = Array(name.lowercased())
        let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= max(2, target.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
        return scored.isEmpty ? "" : "; closest: " + scored.map { "'\($0.0)'" }.joined(separator: ", ")
    }

    /// Levenshtein distance, two rows.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
