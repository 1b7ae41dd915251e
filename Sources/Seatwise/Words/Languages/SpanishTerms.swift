// Every fixed term of the reports in Spanish, keyed by its English (placeholder until translated).

extension Catalogue {
    static let spanishTerms: [String: String] = [:]
}
