// The bundled reference table of countries: ISO codes and names to UN regional group and UN DESA
// WESP development status (see Resources/countries-README.md for sources and licences).

import Foundation

public struct CountryRecord: Sendable, Equatable {
    public var iso2: String
    public var iso3: String
    public var name: String
    /// UN regional group; for non-members, the group of their geography (nil for Antarctica).
    public var region: String?
    /// `developed`, `economy_in_transition` or `developing`; nil where the table has none.
    public var development: String?
}

public struct CountryTable: Sendable {
    public let records: [CountryRecord]
    private let index: [String: Int]

    /// The five UN regional groups, in the spelling reports use.
    public static let regions = ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]
    public static let developmentStatuses = ["developed", "economy_in_transition", "developing"]

    /// Common other names for regional groups, in comparison form.
    private static let regionAliases: [String: String] = [
        "africa": "African", "african group": "African", "african states": "African",
        "asia pacific": "Asia-Pacific", "asia and the pacific": "Asia-Pacific", "asia-pacific group": "Asia-Pacific",
        "asia-pacific states": "Asia-Pacific", "apg": "Asia-Pacific",
        "eastern europe": "Eastern European", "eastern european group": "Eastern European", "eeg": "Eastern European",
        "eastern european states": "Eastern European",
        "latin america and caribbean": "GRULAC", "latin american and caribbean group": "GRULAC",
        "latin american and caribbean states": "GRULAC", "latin america and the caribbean": "GRULAC",
        "western european and others": "WEOG", "western european and others group": "WEOG",
        "western european and other states": "WEOG",
    ]

    /// Everyday names that differ from the table's UN-style names.
    private static let countryAliases: [String: String] = [
        "ivory coast": "CIV", "cote d'ivoire": "CIV", "turkey": "TUR", "turkiye": "TUR", "usa": "USA", "us": "USA", "united states": "USA",
        "uk": "GBR", "united kingdom": "GBR", "great britain": "GBR", "britain": "GBR", "russia": "RUS",
        "south korea": "KOR", "korea": "KOR", "republic of korea": "KOR", "north korea": "PRK",
        "syria": "SYR", "vietnam": "VNM", "laos": "LAO", "tanzania": "TZA", "moldova": "MDA",
        "czech republic": "CZE", "macedonia": "MKD", "swaziland": "SWZ", "burma": "MMR", "cape verde": "CPV",
        "dr congo": "COD", "drc": "COD", "congo-kinshasa": "COD", "congo kinshasa": "COD",
        "republic of the congo": "COG", "congo-brazzaville": "COG", "congo brazzaville": "COG",
        "east timor": "TLS", "palestine": "PSE", "vatican": "VAT", "vatican city": "VAT", "brunei": "BRN",
        "netherlands": "NLD", "the netherlands": "NLD", "holland": "NLD", "gambia": "GMB", "bahamas": "BHS",
        "uae": "ARE", "emirates": "ARE", "hong kong": "HKG", "macao": "MAC", "macau": "MAC",
        "st kitts and nevis": "KNA", "st lucia": "LCA", "st vincent and the grenadines": "VCT",
        "sao tome": "STP", "micronesia": "FSM", "bolivia": "BOL", "venezuela": "VEN", "iran": "IRN",
        "kosovo": "XKX", "curacao": "CUW", "reunion": "REU",
    ]

    public init(records: [CountryRecord]) {
        self.records = records
        var index: [String: Int] = [:]
        for (k, record) in records.enumerated() {
            index[record.iso2.lowercased()] = k
            index[record.iso3.lowercased()] = k
            index[CountryTable.nameKey(record.name)] = k
            // "Bolivia (Plurinational State of)" is also "Bolivia".
            if let paren = record.name.firstIndex(of: "(") {
                let short = CountryTable.nameKey(String(record.name[..<paren]))
                if index[short] == nil { index[short] = k }
            }
        }
        let byIso3 = Dictionary(records.enumerated().map { ($1.iso3, $0) }, uniquingKeysWith: { a, _ in a })
        for (alias, iso3) in CountryTable.countryAliases {
            if let k = byIso3[iso3], index[CountryTable.nameKey(alias)] == nil { index[CountryTable.nameKey(alias)] = k }
        }
        self.index = index
    }

    /// Looks a country up by ISO alpha-2, alpha-3, table name or a common name; case, accents and
    /// punctuation do not matter.
    public func lookup(_ text: String) -> CountryRecord? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let k = index[trimmed.lowercased()] { return records[k] }
        if let k = index[CountryTable.nameKey(trimmed)] { return records[k] }
        return nil
    }

    /// A regional group's canonical spelling, or nil when the text names none.
    public static func canonicalRegion(_ text: String) -> String? {
        let key = AttributeKey.normalize(text)
        if let region = regions.first(where: { $0.lowercased() == key }) { return region }
        return regionAliases[key.replacingOccurrences(of: "  ", with: " ")]
    }

    /// A development status's canonical spelling (`economy in transition` → `economy_in_transition`).
    public static func canonicalDevelopment(_ text: String) -> String? {
        let key = AttributeKey.normalize(text)
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        switch key {
        case "developed": return "developed"
        case "developing": return "developing"
        case "economy_in_transition", "economies_in_transition", "in_transition", "transition", "eit":
            return "economy_in_transition"
        default: return nil
        }
    }

    static func nameKey(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var lastSpace = true
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastSpace = false
            } else if scalar == "-" || scalar == " " || scalar == "," || scalar == "." || scalar == "'" || scalar == "’" {
                if !lastSpace { out.append(" "); lastSpace = true }
            }
        }
        var key = out.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasPrefix("the ") { key.removeFirst(4) }
        return key
    }

    /// The table shipped with Seatwise.
    public static func bundled() throws -> CountryTable {
        guard let url = Bundle.module.url(forResource: "countries", withExtension: "csv") else {
            throw InputError([InputDiagnostic(file: "countries.csv", message: "the bundled country table is missing; reinstall Seatwise")])
        }
        return try load(url)
    }

    /// Reads a table in the bundled format (columns iso2, iso3, name, un_regional_group,
    /// development_status, un_regional_group_geographic).
    public static func load(_ url: URL) throws -> CountryTable {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError([InputDiagnostic(file: file, message: "cannot read the country table: \(error.localizedDescription)")])
        }
        let (rows, problems) = CSVTokenizer(file: file).parse([UInt8](data))
        if !problems.isEmpty { throw InputError(problems) }
        guard let header = rows.first else { throw InputError([InputDiagnostic(file: file, message: "the country table is empty")]) }
        let names = header.fields.map { AttributeKey.normalize($0.text) }
        func column(_ name: String) throws -> Int {
            guard let k = names.firstIndex(of: name) else {
                throw InputError([InputDiagnostic(file: file, line: 1, message: "the country table has no column '\(name)'")])
            }
            return k
        }
        let iso2 = try column("iso2"), iso3 = try column("iso3"), name = try column("name")
        let region = try column("un_regional_group"), development = try column("development_status")
        let geographic = names.firstIndex(of: "un_regional_group_geographic")
        var records: [CountryRecord] = []
        for row in rows.dropFirst() {
            let f = row.fields.map(\.text)
            guard f.count == names.count else {
                throw InputError([InputDiagnostic(file: file, line: row.line, message: "row has \(f.count) fields, the header has \(names.count)")])
            }
            var regionValue = f[region].isEmpty ? nil : f[region]
            if regionValue == nil, let g = geographic, !f[g].isEmpty { regionValue = f[g] }
            records.append(CountryRecord(iso2: f[iso2], iso3: f[iso3], name: f[name], region: regionValue,
                                         development: f[development].isEmpty ? nil : f[development]))
        }
        return CountryTable(records: records)
    }
}
