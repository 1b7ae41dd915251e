// Counted nouns in report sentences, singular or plural as the number says ("1 seat", "2 seats"):
// one place, so no report can print "1 seats" or "row(s)".

public enum Words {
    /// "1 seat", "3 seats"; `plural` for irregular nouns. In another language, both forms are its terms.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(Self.noun(n, noun, plural: plural))"
    }

    /// The noun alone, singular or plural as `n` and the language say ("column", "columns").
    public static func noun(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        let catalogue = Catalogue.current
        return catalogue.singular(n) ? catalogue.term(noun) : catalogue.term(plural ?? noun + "s")
    }
}

/// A fixed word or phrase of a report in the language in use (its English is its key in the catalogues).
package func term(_ english: String) -> String { Catalogue.current.term(english) }

/// A phrase with parameters in the language in use: `phrase("{count#member} chosen", ["count": .number(50)])`.
package func phrase(_ english: String, _ parameters: [String: MessageValue] = [:]) -> String {
    Catalogue.current.phrase(english, parameters)
}

extension Words {
    /// A quota row's verdict in the reports' words.
    public static func verdict(_ v: Verdict) -> String {
        switch v {
        case .notSolved: return term("not solved")
        case .met: return term("met")
        case .metAtLimit: return term("met, at its limit")
        case .violated: return term("VIOLATED")
        case .violatedNotEnforced: return term("violated (not enforced)")
        }
    }
}

extension Words {
    /// An attribute's name as a report's words give it: the attribute history derives in words; any
    /// other name as the policy gives it.
    public static func attribute(_ name: String) -> String {
        if name == History.countrySeatsAttribute { return term("the country's seats in past compositions") }
        // The built-in attributes are words of the reports; a file's own columns are named as the file names them.
        return NominationsReader.builtInColumns.contains(name) || ["development", "region", "organization"].contains(name) ? term(name) : name
    }

    /// An attribute's value as a report's words give it: a development status in words
    /// ("economy in transition", not the file's code `economy_in_transition`); any other value as given.
    public static func value(_ attribute: String, _ value: String) -> String {
        switch attribute {
        case "development" where CountryTable.developmentStatuses.contains(value): return term(value.replacingOccurrences(of: "_", with: " "))
        // The UN regional groups as each language writes them; genders given in words as words.
        case "region" where CountryTable.regions.contains(value): return term(value)
        case "gender" where ["female", "male", "other", "non-binary"].contains(value): return term(value)
        default: return value
        }
    }
}
