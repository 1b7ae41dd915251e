// "Did you mean": the known names closest to a misspelt one (edit distance), for messages about
// unknown attributes, so that `gendr` points at `gender`.

public enum CloseMatches {
    /// Names within a third of the word's length in edits (at least 1, at most 3), closest first.
    public static func of(_ word: String, among names: [String]) -> [String] {
        let target = Array(word.lowercased())
        let allowed = min(3, max(1, target.count / 3))
        return names.map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= allowed }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
