// Writes a round as sortition-algorithms files where its policy can be expressed in their flat model
// (features of values with min and max over one panel), and lists, in words, each rule that cannot be.
// Seats per group become a feature; per-group quotas, several values in one quota, ranks and fixed
// members cannot be said in their files.

public enum SortitionAlgorithmsExport {
    public struct Output: Sendable {
        /// `feature,value,min,max` rows.
        public var features: String
        /// The id column, then one column per feature.
        public var people: String
        /// A settings file their command line accepts (`--settings`).
        public var settings: String
        /// Their `--number-wanted`: the body's seats.
        public var numberWanted: Int
        /// What the files do not say, each in words (empty: the files say the whole policy).
        public var cannotExpress: [String]
        /// Nominees left out of the people file, and why (withdrawn, past the term limit).
        public var leftOut: [String]
    }

    /// The value written for a nominee who has none (Seatwise counts them in no row of the attribute; their
    /// reader needs a value, and this one is bounded by nothing, so the files say the same).
    public static let noValue = "(none)"

    public static func export(_ input: SelectionInput) -> Output {
        let policy = input.policy
        let seats = policy.totalSeats
        var cannot: [String] = []
        var leftOut: [String] = []
        let standings = input.nominees.map { Standing.of($0, rules: policy.rules) }
        var people: [Int] = []
        for (i, n) in input.nominees.enumerated() {
            switch standings[i] {
            case .fixedOut(let rule):
                leftOut.append("\(n.name) [\(n.id)]: \(rule == .withdrawn ? "withdrawn" : rule == .termLimited ? "past the term limit (rules.max_terms)" : "excluded")")
            case .fixedIn(let rule):
                cannot.append("\(n.name) [\(n.id)] must be seated (\(rule.rawValue)); sortition-algorithms has no fixed members in its files, so they are in the people file like anyone else")
                people.append(i)
            case .free:
                people.append(i)
            }
        }

        // Features: attribute → value → (min, max); group seats first (a feature with min = max = seats).
        var order: [String] = []
        func value(of attribute: String, _ i: Int) -> String {
            let text = (attribute == "group" ? input.nominees[i].group : input.nominees[i].value(of: attribute) ?? "").trimmed
            return text.isEmpty ? noValue : text
        }
        var bounds: [String: [String: (min: Int, max: Int, display: String)]] = [:]
        func ensure(_ attribute: String) {
            if bounds[attribute] == nil {
                order.append(attribute)
                // Every value present is a row (their reader refuses a person whose value is not listed).
                var all: [String: (min: Int, max: Int, display: String)] = [:]
                for i in people {
                    let display = value(of: attribute, i)
                    let key = AttributeKey.normalize(display)
                    if all[key] == nil { all[key] = (0, seats, display) }
                }
                bounds[attribute] = all
            }
        }
        func tighten(_ attribute: String, _ value: String, min: Int?, max: Int?) {
            ensure(attribute)
            let key = AttributeKey.normalize(value)
            // A value nobody has is still a row: with a minimum, their run fails as Seatwise's does.
            var entry = bounds[attribute]?[key] ?? (0, seats, value.trimmed)
            if let min { entry.min = Swift.max(entry.min, min) }
            if let max { entry.max = Swift.min(entry.max, max) }
            bounds[attribute]?[key] = entry
        }
        if policy.groups.count > 1 {
            for (group, n) in policy.seats { tighten("group", group, min: n, max: n) }
        }
        for quota in policy.quotas {
            let words = "quota \(quota.index + 1) (\(quota.attribute))"
            guard quota.scope == .body else {
                cannot.append("\(words) applies \(quota.scope == .perGroup ? "within each group" : "within \(quota.scope.words)"): sortition-algorithms' quotas are over the whole panel")
                continue
            }
            let min = quota.min?.minimum(seats: seats), max = quota.max?.maximum(seats: seats)
            switch quota.selector {
            case .one(let value):
                tighten(quota.attribute, value, min: min, max: max)
            case .each:
                ensure(quota.attribute)
                for key in (bounds[quota.attribute] ?? [:]).keys.sorted() where bounds[quota.attribute]![key]!.display != noValue {
                    tighten(quota.attribute, bounds[quota.attribute]![key]!.display, min: min, max: max)
                }
            case .anyOf(let values):
                cannot.append("\(words) counts several values together (\(values.joined(separator: ", "))): a sortition-algorithms feature value is one value")
            }
            if quota.priority != 0 || quota.hard { cannot.append("\(words): priorities and hardness order repairs, which sortition-algorithms does not make") }
        }
        if people.contains(where: { input.nominees[$0].rank != nil }) {
            cannot.append("the ranks: sortition-algorithms does not rank; it draws among the panels that meet the quotas")
        }
        cannot.append("the objective (\(policy.objective.rawValue)) and the seeded tie-break: sortition-algorithms chooses by its own lottery (maximin by default)")
        for group in policy.groups where policy.uncounted.contains(group) {
            cannot.append("\(group) counts in no quota (counts: false): sortition-algorithms counts every member of the panel in every feature")
        }

        var features = CSVCell.dataRow(["feature", "value", "min", "max"])
        // A feature an import renamed to keep it apart from a built-in column gets its own name back.
        func featureName(_ attribute: String) -> String {
            attribute.hasSuffix(SortitionAlgorithmsImport.featureSuffix) ? String(attribute.dropLast(SortitionAlgorithmsImport.featureSuffix.count)) : attribute
        }
        for attribute in order {
            let name = featureName(attribute)
            for (_, entry) in bounds[attribute]!.sorted(by: { $0.key < $1.key }) {
                features += CSVCell.dataRow([name, entry.display, String(entry.min), String(entry.max)])
            }
        }
        // A feature called name (imported as "name (feature)") is the people file's name column.
        let ownName = !order.map(featureName).contains { AttributeKey.normalize($0) == "name" }
        var table = CSVCell.dataRow(["id"] + (ownName ? ["name"] : []) + order.map(featureName))
        for i in people {
            let n = input.nominees[i]
            table += CSVCell.dataRow([n.id] + (ownName ? [n.name] : []) + order.map { value(of: $0, i) })
        }
        let settings = """
            # For sortition-algorithms' command line: sortition csv --settings settings.toml --features-csv features.csv \\
            #   --people-csv people.csv --selected-csv selected.csv --remaining-csv remaining.csv --number-wanted \(seats)
            id_column = "id"
            columns_to_keep = [\(ownName ? "\"name\"" : "")]
            check_same_address = false
            selection_algorithm = "maximin"
            random_number_seed = \(policy.seed ?? Policy.defaultSeed)

            """
        return Output(features: features, people: table, settings: settings, numberWanted: seats, cannotExpress: cannot, leftOut: leftOut)
    }
}
