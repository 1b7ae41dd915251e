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

extension Words {
    /// An attribute's name as a report's words give it: the attribute history derives in words; any
    /// other name as the policy gives it.
    public static func attribute(_ name: String) -> String {
        name == History.countrySeatsAttribute ? "the country's seats in past compositions" : name
    }

    /// An attribute's value as a report's words give it: a development status in words
    /// ("economy in transition", not the file's code `economy_in_transition`); any other value as given.
    public static func value(_ attribute: String, _ value: String) -> String {
        attribute == "development" && CountryTable.developmentStatuses.contains(value) ? value.replacingOccurrences(of: "_", with: " ") : value
    }
}
