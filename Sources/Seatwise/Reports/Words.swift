// Counted nouns in report sentences, singular or plural as the number says ("1 seat", "2 seats"):
// one place, so no report can print "1 seats" or "row(s)".

public enum Words {
    /// "1 seat", "3 seats"; `plural` for irregular nouns.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
