// Seatwise in Spanish: the catalogue's templates and terms (Languages/SpanishMessages.swift,
// Languages/SpanishTerms.swift), with Spanish counting (1 takes the singular) and ordinals (1.º, 2.º).

extension Catalogue {
    public static let spanish: Catalogue = {
        var c = Catalogue(language: "es", templates: spanishTemplates)
        c.terms = spanishTerms
        c.ordinal = { "\($0).º" }
        c.hiddenNominee = "una candidatura [sin nombre]"
        c.unranked = "sin rango"
        c.or = "o"
        return c
    }()
}
