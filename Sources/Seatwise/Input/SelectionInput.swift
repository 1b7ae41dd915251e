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
    public static func load(nominations nominationsPath: String, policy policyPath: String,
                            countries: CountryTable) throws -> SelectionInput {
        var problems: [InputDiagnostic] = []
        var policy: Policy?
        var policyFile: InputFile?
        do {
            policyFile = try InputFile.read(policyPath)
            policy = try PolicyReader().read(policyFile!)
        } catch let error as InputError { problems += error.diagnostics }
        var nominations: NominationsReader.Nominations?
        var nominationsFile: InputFile?
        do {
            nominationsFile = try InputFile.read(nominationsPath)
            let (read, rowProblems) = NominationsReader(groups: policy?.groups, countries: countries).readCollectingProblems(nominationsFile!)
            nominations = read
            problems += rowProblems
        } catch let error as InputError { problems += error.diagnostics }
        if let policy, let nominations, !nominations.columns.isEmpty {
            let names = NominationsReader.attributeNames(columns: nominations.columns)
            var checked = policy
            for (k, quota) in policy.quotas.enumerated() {
                let path = "quotas[\(quota.index + 1)]"
                guard names.contains(quota.attribute) else {
                    problems.append(InputDiagnostic(file: policyPath, line: quota.line == 0 ? nil : quota.line, key: "\(path).attribute",
                                                    message: "\(Quote.value(quota.attribute)) is not a column of \(nominationsPath) nor a built-in attribute (\(Quote.list(names, limit: 40)))"))
                    continue
                }
                do {
                    checked.quotas[k].selector = try canonicalSelector(quota, countries: countries)
                } catch let message as SelectorProblem {
                    problems.append(InputDiagnostic(file: policyPath, line: quota.line == 0 ? nil : quota.line, key: "\(path).value", message: message.text))
                }
            }
            if problems.isEmpty {
                var input = SelectionInput(policy: checked, nominees: nominations.nominees, attributeNames: names,
                                           nominations: nominationsFile!, policyFile: policyFile!)
                input.notes = nominations.notes
                return input
            }
        }
        throw InputError(problems)
    }

    private struct SelectorProblem: Error { var text: String }

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
