// Both input files read and cross-checked (groups, quota attributes and values), nominees in a
// canonical order (by id) so that the row order of the file never changes a result.

public struct SelectionInput: Sendable {
    public var policy: Policy
    /// Sorted by id: the model's columns follow this order, whatever the file's row order.
    public var nominees: [Nominee]
    public var nominations: InputFile
    public var policyFile: InputFile
    /// Attribute names the nominations carry (built-in and custom), for quotas.
    public var attributeNames: [String]
    /// How the files were read where it differs from the specification's format, in words.
    public var notes: [String] = []
    /// What may have been read otherwise than meant (an ambiguous country, a value nobody has).
    public var warnings: [InputWarning] = []
    /// Warnings, then notes: everything a report states about how the files were read.
    public var readingNotes: [String] { warnings.map(\.text) + notes }
    /// Built-in attributes the file does not give (a composition without a gender column): a quota on
    /// one of them cannot be verified from it.
    public var unknownAttributes: Set<String> = []
    /// Read from a table of counts (a published composition): the members are not named.
    public var isComposition = false
    /// Each nominations column's heading as the file spells it, by its key; the worksheet read, if any.
    public var columnHeadings: [String: String] = [:]
    public var nominationsSheet: String?
    /// Past compositions (`--history`): terms served and each country's past seats come from them.
    public var history: History?

    public init(policy: Policy, nominees: [Nominee], attributeNames: [String] = NominationsReader.attributeNames(columns: []),
                nominations: InputFile = InputFile(path: "nominations", bytes: []),
                policyFile: InputFile = InputFile(path: "policy", bytes: [])) {
        self.policy = policy
        self.nominees = nominees.sorted { $0.id < $1.id }
        self.nominations = nominations
        self.policyFile = policyFile
        self.attributeNames = attributeNames
    }

    /// Reads and validates both files, reporting every problem of both at once.
    /// `sheet` names the worksheet to read when the nominations are an .xlsx workbook.
    /// `history`: past compositions' files (`--history`), read with the rest.
    public static func load(nominations nominationsPath: String, policy policyPath: String,
                            countries: CountryTable, sheet: String? = nil, history historyPaths: [String] = []) throws -> SelectionInput {
        var problems: [InputDiagnostic] = []
        var policyFile: InputFile?, nominationsFile: InputFile?
        do { policyFile = try InputFile.read(policyPath) } catch let error as InputError { problems += error.diagnostics }
        do { nominationsFile = try InputFile.read(nominationsPath, sheet: sheet) } catch let error as InputError { problems += error.diagnostics }
        var historyFiles: [InputFile] = []
        for path in historyPaths {
            do { historyFiles.append(try InputFile.read(path)) } catch let error as InputError { problems += error.diagnostics }
        }
        let history = readHistory(historyFiles, countries: countries, problems: &problems)
        return try check(nominations: nominationsFile, policy: policyFile, countries: countries, problems: problems, history: history)
    }

    /// Validates both files already in memory (an upload), each named by its `path` in diagnostics.
    public static func load(nominations: InputFile, policy: InputFile, countries: CountryTable, history historyFiles: [InputFile] = []) throws -> SelectionInput {
        var problems: [InputDiagnostic] = []
        let history = readHistory(historyFiles, countries: countries, problems: &problems)
        return try check(nominations: nominations, policy: policy, countries: countries, problems: problems, history: history)
    }

    /// The history files read (nil when none are given), their problems added to `problems`.
    private static func readHistory(_ files: [InputFile], countries: CountryTable, problems: inout [InputDiagnostic]) -> History? {
        guard !files.isEmpty else { return nil }
        do { return try HistoryReader(countries: countries).read(files) } catch let error as InputError {
            problems += error.diagnostics
            return nil
        } catch { return nil }
    }

    /// A published composition (a table of counts: group, attributes, count) and the policy it is audited
    /// against; its members are unnamed, and built-in attributes it does not give are unknown.
    public static func load(composition compositionPath: String, policy policyPath: String, countries: CountryTable,
                            sheet: String? = nil) throws -> SelectionInput {
        var problems: [InputDiagnostic] = []
        var policyFile: InputFile?, compositionFile: InputFile?
        do { policyFile = try InputFile.read(policyPath) } catch let error as InputError { problems += error.diagnostics }
        do { compositionFile = try InputFile.read(compositionPath, sheet: sheet) } catch let error as InputError { problems += error.diagnostics }
        var input = try check(nominations: compositionFile, policy: policyFile, countries: countries, problems: problems) { file, groups in
            CompositionReader(groups: groups, countries: countries).readCollectingProblems(file)
        }
        let given = CompositionReader.givenAttributes(columns: input.nominationsColumns ?? [])
        input.unknownAttributes = Set((AttributeKey.builtIn + AttributeKey.standing).filter { $0 != "group" && !given.contains($0) })
        input.isComposition = true
        return input
    }

    /// The header's columns, as read (kept for a composition, whose built-in attributes vary).
    var nominationsColumns: [String]?

    private static func check(nominations nominationsFile: InputFile?, policy policyFile: InputFile?, countries: CountryTable,
                              problems readProblems: [InputDiagnostic], history: History? = nil,
                              reader: ((InputFile, [String]?) -> (NominationsReader.Nominations, [InputDiagnostic]))? = nil) throws -> SelectionInput {
        var problems = readProblems
        var policy: Policy?
        let policyPath = policyFile?.path ?? "policy", nominationsPath = nominationsFile?.path ?? "nominations"
        do {
            if let policyFile { policy = try PolicyReader().read(policyFile) }
        } catch let error as InputError { problems += error.diagnostics }
        var nominations: NominationsReader.Nominations?
        var rowProblems: [InputDiagnostic] = []
        if let nominationsFile {
            let read: NominationsReader.Nominations
            (read, rowProblems) = reader?(nominationsFile, policy?.groups)
                ?? {
                    var reader = NominationsReader(groups: policy?.groups, countries: countries)
                    reader.places = policy?.places ?? [:]
                    reader.roles = policy?.roles ?? []
                    return reader.readCollectingProblems(nominationsFile)
                }()
            nominations = read
            problems += rowProblems
        }
        if let policy, policy.history != nil, history == nil, readProblems.isEmpty {
            problems.append(InputDiagnostic(file: policyPath, key: "history",
                                            message: "the policy counts past compositions (history:), but none were given: give the past rosters with --history FILE (one per year, or one with a year column)"))
        }
        if var read = nominations, let history {
            read.warnings += applyHistory(history, window: policy?.history?.compositions, to: &read, path: nominationsPath)
            nominations = read
        }
        if let policy, let nominations, !nominations.columns.isEmpty {
            // A group that appoints its own members lists exactly its seats (withdrawn rows aside).
            for group in policy.groups where policy.rules.appointed.contains(group) {
                let listed = nominations.nominees.filter { $0.group == group && $0.status != .withdrawn }.count
                if listed != policy.seats(of: group) {
                    problems.append(InputDiagnostic(file: policyPath, key: "seats.\(group).mode",
                                                    message: "\(Quote.value(group)) appoints its members, so \(nominationsPath) must list exactly its \(Words.count(policy.seats(of: group), "seat")) (not withdrawn); it lists \(listed)"))
                }
            }
            let names = NominationsReader.attributeNames(columns: nominations.columns) + (history != nil ? [History.countrySeatsAttribute] : [])
            var valueNotes: [InputWarning] = []
            var checked = policy
            for (k, quota) in policy.quotas.enumerated() {
                let path = quota.path ?? (quota.renewal ? "rules.renewal" : "quotas[\(quota.index + 1)]")
                guard names.contains(quota.attribute) else {
                    problems.append(InputDiagnostic(file: policyPath, line: quota.line == 0 ? nil : quota.line, key: "\(path).attribute",
                                                    message: "\(Quote.value(quota.attribute)) is not a column of \(nominationsPath) nor a built-in attribute (\(Quote.list(names, limit: 40)))"))
                    continue
                }
                do {
                    checked.quotas[k].selector = try canonicalSelector(quota, countries: countries)
                } catch let message as SelectorProblem {
                    problems.append(InputDiagnostic(file: policyPath, line: quota.line == 0 ? nil : quota.line, key: "\(path).value", message: message.text))
                    continue
                }
                // A value nobody has (a spelling slip, most likely: "female" where the file says "F"): a
                // warning with the values present and the closest. With a minimum the pre-checks then say
                // that no panel can meet the quota; with only a maximum it counts 0.
                guard rowProblems.isEmpty else { continue } // rows left out would make values look absent
                let missing = absentValues(checked.quotas[k], nominations.nominees)
                // No value at all: the attribute is not given (a composition without that column), not misspelt.
                guard !missing.absent.isEmpty, !missing.present.isEmpty else { continue }
                let present = missing.present
                let words = "\(quota.attribute) = \(missing.absent.joined(separator: ", ")): no nominee has \(missing.absent.count == 1 ? "it" : "them"); "
                    + "the file has \(Quote.list(present, limit: 20))\(closest(missing.absent[0], among: present))"
                let place = "\(policyPath)\(quota.line == 0 ? "" : ":\(quota.line)"): warning: \(path).value: "
                valueNotes.append(InputWarning(.absentQuotaValues(attribute: quota.attribute, values: missing.absent),
                                               place + words + (missing.blocking ? "; so no panel can meet this quota" : "; the quota counts 0 for \(missing.absent.count == 1 ? "it" : "them")")))
            }
            // A person who applied for more places than they may take: the rule that they take at most
            // that many, after every listed quota (docs/guide/several-bodies.md, "Several bodies from one pool").
            if nominations.nominees.contains(where: { $0.person != $0.id }) {
                checked.quotas.append(Quota(index: checked.quotas.count, attribute: "person", selector: .each,
                                            max: .count(policy.rules.placesPerPerson), hard: true, places: true))
            }
            if problems.isEmpty {
                var input = SelectionInput(policy: checked, nominees: nominations.nominees, attributeNames: names,
                                           nominations: nominationsFile!, policyFile: policyFile!)
                input.notes = nominations.notes
                input.warnings = nominations.warnings + valueNotes
                input.nominationsColumns = nominations.columns
                input.columnHeadings = nominations.headings
                input.nominationsSheet = nominations.sheet
                input.history = history
                return input
            }
        }
        throw InputError(problems)
    }

    /// Terms served and each country's past seats, from the history: every nominee's `terms` is the
    /// consecutive terms the history shows up to its latest composition (a typed value that disagrees is
    /// a warning), and `country_past_seats` the seats their country held in the last `window` compositions.
    private static func applyHistory(_ history: History, window: Int?, to read: inout NominationsReader.Nominations, path: String) -> [InputWarning] {
        let terms = history.consecutiveTerms()
        let seats = history.countrySeats(window)
        let typed = read.columns.contains("terms")
        var warnings: [InputWarning] = []
        var lines = Set<Int>(), unlisted = 0
        for k in read.nominees.indices {
            let n = read.nominees[k]
            let served = terms[AttributeKey.normalize(n.person)] ?? 0
            if typed, n.terms != served, lines.insert(n.line).inserted {
                if lines.count <= 50 {
                    warnings.append(InputWarning(.historyTerms, "\(path):\(n.line): warning: terms: \(n.person) is given \(n.terms), but the history shows \(Words.count(served, "consecutive term")) up to \(history.years.last.map(String.init) ?? "")"
                                                 + "; the history's count is used"))
                } else { unlisted += 1 }
            }
            read.nominees[k].terms = served
            read.nominees[k].attributes[History.countrySeatsAttribute] = String((seats[n.country] ?? []).reduce(0, +))
        }
        if unlisted > 0 {
            warnings.append(InputWarning(.historyTerms, "\(path): warning: terms: \(unlisted) more rows disagree with the history; the history's count is used for every nominee"))
        }
        return warnings
    }

    private struct SelectorProblem: Error { var text: String }

    /// The values a quota names that no nominee has, the values the nominees do have (display form), and
    /// whether the quota needs the absent ones (a positive minimum and none of its values present).
    /// Region and development are left out: their values are checked against the reference list, and an
    /// absent region is a real shortage, not a slip.
    static func absentValues(_ quota: Quota, _ nominees: [Nominee]) -> (absent: [String], present: [String], blocking: Bool) {
        let asked: [String]
        switch quota.selector {
        case .one(let value): asked = [value]
        case .anyOf(let values): asked = values
        case .each: return ([], [], false)
        }
        guard quota.attribute != "region", quota.attribute != "development" else { return ([], [], false) }
        var display: [String: String] = [:]
        for n in nominees { if let key = n.key(of: quota.attribute), display[key] == nil { display[key] = n.value(of: quota.attribute) } }
        let absent = asked.filter { display[AttributeKey.normalize($0)] == nil }
        let needed = quota.min.map { $0.minimum(seats: 1_000_000) > 0 } ?? false
        return (absent, display.values.sorted(), needed && absent.count == asked.count)
    }

    /// "; closest: 'F'" by spelling, or by a shared beginning ("female" and "F").
    static func closest(_ value: String, among present: [String]) -> String {
        let bySpelling = Suggestions.closest(value, among: present)
        if !bySpelling.isEmpty { return bySpelling }
        let key = value.lowercased()
        let prefixed = present.filter { let p = $0.lowercased(); return !p.isEmpty && (key.hasPrefix(p) || p.hasPrefix(key)) }
        return prefixed.isEmpty ? "" : "; closest: " + prefixed.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
    }

    /// Quota values in the same display form the nominees carry (canonical regions, ISO alpha-3 countries).
    private static func canonicalSelector(_ quota: Quota, countries: CountryTable) throws -> ValueSelector {
        func canonical(_ value: String) throws -> String {
            switch quota.attribute {
            case "region":
                guard let region = CountryTable.canonicalRegion(value) else {
                    throw SelectorProblem(text: "\(Quote.value(value)) is not a UN regional group (\(CountryTable.regions.joined(separator: ", ")))")
                }
                return region
            case "development":
                guard let status = CountryTable.canonicalDevelopment(value) else {
                    throw SelectorProblem(text: "\(Quote.value(value)) is not a development status (\(CountryTable.developmentStatuses.joined(separator: ", ")))")
                }
                return status
            case "country":
                return countries.lookup(value)?.iso3 ?? value.trimmingCharacters(in: .whitespaces).uppercased()
            default:
                return value
            }
        }
        switch quota.selector {
        case .one(let value): return .one(try canonical(value))
        case .anyOf(let values): return .anyOf(try values.map(canonical))
        case .each: return .each
        }
    }
}
