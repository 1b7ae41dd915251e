// Reads a nominations file (docs/reference.md, "Nominations file") into validated nominees: required columns, ranks, statuses,
// countries resolved through the country table; every problem reported with line, column and column name.

public struct NominationsReader: Sendable {
    public static let requiredColumns = ["id", "name", "group", "gender", "country"]
    /// Columns with a meaning of their own; every other column is a custom attribute.
    public static let builtInColumns = requiredColumns + ["rank", "region", "development", "organization", "status", "terms", "bodies"]
    /// Ranks above this are refused as implausible (and would only invite overflow).
    public static let maximumRank = 1_000_000
    /// Limits that keep memory bounded whatever the file's shape (about 0.5 KB per nominee): columns in
    /// the header, nominees, and custom attribute values kept over the whole file.
    public static let maximumColumns = 100
    public static let maximumNominees = 1_000_000
    public static let maximumCustomValues = 5_000_000

    /// The policy's groups; nil when the policy could not be read (groups are then not checked).
    public var groups: [String]?
    public var countries: CountryTable
    /// A several-body policy's groups by body (`Policy.places`): the `bodies` column then names, for each
    /// nominee, the bodies (or positions) they apply for.
    public var places: [String: Place] = [:]
    /// Groups whose holders form a role of their body.
    public var roles: Set<String> = []

    /// The nominees and the header's column names (lower case).
    public struct Nominations: Sendable {
        public var nominees: [Nominee]
        public var columns: [String]
        /// Each column's heading as the file spells it ("Comments"), by its key ("comments").
        public var headings: [String: String] = [:]
        /// The worksheet read, when the file is a workbook.
        public var sheet: String?
        /// What was read differently from the specification's format, in words (a semicolon-separated file).
        public var notes: [String] = []
        /// What may have been read otherwise than meant: an ambiguous country, how a workbook was read.
        public var warnings: [InputWarning] = []
    }

    public init(groups: [String]?, countries: CountryTable) {
        self.groups = groups
        self.countries = countries
    }

    /// The nominees, or every problem found.
    public func read(_ file: InputFile) throws -> Nominations {
        let (nominations, problems) = readCollectingProblems(file)
        if !problems.isEmpty { throw InputError(problems) }
        return nominations
    }

    /// The valid rows and the header's columns, with every problem found (the columns are known even
    /// when rows are bad, so a policy can still be checked against them).
    public func readCollectingProblems(_ file: InputFile) -> (Nominations, [InputDiagnostic]) {
        let workbook = WorkbookTable.isWorkbook(file)
        if !workbook, let sheet = file.sheet {
            return (Nominations(nominees: [], columns: []),
                    [InputDiagnostic(file: file.path, message: "--sheet \(Quote.value(sheet)) names a worksheet, but this is a CSV file, not an .xlsx workbook")])
        }
        if !workbook, let kind = BinaryFile.kind(file.bytes) {
            return (Nominations(nominees: [], columns: []),
                    [BinaryFile.problem(kind, path: file.path, expected: "a CSV text file or an .xlsx workbook", howTo: BinaryFile.saveAsCSV)])
        }
        var problems: [InputDiagnostic] = []
        var omitted = 0
        func problem(_ line: Int, _ column: Int?, _ key: String?, _ message: String) {
            if problems.count < InputDiagnostic.maximumPerFile {
                problems.append(InputDiagnostic(file: file.path, line: line, column: column, key: key, message: message, sheet: sheet))
            } else {
                omitted += 1
            }
        }
        // A workbook's sheet: rows are then Excel's rows, and messages name cells (Sheet1!C7).
        var sheet: String?
        let lineWord = workbook ? "row" : "line"
        var customValues = 0
        var columns: [String] = []
        var headings: [String: String] = [:]
        var seen: [String: Int] = [:]
        var headerLine = 0
        var rows = 0
        var usable = false
        let groupByKey = Dictionary((groups ?? []).map { (AttributeKey.normalize($0), $0) }, uniquingKeysWith: { a, _ in a })
        var groupsOfBody: [String: [String]] = [:]
        var bodyNames: [String] = []
        for group in groups ?? [] {
            guard let place = places[group] else { continue }
            if groupsOfBody[place.body] == nil { bodyNames.append(place.body) }
            groupsOfBody[place.body, default: []].append(group)
        }
        let bodyByKey = Dictionary(bodyNames.map { (AttributeKey.normalize($0), $0) }, uniquingKeysWith: { a, _ in a })
        var nominees: [Nominee] = []
        // A file names a few hundred countries many times over: each spelling is looked up once.
        var countryCache: [String: CountryRecord?] = [:]
        func lookupCountry(_ text: String) -> CountryRecord? {
            if let known = countryCache[text] { return known }
            let record = countries.lookup(text)
            countryCache[text] = record
            return record
        }
        var firstLineOfId: [String: Int] = [:]
        // Country names that name more than one country ("Korea"), each with the line it first appears on.
        var ambiguous: [(text: String, line: Int, chosen: CountryRecord, others: [String])] = []
        // The header may have one column past the limit (to say so); rows no more fields than the header.
        var tokenProblems: [InputDiagnostic]
        var delimiter: UInt8 = 0x2C
        var workbookNotes: [String] = []
        // The workbook's other sheets when none was named: a sheet without the columns suggests them.
        var otherSheets: [String] = []
        func onRecord(_ record: CSVRecord) {
            if headerLine == 0 {
                headerLine = record.line
                readHeader(record)
            } else {
                rows += 1
                if usable { readRow(record) }
            }
        }
        if workbook {
            let expected = places.isEmpty ? Self.requiredColumns : Self.requiredColumns.filter { $0 != "group" } + ["bodies"]
            let (table, tableProblems) = WorkbookTable.read(file, maximumColumns: Self.maximumColumns, expected: [expected])
            guard let table else { return (Nominations(nominees: [], columns: []), tableProblems) }
            sheet = table.sheet
            otherSheets = file.sheet == nil ? table.sheets.filter { $0 != table.sheet } : []
            workbookNotes = table.notes
            tokenProblems = tableProblems
            for record in table.records { onRecord(record) }
        } else {
            // The header may have one column past the limit (to say so); rows no more fields than the header.
            let limit = CSVFieldLimit(Self.maximumColumns + 1)
            var tokenizer = CSVTokenizer(file: file.path)
            tokenizer.delimiter = CSVTokenizer.sniffDelimiter(file.bytes)
            delimiter = tokenizer.delimiter
            tokenProblems = tokenizer.parse(file.bytes, limit: limit) { record in
                onRecord(record)
                if limit.value > columns.count, headerLine == record.line { limit.value = columns.count }
            }
            // The tokenizer's own count of problems it did not list (its only problem without a line).
            if let last = tokenProblems.last, last.line == nil {
                tokenProblems.removeLast()
                omitted += Int(String(last.message.prefix(while: { $0.isNumber }))) ?? 0
            }
        }
        problems = tokenProblems + problems
        // A place's id (`ID@PLACE`) must not be another row's id.
        if problems.isEmpty, nominees.contains(where: { $0.person != $0.id }) {
            var lineOf: [String: Int] = [:]
            for n in nominees {
                let key = AttributeKey.normalize(n.id)
                if let first = lineOf[key], first != n.line {
                    problem(max(first, n.line), nil, "id", "the id \(Quote.value(n.id)) is both a row's id and the id of a place another row applies for (\(lineWord)s \(min(first, n.line)) and \(max(first, n.line))); change the row's id")
                } else { lineOf[key] = n.line }
            }
            if !problems.isEmpty { nominees = [] }
        }
        if headerLine == 0 {
            if problems.isEmpty { problem(1, nil, nil, "the \(workbook ? "sheet" : "file") is empty; it needs a header row with the columns \(Self.requiredColumns.joined(separator: ", "))") }
            return (Nominations(nominees: [], columns: []), problems)
        }
        if rows == 0, problems.isEmpty { problem(headerLine, nil, nil, "the file has a header but no nominees") }
        problems.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        if problems.count > InputDiagnostic.maximumPerFile {
            omitted += problems.count - InputDiagnostic.maximumPerFile
            problems.removeLast(problems.count - InputDiagnostic.maximumPerFile)
        }
        if omitted > 0 { problems.append(.omitted(omitted, file: file.path)) }
        var read = Nominations(nominees: nominees, columns: columns)
        read.headings = headings
        read.sheet = sheet
        read.warnings = workbookNotes.map { InputWarning(.workbook, $0) }
        for a in ambiguous {
            let others = a.others.map { iso3 in countries.records.first { $0.iso3 == iso3 }.map { "\($0.name) (\(iso3))" } ?? iso3 }
            let place = sheet.map { CellReference.place(sheet: $0, row: a.line, column: nil) } ?? "\(a.line)"
            read.warnings.append(InputWarning(.ambiguousCountry, "\(file.path):\(place): warning: country \(Quote.value(a.text)) was read as \(a.chosen.name) (\(a.chosen.iso3)); it could also mean \(others.joined(separator: " or ")): write the ISO code (\(([a.chosen.iso3] + a.others).joined(separator: ", "))) to be sure"))
        }
        if delimiter != 0x2C {
            read.notes.append("\(file.path) is separated by \(delimiter == 0x3B ? "semicolons" : "tabs"), not commas (as Excel saves CSV in many locales); it was read that way")
        }
        return (read, problems)

        func readHeader(_ header: CSVRecord) {
        if header.fieldCount > Self.maximumColumns {
            problem(header.line, nil, nil, "the header has \(header.fieldCount) columns; at most \(Self.maximumColumns) are read")
            columns = header.fields.prefix(Self.maximumColumns).map { AttributeKey.normalize($0.text) }
            return
        }
        for (k, field) in header.fields.enumerated() {
            var name = AttributeKey.normalize(field.text)
            if k == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            if name.isEmpty { problem(field.line, field.column, nil, "column \(k + 1) of the header has no name") }
            if let first = seen[name], !name.isEmpty {
                problem(field.line, field.column, name, "the column \(Quote.value(name)) appears twice (first as column \(first + 1))")
            } else {
                seen[name] = k
                var given = field.text.trimmingCharacters(in: .whitespaces)
                if given.hasPrefix("\u{FEFF}") { given.removeFirst() }
                headings[name] = given
            }
            columns.append(name)
        }
            // With several bodies, `bodies` says where each nominee applies, and `group` is needed only
            // where a body has several kinds of seat.
            let required = places.isEmpty ? Self.requiredColumns : Self.requiredColumns.filter { $0 != "group" } + ["bodies"]
            let missing = required.filter { seen[$0] == nil }
            if places.isEmpty, let k = seen["bodies"] {
                problem(header.line, k + 1, "bodies", "the policy fills one body; a bodies column needs bodies: in the policy (see docs/guide/several-bodies.md)")
            }
            if !missing.isEmpty {
                let suggestion = otherSheets.isEmpty ? ""
                    : "; the workbook also has \(Words.noun(otherSheets.count, "sheet")) \(otherSheets.map(Quote.value).joined(separator: ", ")), none with these columns: give --sheet NAME to read the one with the nominations, or add the columns"
                problem(header.line, nil, nil, "missing required \(Words.noun(missing.count, "column")): \(missing.joined(separator: ", "))" + suggestion)
            }
            usable = missing.isEmpty
        }

        func readRow(_ record: CSVRecord) {
            let rowLine = record.line
            if record.fieldCount != columns.count {
                problem(record.line, nil, nil, "the row has \(Words.count(record.fieldCount, "field")), the header has \(columns.count)")
                return
            }
            func field(_ name: String) -> CSVField? { seen[name].map { record.fields[$0] } }
            func text(_ name: String) -> String { field(name)?.text.trimmed ?? "" }
            func fail(_ name: String, _ message: String) {
                let f = field(name)
                problem(f?.line ?? record.line, f?.column, name, message)
            }
            var ok = true
            func require(_ name: String) -> String {
                let value = text(name)
                if value.isEmpty { fail(name, "is blank; every nominee needs a \(name)"); ok = false }
                return value
            }
            let id = require("id")
            let name = require("name")
            let groupText = places.isEmpty ? require("group") : text("group")
            let gender = require("gender")
            let countryText = require("country")

            if !id.isEmpty {
                // Ids that print alike (case, width, invisible characters) are the same person.
                let idKey = AttributeKey.normalize(id)
                if idKey.isEmpty {
                    fail("id", "\(Quote.value(id)) has no visible character")
                    ok = false
                } else if let first = firstLineOfId[idKey] {
                    fail("id", "the id \(Quote.value(id)) is used twice (first on \(lineWord) \(first))")
                    ok = false
                } else {
                    firstLineOfId[idKey] = record.line
                }
            }
            // The places applied for: one group, several (`group` lists them, separated by semicolons),
            // or, with several bodies, the bodies listed in `bodies` (each `Body` or `Body: Group`).
            var applied: [String] = []
            let listedGroups = groupText.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            if places.isEmpty {
                // Several groups only when every piece names one: a name with a semicolon in it that is
                // no group is one unknown group, said once.
                let pieces = listedGroups.count > 1 && listedGroups.allSatisfy { groupByKey[AttributeKey.normalize($0)] != nil }
                    ? listedGroups : [groupText]
                for g in pieces where !g.isEmpty {
                    if let match = groupByKey[AttributeKey.normalize(g)] {
                        if !applied.contains(match) { applied.append(match) }
                    } else if let groups {
                        fail("group", "\(Quote.value(g)) is not a group of the policy (\(Quote.list(groups)))")
                        ok = false
                    } else { applied.append(g) }
                }
            } else {
                let bodiesText = text("bodies")
                let entries = bodiesText.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
                if entries.isEmpty { fail("bodies", "is blank; name the bodies (or positions) the nominee applies for, separated by semicolons"); ok = false }
                for entry in entries {
                    let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmed }
                    guard let first = parts.first, !first.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
                        fail("bodies", "\(Quote.value(entry)) names no body; write a body, or Body: Group"); ok = false; continue
                    }
                    guard let body = bodyByKey[AttributeKey.normalize(first)] else {
                        fail("bodies", "\(Quote.value(first)) is not a body of the policy (\(Quote.list(bodyNames)))"); ok = false; continue
                    }
                    let own = groupsOfBody[body] ?? []
                    var chosen: [String] = []
                    if parts.count == 2 {
                        if let g = own.first(where: { AttributeKey.normalize(places[$0]?.name ?? $0) == AttributeKey.normalize(parts[1]) }) { chosen = [g] } else {
                            fail("bodies", "\(Quote.value(parts[1])) is not a group of \(body) (\(Quote.list(own.map { places[$0]?.name ?? $0 })))"); ok = false; continue
                        }
                    } else if own.count == 1 {
                        chosen = own
                    } else {
                        // In the order the row lists them: a rank per place follows that order.
                        chosen = listedGroups.compactMap { w in own.first { AttributeKey.normalize(w) == AttributeKey.normalize(places[$0]?.name ?? $0) } }
                        if chosen.isEmpty {
                            fail(listedGroups.isEmpty ? "bodies" : "group", "\(body) has several groups (\(Quote.list(own.map { places[$0]?.name ?? $0 }))); name one in group, or write \(Quote.value("\(body): \(places[own[0]]?.name ?? own[0])")) in bodies")
                            ok = false; continue
                        }
                    }
                    for g in chosen where !applied.contains(g) { applied.append(g) }
                }
            }
            // One rank for every place applied for, or one per place (in the order they are listed).
            var ranks: [Int?] = []
            let rankText = text("rank")
            let rankTexts = rankText.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmed }
            for piece in rankTexts where !piece.isEmpty || rankTexts.count > 1 {
                if piece.isEmpty { ranks.append(nil); continue }
                if let r = Int(piece), r >= 1, r <= Self.maximumRank {
                    ranks.append(r)
                } else if piece.isWholeNumberText, !piece.isNegativeNumberText, Int(piece).map({ $0 > Self.maximumRank }) ?? true {
                    fail("rank", "\(Quote.value(piece)) is too large; ranks go up to \(Self.maximumRank)")
                    ok = false
                } else {
                    fail("rank", "\(Quote.value(piece)) is not a positive whole number (1 = first choice; leave blank for unranked)")
                    ok = false
                }
            }
            if ranks.count > 1, ok, ranks.count != applied.count {
                fail("rank", "gives \(ranks.count) ranks for \(Words.count(applied.count, "place")) applied for; give one rank, or one per place in the order they are listed")
                ok = false
            }
            var status = NomineeStatus.new
            let statusText = text("status")
            if !statusText.isEmpty {
                if let s = NomineeStatus(rawValue: AttributeKey.normalize(statusText)) {
                    status = s
                } else {
                    fail("status", "\(Quote.value(statusText)) is not a status (\(NomineeStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                    ok = false
                }
            }
            var terms = 0
            let termsText = text("terms")
            if !termsText.isEmpty {
                if let t = Int(termsText), t >= 0, t <= 1000 { terms = t } else if termsText.isWholeNumberText, !termsText.isNegativeNumberText {
                    fail("terms", "\(Quote.value(termsText)) is too large; terms go up to 1000")
                    ok = false
                } else {
                    fail("terms", "\(Quote.value(termsText)) is not a whole number of terms (0 or more)")
                    ok = false
                }
            }
            var region: String?
            let regionText = text("region")
            if !regionText.isEmpty {
                region = CountryTable.canonicalRegion(regionText)
                if region == nil {
                    fail("region", "\(Quote.value(regionText)) is not a UN regional group (\(CountryTable.regions.joined(separator: ", ")))")
                    ok = false
                }
            }
            var development: String?
            let developmentText = text("development")
            if !developmentText.isEmpty {
                development = CountryTable.canonicalDevelopment(developmentText)
                if development == nil {
                    fail("development", "\(Quote.value(developmentText)) is not a development status (\(CountryTable.developmentStatuses.joined(separator: ", ")))")
                    ok = false
                }
            }
            var country = ""
            if !countryText.isEmpty {
                if let record = lookupCountry(countryText) {
                    country = record.iso3
                    if let others = CountryTable.otherMeanings(of: countryText), !ambiguous.contains(where: { $0.text == countryText }) {
                        ambiguous.append((countryText, rowLine, record, others))
                    }
                    if region == nil, regionText.isEmpty { region = record.region }
                    if development == nil, developmentText.isEmpty { development = record.development }
                    if region == nil, regionText.isEmpty {
                        fail("country", "\(record.name) has no UN regional group in the reference table; give the row a region")
                        ok = false
                    }
                    if development == nil, developmentText.isEmpty {
                        fail("country", "\(record.name) has no development status in the reference table; give the row a development status")
                        ok = false
                    }
                } else if !regionText.isEmpty, !developmentText.isEmpty {
                    country = countryText.uppercased()
                } else {
                    fail("country", "\(Quote.value(countryText)) is not in the country table; use an ISO 3166 code, or give the row both region and development")
                    ok = false
                }
            }
            // A status that seats by rule names the one place it seats.
            if applied.count > 1, status == .required || status == .continuing || status == .exOfficio {
                fail("status", "\(status.rawValue) seats a nominee by rule, so they apply for one place; this row applies for \(applied.count)")
                ok = false
            }
            guard ok else { return }

            var attributes: [String: String] = [
                "gender": gender, "country": country, "region": region ?? "", "development": development ?? "",
            ]
            let organization = text("organization")
            if !organization.isEmpty { attributes["organization"] = organization }
            for name in columns where !Self.builtInColumns.contains(name) && !name.isEmpty {
                let value = text(name)
                if !value.isEmpty { attributes[name] = value; customValues += 1 }
            }
            if nominees.count >= Self.maximumNominees || customValues > Self.maximumCustomValues {
                problem(record.line, nil, nil, nominees.count >= Self.maximumNominees
                        ? "more than \(Self.maximumNominees) nominees; Seatwise reads at most that many (the rest of the file is not checked)"
                        : "more than \(Self.maximumCustomValues) values in custom columns; Seatwise reads at most that many (the rest of the file is not checked)")
                // The file is refused: what it held is let go, and the rest is not read into memory.
                usable = false
                nominees = []
                firstLineOfId = [:]
                return
            }
            // Rows of a file already known to be bad are checked but not kept.
            if problems.isEmpty {
                // Where each place is, when the policy fills several bodies, the group is a role, or the
                // person applies for several places.
                let placed = !places.isEmpty || applied.count > 1 || applied.contains(where: roles.contains)
                for (k, group) in applied.enumerated() {
                    // A person applying for several places is one nominee per place: `ID@GROUP`.
                    let placeID = applied.count == 1 ? id : "\(id)@\(group)"
                    let rank = ranks.count > 1 ? ranks[k] : ranks.first ?? nil
                    var nominee = Nominee(id: placeID, name: name, group: group, rank: rank, status: status, terms: terms,
                                          attributes: attributes, line: record.line)
                    if placed {
                        let role = roles.contains(group) ? places[group].map { $0.name ?? $0.body } ?? group : nil
                        nominee.placement = Placement(person: id, body: places[group]?.body, role: role)
                    }
                    nominees.append(nominee)
                }
            }
        }
    }

    /// The attribute names a quota may use with nominations whose header is `columns`.
    public static func attributeNames(columns: [String]) -> [String] {
        AttributeKey.builtIn + AttributeKey.standing + columns.filter { !builtInColumns.contains($0) && !$0.isEmpty }
    }
}
