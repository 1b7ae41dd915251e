// Past compositions of the body (`--history`, docs/guide/several-bodies.md, "History"): the rosters of earlier years, in the
// nominations format with a `year` column, or one file per year named with its year. From them come the
// terms each nominee has served and the seats each country held, so neither is typed in by hand.

import Foundation

public struct History: Sendable {
    /// One past composition: its year and its members.
    public struct Composition: Sendable {
        public var year: Int
        public var members: [Member]
    }
    public struct Member: Sendable {
        public var id: String
        public var name: String
        /// ISO alpha-3, as the nominations carry it.
        public var country: String
    }
    /// Oldest first; one per year.
    public var compositions: [Composition]
    /// The files read, in the order given (their paths and digests go in the reports' provenance).
    public var files: [InputFile]

    public var years: [Int] { compositions.map(\.year) }

    /// The attribute every nominee gets from a history: the seats their country held in the counted
    /// compositions, usable in quotas (`{ attribute: country_past_seats, value: "0", min: 3 }`).
    public static let countrySeatsAttribute = "country_past_seats"

    /// The last `window` compositions (all of them when nil or larger).
    public func last(_ window: Int?) -> ArraySlice<Composition> {
        compositions.suffix(window.map { Swift.min($0, compositions.count) } ?? compositions.count)
    }

    /// Consecutive terms up to the latest composition, by person id (in comparison form): a member of
    /// the latest three compositions has served three; one who left before the latest, none.
    public func consecutiveTerms() -> [String: Int] {
        let sets = compositions.map { Set($0.members.map { AttributeKey.normalize($0.id) }) }
        var terms: [String: Int] = [:]
        for id in sets.last ?? [] {
            terms[id] = sets.reversed().prefix { $0.contains(id) }.count
        }
        return terms
    }

    /// Seats each country held in each of the last `window` compositions, oldest first.
    public func countrySeats(_ window: Int?) -> [String: [Int]] {
        let recent = Array(last(window))
        var seats: [String: [Int]] = [:]
        for (k, composition) in recent.enumerated() {
            for member in composition.members {
                seats[member.country, default: [Int](repeating: 0, count: recent.count)][k] += 1
            }
        }
        return seats
    }
}

public struct HistoryReader: Sendable {
    public var countries: CountryTable
    /// More files than this are refused: a body's history is a few dozen compositions.
    public static let maximumFiles = 200

    public init(countries: CountryTable) {
        self.countries = countries
    }

    /// Reads every file, reporting every problem of all of them at once.
    public func read(_ files: [InputFile]) throws -> History {
        var problems: [InputDiagnostic] = []
        var byYear: [Int: [History.Member]] = [:]
        var yearFile: [Int: String] = [:]
        if files.count > Self.maximumFiles {
            throw InputError([InputDiagnostic(file: files[Self.maximumFiles].path, message: "more than \(Self.maximumFiles) history files; give at most that many")])
        }
        for file in files {
            let table = TableRecords(file)
            problems += table.problems
            guard table.problems.isEmpty, let header = table.records.first else {
                if table.problems.isEmpty { problems.append(InputDiagnostic(file: file.path, line: 1, message: "the file is empty; it needs a header with id and country, and a year column or a year in its name")) }
                continue
            }
            var column: [String: Int] = [:]
            for (k, field) in header.fields.enumerated() {
                var name = AttributeKey.normalize(field.text)
                if k == 0, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
                if column[name] == nil { column[name] = k }
            }
            let missing = ["id", "country"].filter { column[$0] == nil }
            let fileYear = Self.year(inName: file.path)
            if column["year"] == nil, fileYear == nil {
                problems.append(table.diagnostic(file, line: header.line, column: nil, key: "year",
                                                 "has no year column and no year in its name (roster-2024.csv); say which composition it is"))
            }
            if !missing.isEmpty {
                problems.append(table.diagnostic(file, line: header.line, column: nil, key: nil, "missing required \(Words.noun(missing.count, "column")): \(missing.joined(separator: ", "))"))
            }
            guard missing.isEmpty, column["year"] != nil || fileYear != nil else { continue }
            var seen: [Int: Set<String>] = [:]
            for record in table.records.dropFirst() {
                func text(_ name: String) -> String {
                    guard let k = column[name], k < record.fields.count else { return "" }
                    return record.fields[k].text.trimmed
                }
                func fail(_ name: String, _ message: String) {
                    let field = column[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
                    problems.append(table.diagnostic(file, line: field?.line ?? record.line, column: field?.column, key: name, message))
                }
                if record.fields.allSatisfy({ $0.text.trimmed.isEmpty }) { continue }
                var year = fileYear
                if column["year"] != nil {
                    let yearText = text("year")
                    guard let y = Int(yearText), (1900...2200).contains(y) else {
                        fail("year", "\(Quote.value(yearText)) is not a year (1900 to 2200)"); continue
                    }
                    year = y
                }
                let id = text("id"), countryText = text("country")
                if id.isEmpty { fail("id", "is blank; every member needs the id they have in the nominations"); continue }
                guard let record = countries.lookup(countryText) else {
                    fail("country", "\(Quote.value(countryText)) is not in the country table; use an ISO 3166 code"); continue
                }
                guard let year else { continue }
                if !seen[year, default: []].insert(AttributeKey.normalize(id)).inserted {
                    fail("id", "\(Quote.value(id)) is listed twice in \(year)"); continue
                }
                if let other = yearFile[year], other != file.path {
                    fail("year", "\(year) is also given by \(other); give each composition once"); continue
                }
                yearFile[year] = file.path
                byYear[year, default: []].append(History.Member(id: id, name: text("name"), country: record.iso3))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return History(compositions: byYear.keys.sorted().map { History.Composition(year: $0, members: byYear[$0]!) }, files: files)
    }

    /// A year in a file's name: four digits from 1900 to 2200 standing alone (`mag-2024.csv`).
    static func year(inName path: String) -> Int? {
        let name = (path as NSString).lastPathComponent
        var digits = "", found: [Int] = []
        for ch in name + " " {
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            if digits.count == 4, let y = Int(digits), (1900...2200).contains(y) { found.append(y) }
            digits = ""
        }
        return found.count == 1 ? found[0] : nil
    }
}
