// Seatwise in French: the catalogue's templates and terms (Languages/FrenchMessages.swift,
// Languages/FrenchTerms.swift), with French counting (0 and 1 take the singular) and ordinals (1er, 2e).

extension Catalogue {
    public static let french: Catalogue = {
        var c = Catalogue(language: "fr", templates: frenchTemplates)
        c.terms = frenchTerms
        c.singular = { $0 <= 1 }
        c.ordinal = { $0 == 1 ? "1er" : "\($0)e" }
        c.hiddenNominee = "un candidat [non nommé]"
        c.unranked = "sans rang"
        c.or = "ou"
        return c
    }()
}
