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
        let trimmed = text.trimmed
        if let k = index[trimmed.lowercased()] { return records[k] }
        if let k = index[CountryTable.nameKey(trimmed)] { return records[k] }
        // Full-width or invisible-character spellings (ＫＥ, K<ZWSP>E): the normal form ids and values use.
        let normal = AttributeKey.normalize(trimmed)
        if normal != trimmed.lowercased(), let k = index[normal] ?? index[CountryTable.nameKey(normal)] { return records[k] }
        return nil
    }

    /// Common names that name more than one country: the other countries (ISO alpha-3) a reader may have
    /// meant besides the one `lookup` chooses, or nil for a name that is not ambiguous.
    public static func otherMeanings(of text: String) -> [String]? {
        // Nearly every country is an ISO code or a plain ASCII name: those that cannot spell an ambiguous
        // name skip the folding (it costs more than the rest of reading a row).
        if text.utf8.count < 5 { return nil }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let lower = text.lowercased()
            guard ambiguousNames.keys.contains(where: { lower.contains($0) }) else { return nil }
        }
        return ambiguousNames[nameKey(text.trimmingCharacters(in: .whitespacesAndNewlines))]
    }

    static let ambiguousNames: [String: [String]] = ["korea": ["PRK"], "congo": ["COD"], "guinea": ["GNB", "GNQ", "PNG"]]

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
    /// development_status, optionally un_regional_group_geographic) and validates it like any input:
    /// required columns, two- and three-letter codes, known regions and statuses, unique codes and names.
    /// Every problem is reported with its line and column.
    public static func load(_ url: URL) throws -> CountryTable {
        try load(InputFile.read(url.path))
    }

    /// The same, from bytes already read (and for the fuzzer).
    public static func load(_ input: InputFile) throws -> CountryTable {
        let file = input.path
        if let kind = BinaryFile.kind(input.bytes) {
            throw InputError([BinaryFile.problem(kind, path: file, expected: "a CSV country table", howTo: BinaryFile.saveAsCSV)])
        }
        let (rows, tokenProblems) = CSVTokenizer(file: file).parse(input.bytes)
        if !tokenProblems.isEmpty { throw InputError(tokenProblems) }
        guard let header = rows.first else { throw InputError([InputDiagnostic(file: file, line: 1, message: "the country table is empty")]) }
        var problems: [InputDiagnostic] = []
        let names = header.fields.enumerated().map { k, field in
            k == 0 && field.text.hasPrefix("\u{FEFF}") ? AttributeKey.normalize(String(field.text.dropFirst())) : AttributeKey.normalize(field.text)
        }
        let required = ["iso2", "iso3", "name", "un_regional_group", "development_status"]
        let missing = required.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw InputError([InputDiagnostic(file: file, line: header.line, message: "the country table has no \(Words.noun(missing.count, "column")) \(missing.joined(separator: ", ")) (it needs \(required.joined(separator: ", ")))")])
        }
        let column = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let geographic = column["un_regional_group_geographic"]
        var records: [CountryRecord] = []
        var firstLine: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(InputDiagnostic(file: file, line: row.line, message: "the row has \(row.fields.count) fields, the header has \(names.count)"))
                continue
            }
            func field(_ name: String) -> CSVField { row.fields[column[name]!] }
            func fail(_ name: String, _ message: String) {
                let f = field(name)
                problems.append(InputDiagnostic(file: file, line: f.line, column: f.column, key: name, message: message))
            }
            let iso2 = field("iso2").text.trimmed, iso3 = field("iso3").text.trimmed, name = field("name").text.trimmed
            for (key, value, length) in [("iso2", iso2, 2), ("iso3", iso3, 3)]
            where value.count != length || !value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) {
                fail(key, "\(Quote.value(value)) is not a \(length == 2 ? "two" : "three")-letter code")
            }
            if name.isEmpty { fail("name", "is blank; every country needs a name") }
            // Codes and names share one lookup: each must name one country, or a second row would
            // silently win or lose (a name spelt like another row's code included).
            for (key, value) in [("iso2", iso2.lowercased()), ("iso3", iso3.lowercased()), ("name", nameKey(name))] where !value.isEmpty {
                if let first = firstLine[value], first != row.line {
                    fail(key, "\(Quote.value(field(key).text.trimmed)) is already listed on line \(first)")
                } else {
                    firstLine[value] = row.line
                }
            }
            func region(_ key: String) -> String? {
                let text = field(key).text.trimmed
                if text.isEmpty { return nil }
                guard let region = canonicalRegion(text) else {
                    fail(key, "\(Quote.value(text)) is not a UN regional group (\(regions.joined(separator: ", ")))")
                    return nil
                }
                return region
            }
            var regionValue = region("un_regional_group")
            if let g = geographic {
                let geographicRegion = region(names[g])
                if regionValue == nil { regionValue = geographicRegion }
            }
            var development: String?
            let developmentText = field("development_status").text.trimmed
            if !developmentText.isEmpty {
                development = canonicalDevelopment(developmentText)
                if development == nil {
                    fail("development_status", "\(Quote.value(developmentText)) is not a development status (\(developmentStatuses.joined(separator: ", ")))")
                }
            }
            records.append(CountryRecord(iso2: iso2, iso3: iso3, name: name, region: regionValue, development: development))
        }
        if records.isEmpty, problems.isEmpty { problems.append(InputDiagnostic(file: file, line: header.line, message: "the country table lists no countries")) }
        if !problems.isEmpty { throw InputError(problems) }
        return CountryTable(records: records)
    }
}
