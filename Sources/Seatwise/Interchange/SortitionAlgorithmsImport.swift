// Turns the Sortition Foundation's sortition-algorithms files (a features CSV of `feature,value,min,max`
// rows, or the older `category,name,min,max`, and a people CSV) into a nominations file and a policy: one
// group of the panel's size, each feature value a body-wide quota, households a cap of one.

import Foundation

public enum SortitionAlgorithmsImport {
    public struct Options: Sendable {
        /// The panel's size (their `--number-wanted`): their files do not hold it.
        public var numberWanted: Int
        /// The people file's id column; nil: `id`, else `nationbuilder_id` (their default settings' name).
        public var idColumn: String?
        /// The country every person is from (Seatwise's nominations name one); ISO 3166.
        public var country: String
        /// Columns that together make an address: at most one person per address is seated (their
        /// `check_same_address_columns`); empty: no household rule.
        public var addressColumns: [String]
        public var seed: UInt64
        public var group: String

        public init(numberWanted: Int, idColumn: String? = nil, country: String, addressColumns: [String] = [], seed: UInt64 = 1, group: String = "Panel") {
            self.numberWanted = numberWanted
            self.idColumn = idColumn
            self.country = country
            self.addressColumns = addressColumns
            self.seed = seed
            self.group = group
        }
    }

    public struct Output: Sendable {
        public var nominations: String
        public var policy: String
        public var notes: [String]
    }

    /// A feature: its name as written, and its values in file order with their bounds.
    struct Feature {
        var name: String
        var values: [(value: String, min: Int, max: Int)]
    }

    /// Built-in nominations columns a feature may not take over: such a feature keeps its own column,
    /// named "NAME (feature)". A feature called gender is Seatwise's gender.
    static let reserved: Set<String> = ["id", "name", "group", "country", "region", "development", "organization", "status", "terms", "rank", "household"]
    static let featureSuffix = " (feature)"

    public static func convert(features featuresFile: InputFile, people peopleFile: InputFile, options: Options,
                               countries: CountryTable) throws -> Output {
        var problems: [InputDiagnostic] = []
        var notes: [String] = []
        let features = readFeatures(featuresFile, problems: &problems, notes: &notes)
        guard options.numberWanted >= 1 else {
            throw InputError(problems + [InputDiagnostic(file: "--number-wanted", message: "the panel needs at least one seat")])
        }
        guard let country = countries.lookup(options.country) else {
            throw InputError(problems + [InputDiagnostic(file: "--country", message: "\(Quote.value(options.country)) is not in the country table; use an ISO 3166 code such as GBR")])
        }
        let people = problems.isEmpty ? readPeople(peopleFile, features: features, options: options, problems: &problems, notes: &notes) : nil
        guard problems.isEmpty, let people else { throw InputError(problems) }

        // The nominations: id, name, group, gender, country, then one column per feature, then the household.
        func column(_ feature: Feature) -> String {
            let key = AttributeKey.normalize(feature.name)
            return reserved.contains(key) ? feature.name + featureSuffix : feature.name
        }
        let genderFeature = features.first { AttributeKey.normalize($0.name) == "gender" }
        let others = features.filter { AttributeKey.normalize($0.name) != "gender" }
        var header = ["id", "name", "group", genderFeature?.name ?? "gender", "country"] + others.map(column)
        if !options.addressColumns.isEmpty { header.append("household") }
        var csv = CSVCell.dataRow(header)
        for person in people {
            var row = [person.id, person.name, options.group, genderFeature.map { person.values[$0.name]! } ?? "not given", country.iso3]
            row += others.map { person.values[$0.name]! }
            if !options.addressColumns.isEmpty { row.append(person.household) }
            csv += CSVCell.dataRow(row)
        }
        if genderFeature == nil { notes.append("no feature is called gender: every nominee's gender is written as 'not given'") }

        // The policy.
        var quotas: [Quota] = []
        for feature in features {
            let attribute = AttributeKey.normalize(column(feature))
            for v in feature.values {
                quotas.append(Quota(index: quotas.count, attribute: attribute, selector: .one(v.value), min: .count(v.min), max: .count(v.max)))
            }
        }
        var comments = ["Imported by seatwise from sortition-algorithms files:", "  features: \(featuresFile.path) (sha256 \(featuresFile.sha256))",
                        "  people: \(peopleFile.path) (sha256 \(peopleFile.sha256))",
                        "People are not ranked: among the panels that meet every quota, the seeded tie-break chooses."]
        if !options.addressColumns.isEmpty {
            quotas.append(Quota(index: quotas.count, attribute: "household", selector: .each, max: .count(1)))
            comments.append("The household quota: at most one person per address (\(options.addressColumns.joined(separator: ", "))).")
        }
        let policy = Policy(body: "Panel of \(options.numberWanted) (imported from sortition-algorithms)", seats: [options.group: options.numberWanted],
                            quotas: quotas, objective: .rankSum, seed: options.seed)
        return Output(nominations: csv, policy: PolicyWriter.yaml(policy, comments: comments), notes: notes)
    }

    // MARK: - Features

    static func readFeatures(_ file: InputFile, problems: inout [InputDiagnostic], notes: inout [String]) -> [Feature] {
        let table = TableRecords(file)
        problems += table.problems
        guard table.problems.isEmpty else { return [] }
        guard let header = table.records.first else {
            problems.append(InputDiagnostic(file: file.path, message: "the features file is empty; it needs the header feature,value,min,max"))
            return []
        }
        let names = header.fields.map { $0.text.trimmed.lowercased() }
        let featureColumn = names.firstIndex(of: "feature") ?? names.firstIndex(of: "category")
        let valueColumn = names.firstIndex(of: "value") ?? names.firstIndex(of: "name")
        guard let featureColumn, let valueColumn, let minColumn = names.firstIndex(of: "min"), let maxColumn = names.firstIndex(of: "max") else {
            problems.append(table.diagnostic(file, line: header.line, column: nil, key: nil,
                                             "the header must be feature,value,min,max (or the older category,name,min,max); it is \(Quote.value(header.fields.map(\.text).joined(separator: ",")))"))
            return []
        }
        if names.contains("min_flex") || names.contains("max_flex") {
            notes.append("\(file.path): min_flex and max_flex were left out: they say how far sortition-algorithms' legacy method may relax a quota, and Seatwise keeps quotas exact")
        }
        var features: [Feature] = []
        var seen: [String: Int] = [:]
        for record in table.records.dropFirst() {
            guard record.fieldCount == header.fieldCount else {
                problems.append(table.diagnostic(file, line: record.line, column: nil, key: nil, "the row has \(record.fieldCount) fields, the header has \(header.fieldCount)"))
                continue
            }
            let f = record.fields
            let feature = f[featureColumn].text.trimmed, value = f[valueColumn].text.trimmed
            if feature.isEmpty { continue } // as sortition-algorithms does
            if value.isEmpty {
                problems.append(table.diagnostic(file, line: f[valueColumn].line, column: f[valueColumn].column, key: names[valueColumn], "is blank; every row names a value of its feature"))
                continue
            }
            func bound(_ k: Int) -> Int? {
                let text = f[k].text.trimmed
                guard let n = Int(text), n >= 0, n <= 1_000_000 else {
                    problems.append(table.diagnostic(file, line: f[k].line, column: f[k].column, key: names[k], "\(Quote.value(text)) is not a whole number of people (0 or more)"))
                    return nil
                }
                return n
            }
            guard let min = bound(minColumn), let max = bound(maxColumn) else { continue }
            if min > max {
                problems.append(table.diagnostic(file, line: record.line, column: f[minColumn].column, key: "min", "\(feature) = \(value): min \(min) is above max \(max)"))
                continue
            }
            let key = AttributeKey.normalize(feature)
            let k: Int
            if let existing = seen[key] { k = existing } else {
                k = features.count
                seen[key] = k
                features.append(Feature(name: feature, values: []))
            }
            if features[k].values.contains(where: { AttributeKey.normalize($0.value) == AttributeKey.normalize(value) }) {
                problems.append(table.diagnostic(file, line: record.line, column: f[valueColumn].column, key: names[valueColumn], "\(feature) = \(value) is listed twice"))
                continue
            }
            features[k].values.append((value, min, max))
        }
        if features.isEmpty, problems.isEmpty {
            problems.append(InputDiagnostic(file: file.path, message: "the features file has a header but no features"))
        }
        return features
    }

    // MARK: - People

    struct Person { var id: String; var name: String; var values: [String: String]; var household: String }

    static func readPeople(_ file: InputFile, features: [Feature], options: Options, problems: inout [InputDiagnostic],
                           notes: inout [String]) -> [Person]? {
        let table = TableRecords(file)
        problems += table.problems
        guard table.problems.isEmpty else { return nil }
        guard let header = table.records.first else {
            problems.append(InputDiagnostic(file: file.path, message: "the people file is empty; it needs a header with an id column and one column per feature"))
            return nil
        }
        let names = header.fields.map { AttributeKey.normalize($0.text) }
        func find(_ name: String) -> Int? { names.firstIndex(of: AttributeKey.normalize(name)) }
        guard let idColumn = options.idColumn.map(find) ?? find("id") ?? find("nationbuilder_id") else {
            problems.append(table.diagnostic(file, line: header.line, column: nil, key: nil,
                                             options.idColumn.map { "has no column \(Quote.value($0)) (--id-column)" }
                                                 ?? "has no id column (id or nationbuilder_id); name it with --id-column (the columns are \(Quote.list(header.fields.map(\.text))))"))
            return nil
        }
        var featureColumns: [String: Int] = [:]
        for feature in features {
            guard let k = find(feature.name) else {
                problems.append(table.diagnostic(file, line: header.line, column: nil, key: nil, "has no column for the feature \(Quote.value(feature.name))"))
                continue
            }
            featureColumns[feature.name] = k
        }
        var addressColumns: [Int] = []
        for name in options.addressColumns {
            guard let k = find(name) else {
                problems.append(table.diagnostic(file, line: header.line, column: nil, key: nil, "has no address column \(Quote.value(name)) (--address-columns)"))
                continue
            }
            addressColumns.append(k)
        }
        guard problems.isEmpty else { return nil }
        let nameColumn = find("name"), first = find("first_name"), last = find("last_name")
        var people: [Person] = []
        var firstLine: [String: Int] = [:]
        var blankIDs = 0
        for record in table.records.dropFirst() {
            guard record.fieldCount == header.fieldCount else {
                problems.append(table.diagnostic(file, line: record.line, column: nil, key: nil, "the row has \(record.fieldCount) fields, the header has \(header.fieldCount)"))
                continue
            }
            let f = record.fields
            let id = f[idColumn].text.trimmed
            if id.isEmpty { blankIDs += 1; continue }
            if let line = firstLine[AttributeKey.normalize(id)] {
                problems.append(table.diagnostic(file, line: record.line, column: f[idColumn].column, key: names[idColumn], "the id \(Quote.value(id)) is used twice (first on line \(line))"))
                continue
            }
            firstLine[AttributeKey.normalize(id)] = record.line
            var values: [String: String] = [:]
            var ok = true
            for feature in features {
                let field = f[featureColumns[feature.name]!]
                let text = field.text.trimmed
                guard let match = feature.values.first(where: { AttributeKey.normalize($0.value) == AttributeKey.normalize(text) }) else {
                    problems.append(table.diagnostic(file, line: field.line, column: field.column, key: names[featureColumns[feature.name]!],
                                                     text.isEmpty ? "is blank; every person needs a value of \(feature.name)"
                                                         : "\(Quote.value(text)) is not a value of the feature \(feature.name) (\(Quote.list(feature.values.map(\.value))))"))
                    ok = false
                    continue
                }
                values[feature.name] = match.value
            }
            guard ok else { continue }
            var name = nameColumn.map { f[$0].text.trimmed } ?? ""
            if name.isEmpty, let first, let last { name = (f[first].text.trimmed + " " + f[last].text.trimmed).trimmed }
            if name.isEmpty { name = id }
            let household = addressColumns.map { f[$0].text.trimmed.lowercased() }.joined(separator: " | ")
            people.append(Person(id: id, name: name, values: values, household: household))
        }
        if blankIDs > 0 { notes.append("\(file.path): \(Words.count(blankIDs, "row")) with a blank id \(blankIDs == 1 ? "was" : "were") left out, as sortition-algorithms does") }
        if people.isEmpty, problems.isEmpty { problems.append(InputDiagnostic(file: file.path, message: "the people file has a header but nobody in it")) }
        return problems.isEmpty ? people : nil
    }
}
