// Every fixed term of the reports in French, keyed by its English (placeholder until translated).

extension Catalogue {
    static let frenchTerms: [String: String] = [:]
}
