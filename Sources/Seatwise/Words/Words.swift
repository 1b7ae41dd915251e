// Counted nouns in report sentences, singular or plural as the number says ("1 seat", "2 seats"):
// one place, so no report can print "1 seats" or "row(s)".

public enum Words {
    /// "1 seat", "3 seats"; `plural` for irregular nouns.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(Self.noun(n, noun, plural: plural))"
    }

    /// The noun alone, singular or plural as `n` says ("column", "columns").
    public static func noun(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        n == 1 ? noun : plural ?? noun + "s"
    }
}

extension Words {
    /// A quota row's verdict in the reports' words.
    public static func verdict(_ v: Verdict) -> String {
        switch v {
        case .notSolved: return "not solved"
        case .met: return "met"
        case .metAtLimit: return "met, at its limit"
        case .violated: return "VIOLATED"
        case .violatedNotEnforced: return "violated (not enforced)"
        }
    }
}
