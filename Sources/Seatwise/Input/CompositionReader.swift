// Reads a published composition: a table of counts (group, then any attributes, then `count`), as UN
// announcements give a body without names. Each row becomes that many unnamed members, so an audit
// counts them exactly as it counts a roster; attributes the table does not give stay unknown.

public struct CompositionReader: Sendable {
    /// Members a composition may describe in all: far more than any body has.
    public static let maximumMembers = 100_000
    /// Columns a composition cannot have: it counts people, it does not name or rank them.
    static let personColumns = ["id", "name", "rank"]

    public var groups: [String]?
    public var countries: CountryTable

    public init(groups: [String]?, countries: CountryTable) {
        self.groups = groups
        self.countries = countries
    }

    /// The members the counts describe, the table's attribute columns, and every problem found.
    func readCollectingProblems(_ file: InputFile) -> (NominationsReader.Nominations, [InputDiagnostic]) {
        let empty = NominationsReader.Nominations(nominees: [], columns: [])
        let table = TableRecords(file)
        let records = table.records
        var problems = table.problems
        let warnings = table.notes.map { InputWarning(.workbook, $0) }
        var notes: [String] = []
        func problem(_ line: Int, _ column: Int?, _ key: String?, _ message: String) {
            problems.append(table.diagnostic(file, line: line, column: column, key: key, message))
        }
        guard problems.isEmpty || !records.isEmpty else { return (empty, problems) }
        guard let header = records.first else {
            problems.append(InputDiagnostic(file: file.path, message: "the table is empty; it needs a header row: group, then attributes (gender, region, …), then count"))
            return (empty, problems)
        }
        let columns = header.fields.map { AttributeKey.normalize($0.text) }
        for (k, name) in columns.enumerated() {
            let field = header.fields[k]
            if name.isEmpty { problem(field.line, field.column, nil, "column \(k + 1) of the header has no name") }
            if Self.personColumns.contains(name) {
                problem(field.line, field.column, name, "a composition counts members and has no \(name) column; to audit a roster of named members, give it as the roster (seatwise audit ROSTER --policy POLICY)")
            }
            if let first = columns.firstIndex(of: name), first < k, !name.isEmpty {
                problem(field.line, field.column, name, "the column \(Quote.value(name)) appears twice (first as column \(first + 1))")
            }
        }
        let missing = ["group", "count"].filter { !columns.contains($0) }
        if !missing.isEmpty {
            problem(header.line, nil, nil, "missing required \(Words.noun(missing.count, "column")): \(missing.joined(separator: ", ")) (a composition is group, then any attributes, then count)")
        }
        guard problems.isEmpty else { return (empty, problems) }
        let attributeColumns = columns.filter { $0 != "group" && $0 != "count" }
        let groupByKey = Dictionary((groups ?? []).map { (AttributeKey.normalize($0), $0) }, uniquingKeysWith: { a, _ in a })
        var nominees: [Nominee] = []
        var blanks: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fieldCount == columns.count else {
                problem(record.line, nil, nil, "the row has \(Words.count(record.fieldCount, "field")), the header has \(columns.count)")
                continue
            }
            func field(_ name: String) -> CSVField { record.fields[columns.firstIndex(of: name)!] }
            func fail(_ name: String, _ message: String) { let f = field(name); problem(f.line, f.column, name, message) }
            var ok = true
            let countText = field("count").text.trimmed
            var count = 0
            if let n = Int(countText), n >= 0, n <= Self.maximumMembers { count = n } else {
                // The row's other cells are still checked: every problem is listed at once.
                fail("count", countText.isEmpty ? "is blank; every row needs the number of members it describes"
                     : "\(Quote.value(countText)) is not a whole number of members (0 to \(Self.maximumMembers))")
                ok = false
            }
            let groupText = field("group").text.trimmed
            var group = groupText
            if groupText.isEmpty { fail("group", "is blank; every row needs a group"); ok = false }
            else if let g = groupByKey[AttributeKey.normalize(groupText)] { group = g }
            else if let groups { fail("group", "\(Quote.value(groupText)) is not a group of the policy (\(Quote.list(groups)))"); ok = false }

            var attributes: [String: String] = [:]
            var status = NomineeStatus.new, terms = 0
            for name in attributeColumns {
                let text = field(name).text.trimmed
                if text.isEmpty { blanks[name, default: 0] += count; continue }
                switch name {
                case "country":
                    guard let country = countries.lookup(text) else { fail(name, "\(Quote.value(text)) is not in the country table; use an ISO 3166 code"); ok = false; continue }
                    attributes["country"] = country.iso3
                    if !columns.contains("region"), let region = country.region { attributes["region"] = region }
                    if !columns.contains("development"), let development = country.development { attributes["development"] = development }
                case "region":
                    guard let region = CountryTable.canonicalRegion(text) else {
                        fail(name, "\(Quote.value(text)) is not a UN regional group (\(CountryTable.regions.joined(separator: ", ")))"); ok = false; continue
                    }
                    attributes["region"] = region
                case "development":
                    guard let development = CountryTable.canonicalDevelopment(text) else {
                        fail(name, "\(Quote.value(text)) is not a development status (\(CountryTable.developmentStatuses.joined(separator: ", ")))"); ok = false; continue
                    }
                    attributes["development"] = development
                case "status":
                    guard let s = NomineeStatus(rawValue: AttributeKey.normalize(text)) else {
                        fail(name, "\(Quote.value(text)) is not a status (\(NomineeStatus.allCases.map(\.rawValue).joined(separator: ", ")))"); ok = false; continue
                    }
                    status = s
                case "terms":
                    guard let t = Int(text), t >= 0, t <= 1000 else { fail(name, "\(Quote.value(text)) is not a whole number of terms"); ok = false; continue }
                    terms = t
                default:
                    attributes[name] = text
                }
            }
            guard ok else { continue }
            if nominees.count + count > Self.maximumMembers {
                problem(record.line, nil, nil, "the counts add up to more than \(Self.maximumMembers) members; no body is that large")
                return (empty, problems)
            }
            for k in 0..<count {
                nominees.append(Nominee(id: "row\(record.line)-\(k + 1)", name: "", group: group, rank: nil, status: status, terms: terms,
                                        attributes: attributes, line: record.line))
            }
        }
        if records.count == 1, problems.isEmpty { problem(header.line, nil, nil, "the table has a header but no rows") }
        notes += blanks.keys.sorted().map { name in
            "\(file.path): \(Words.count(blanks[name]!, "member")) \(blanks[name]! == 1 ? "has" : "have") no \(name) in the table: a quota on \(name) is judged only where they cannot change its verdict, and shares and probabilities are given as ranges over every value they could have"
        }
        var read = NominationsReader.Nominations(nominees: nominees, columns: ["group"] + attributeColumns)
        read.notes = notes
        read.warnings = warnings
        return (read, problems)
    }

    /// The built-in attributes a composition with these columns gives (region and development also
    /// from a country column); a quota on any other built-in cannot be verified from it.
    static func givenAttributes(columns: [String]) -> Set<String> {
        var given = Set(columns)
        if given.contains("country") { given.formUnion(["region", "development"]) }
        return given
    }
}
