// Close matches for a name that was not found ("did you mean …"), by edit distance, case-insensitively.
// Bounded: a name over `longest` characters gets none, and each candidate's distance is only worked out
// while it can still be close, so a long unknown id costs little however many nominees there are.

enum Suggestions {
    /// Names longer than this get no suggestions (no id or label people type is this long).
    static let longest = 200

    /// ", closest: a, b, c" or "" when nothing is close.
    static func closest(_ name: String, among candidates: [String], limit: Int = 3) -> String {
        guard name.unicodeScalars.count <= longest else { return "" }
        let target = Array(name.lowercased())
        let most = max(2, target.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let other = Array(candidate.lowercased())
            // A candidate whose length differs by more than the allowance cannot be close.
            guard abs(other.count - target.count) <= most else { return nil }
            return distance(target, other, atMost: most).map { (candidate, $0) }
        }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
        return scored.isEmpty ? "" : "; closest: " + scored.map { "'\($0.0)'" }.joined(separator: ", ")
    }

    /// Levenshtein distance, two rows; nil as soon as it must exceed `bound`.
    static func distance(_ a: [Character], _ b: [Character], atMost bound: Int = .max) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                smallest = Swift.min(smallest, current[j])
            }
            // Every later row is at least this row's smallest entry.
            if smallest > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
