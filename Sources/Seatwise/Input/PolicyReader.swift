// Reads a policy file (docs/reference.md, "Policy file") through Yams' node tree, so that every problem names its key path
// (`quotas[2].min`, 1-based) and line. Unknown keys, wrong types and impossible bounds are all reported.

import OrderedCollections
import Yams

public struct PolicyReader: Sendable {
    /// Seats per group and counts in bounds stop here: no body is larger, and the arithmetic on them
    /// (sums, percentages of seats) can never overflow.
    public static let maximumCount = 1_000_000

    public init() {}

    public func read(_ file: InputFile) throws -> Policy {
        var state = State(file: file.path)
        if let kind = BinaryFile.kind(file.bytes) {
            throw InputError([BinaryFile.problem(kind, path: file.path, expected: "a YAML policy (a text file)",
                                                 howTo: "write the policy in a text editor as docs/reference.md (\"Policy file\") shows")])
        }
        guard var text = String(validating: file.bytes, as: UTF8.self) else {
            throw InputError([InputDiagnostic(file: file.path, line: 1, message: "the policy is not valid UTF-8")])
        }
        if text.contains("\u{0}") {
            throw InputError([InputDiagnostic(file: file.path, line: 1, message: "the policy contains a NUL byte")])
        }
        // A byte-order mark (Windows editors write one) is not part of the YAML.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if state.rejectAnchors(in: text) { throw InputError(state.problems) }
        let root: Node?
        do {
            // The basic resolver: the reader parses every value itself, so the default resolver's regular
            // expressions, run on every key to compare keys for duplicates, were most of the time
            // spent on a policy of 100,000 groups.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw InputError([state.diagnostic(for: error, text: text)])
        } catch {
            throw InputError([InputDiagnostic(file: file.path, message: "cannot parse the policy: \(error)")])
        }
        guard let root, case .mapping(let top) = root else {
            throw InputError([InputDiagnostic(file: file.path, line: 1, message: "the policy must be a mapping with at least 'seats'")])
        }
        state.rejectTags(root, path: "")
        if !state.problems.isEmpty { throw InputError(state.problems) }
        let policy = state.policy(top)
        if !state.problems.isEmpty { throw InputError(state.problems) }
        return policy!
    }

    struct State {
        let file: String
        var problems: [InputDiagnostic] = []
        /// Groups seated but counted in no quota, once `seats` is read (a quota may not name them).
        var uncounted: Set<String> = []

        mutating func problem(_ node: Node?, _ key: String, _ message: String) {
            problems.append(InputDiagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message))
        }

        /// The mapping's entries by key, reporting keys that are not in `allowed`.
        mutating func entries(_ mapping: Node.Mapping, path: String, allowed: [String]) -> [String: Node] {
            var result: [String: Node] = [:]
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                if !allowed.contains(key) {
                    problem(keyNode, keyPath, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
                    continue
                }
                result[key] = value
            }
            return result
        }

        mutating func string(_ node: Node, _ path: String) -> String? {
            guard case .scalar(let scalar) = node else { problem(node, path, "must be a single value"); return nil }
            return scalar.string
        }

        mutating func integer(_ node: Node, _ path: String, minimum: Int, maximum: Int = PolicyReader.maximumCount) -> Int? {
            guard let text = string(node, path) else { return nil }
            let trimmed = text.trimmed
            guard let value = Int(trimmed) else {
                if trimmed.isWholeNumberText {
                    problem(node, path, "\(Quote.value(text)) is too \(trimmed.isNegativeNumberText ? "small" : "large"); it must be from \(minimum) to \(maximum)")
                } else {
                    problem(node, path, "\(Quote.value(text)) is not a whole number")
                }
                return nil
            }
            if value < minimum { problem(node, path, "must be at least \(minimum), not \(value)"); return nil }
            if value > maximum { problem(node, path, "must be at most \(maximum), not \(value)"); return nil }
            return value
        }

        mutating func bool(_ node: Node, _ path: String) -> Bool? {
            guard let text = string(node, path) else { return nil }
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: problem(node, path, "\(Quote.value(text)) is not true or false"); return nil
            }
        }

        /// `3` or `40%` (up to 100%, at most 4 decimals).
        mutating func bound(_ node: Node, _ path: String) -> QuotaBound? {
            guard let raw = string(node, path) else { return nil }
            let text = raw.trimmed
            if text.hasSuffix("%") {
                switch QuotaBound.percent(parsing: text) {
                case .success(let bound): return bound
                case .failure(.malformed):
                    problem(node, path, "\(Quote.value(raw)) is not a percentage like 40% or 12.5% (no sign, at most 4 decimals)")
                case .failure(.overHundred):
                    problem(node, path, "\(Quote.value(raw)) is over 100%")
                }
                return nil
            }
            if let count = Int(text) {
                if count < 0 { problem(node, path, "\(Quote.value(raw)) is negative; a bound is a count of seats (0 or more) or a percentage"); return nil }
                if count > PolicyReader.maximumCount { problem(node, path, "\(Quote.value(raw)) is more than \(PolicyReader.maximumCount) seats"); return nil }
                return .count(count)
            }
            if text.isWholeNumberText {
                problem(node, path, "\(Quote.value(raw)) is too \(text.isNegativeNumberText ? "small" : "large"); a count of seats is from 0 to \(PolicyReader.maximumCount)")
                return nil
            }
            problem(node, path, "\(Quote.value(raw)) is neither a count of seats (3) nor a percentage (40%)")
            return nil
        }

        mutating func policy(_ top: Node.Mapping) -> Policy? {
            let keys = entries(top, path: "", allowed: ["body", "seats", "bodies", "quotas", "rules", "objective", "tie_break", "lottery", "history"])
            var body = "Unnamed body"
            if let node = keys["body"], let text = string(node, "body") { body = text }

            var seats: [(group: String, seats: Int)] = []
            var groupsRead = GroupsRead()
            if let node = keys["seats"] {
                if keys["bodies"] != nil { problem(node, "seats", "give seats for one body or bodies for several, not both") }
                if case .mapping(let mapping) = node {
                    seatGroups(mapping, path: "seats", body: nil, into: &groupsRead)
                    if mapping.count == 0 { problem(node, "seats", "lists no groups") }
                } else {
                    problem(node, "seats", "must map each stakeholder group to its number of seats")
                }
            } else if let node = keys["bodies"] {
                // Several bodies (or positions) from one pool: each body's seats, and the quotas inside it.
                if case .mapping(let mapping) = node, mapping.count > 0 {
                    var seenBodies = Set<String>()
                    for (keyNode, value) in mapping {
                        let name = (keyNode.string ?? "").trimmed
                        let path = "bodies.\(name)"
                        if name.isEmpty { problem(keyNode, "bodies", "a body's name is blank"); continue }
                        if !seenBodies.insert(AttributeKey.normalize(name)).inserted {
                            problem(keyNode, path, "the body \(Quote.value(name)) is listed twice (names are compared ignoring case)"); continue
                        }
                        if name.contains("·") || name.contains(";") || name.contains(":") || name.contains("@") {
                            problem(keyNode, path, "a body's name may not contain ·, ;, : or @ (the nominations name places with them)"); continue
                        }
                        var seatsNode = value
                        if case .mapping(let entry) = value {
                            let fields = entries(entry, path: path, allowed: ["seats", "quotas"])
                            guard let n = fields["seats"] else { problem(value, path, "gives no seats (write seats: 3, or seats: { Lead authors: 6 })"); continue }
                            seatsNode = n
                            if let q = fields["quotas"] { groupsRead.bodyQuotas.append((name, q)) }
                        }
                        if case .mapping(let groups) = seatsNode {
                            if groups.count == 0 { problem(seatsNode, "\(path).seats", "lists no groups"); continue }
                            seatGroups(groups, path: "\(path).seats", body: name, into: &groupsRead)
                        } else if let count = integer(seatsNode, seatsNode == value ? path : "\(path).seats", minimum: 1) {
                            groupsRead.add(name, place: Place(body: name, name: nil), count, keyNode: keyNode, path: path, state: &self)
                        }
                    }
                } else {
                    problem(node, "bodies", "must map each body (or position) to its seats, as docs/guide/several-bodies.md shows")
                }
            } else {
                problems.append(InputDiagnostic(file: file, line: 1, key: "seats", message: "is missing; the policy must give the seats of each stakeholder group"))
            }
            seats = groupsRead.seats
            let uncounted = groupsRead.uncounted, appointed = groupsRead.appointed
            if !seats.isEmpty, seats.allSatisfy({ uncounted.contains($0.group) }), keys["quotas"] != nil {
                problem(keys["seats"] ?? keys["bodies"], keys["seats"] != nil ? "seats" : "bodies", "every group counts in no quota (counts: false), so no quota has anyone to count")
            }

            var rules = SelectionRules()
            if let node = keys["rules"] {
                if case .mapping(let mapping) = node {
                    let r = entries(mapping, path: "rules", allowed: ["continuing", "max_terms", "renewal", "places_per_person"])
                    if let c = r["continuing"], let text = string(c, "rules.continuing") {
                        if let value = SelectionRules.Continuing(rawValue: text.lowercased()) { rules.continuing = value } else {
                            problem(c, "rules.continuing", "\(Quote.value(text)) is not keep or compete")
                        }
                    }
                    if let m = r["max_terms"] { rules.maxTerms = integer(m, "rules.max_terms", minimum: 1) }
                    if let n = r["renewal"] { rules.renewal = renewal(n) }
                    if let p = r["places_per_person"], let n = integer(p, "rules.places_per_person", minimum: 1) { rules.placesPerPerson = n }
                } else { problem(node, "rules", "must be a mapping") }
            }

            var objective = ObjectiveKind.rankSum
            if let node = keys["objective"], let text = string(node, "objective") {
                if let kind = ObjectiveKind(rawValue: text.lowercased()) { objective = kind } else {
                    problem(node, "objective", "\(Quote.value(text)) is not rank-sum, lexicographic or lottery")
                }
            }

            var lottery: LotterySettings?
            if let node = keys["lottery"] {
                if case .mapping(let mapping) = node {
                    let l = entries(mapping, path: "lottery", allowed: ["method", "draw"])
                    var settings = LotterySettings()
                    if let m = l["method"], let text = string(m, "lottery.method") {
                        if let method = LotteryMethod(rawValue: AttributeKey.normalize(text)) { settings.method = method } else {
                            problem(m, "lottery.method", "\(Quote.value(text)) is not leximin or maximin")
                        }
                    }
                    if let d = l["draw"], let text = string(d, "lottery.draw") {
                        do { _ = try LotteryDraw.sources(text); settings.draw = text } catch let error as InputError {
                            for diagnostic in error.diagnostics { problem(d, "lottery.draw", diagnostic.message) }
                        } catch {}
                    }
                    lottery = settings
                } else { problem(node, "lottery", "must be a mapping such as { method: leximin }") }
                if objective != .lottery, let node = keys["lottery"] { problem(node, "lottery", "applies only with objective: lottery") }
            }

            var seed: UInt64?
            if let node = keys["tie_break"] {
                if case .mapping(let mapping) = node {
                    let t = entries(mapping, path: "tie_break", allowed: ["seed"])
                    if let s = t["seed"], let text = string(s, "tie_break.seed") {
                        let trimmed = text.trimmingCharacters(in: .whitespaces)
                        if let value = UInt64(trimmed) { seed = value } else {
                            let kind = trimmed.isWholeNumberText ? (trimmed.isNegativeNumberText ? "is negative" : "is too large") : "is not a whole number"
                            problem(s, "tie_break.seed", "\(Quote.value(text)) \(kind); a seed is a whole number from 0 to \(UInt64.max)")
                        }
                    }
                } else { problem(node, "tie_break", "must be a mapping such as { seed: 2026 }") }
            }

            var quotas: [Quota] = []
            if let node = keys["quotas"] {
                if case .sequence(let sequence) = node {
                    // Groups by comparison key, once: a search per quota would be quadratic in 100,000 groups.
                    let groupByKey = Dictionary(seats.map { (AttributeKey.normalize($0.group), $0) }, uniquingKeysWith: { a, _ in a })
                    self.uncounted = uncounted
                    for (k, item) in sequence.enumerated() {
                        if let quota = self.quota(item, index: k, seats: seats, groupByKey: groupByKey) { quotas.append(quota) }
                    }
                } else if node.string != "" {
                    problem(node, "quotas", "must be a list of quotas")
                }
            }
            // Each body's own quotas, numbered after the body-wide ones, in the bodies' order.
            if !groupsRead.bodyQuotas.isEmpty {
                let groupByKey = Dictionary(seats.map { (AttributeKey.normalize($0.group), $0) }, uniquingKeysWith: { a, _ in a })
                self.uncounted = uncounted
                var index = quotas.count
                for (body, node) in groupsRead.bodyQuotas {
                    let path = "bodies.\(body).quotas"
                    guard case .sequence(let sequence) = node else {
                        if node.string != "" { problem(node, path, "must be a list of quotas") }
                        continue
                    }
                    let own = seats.filter { groupsRead.places[$0.group]?.body == body }
                    for (k, item) in sequence.enumerated() {
                        quotas += bodyQuota(item, index: index, body: body, own: own, path: "\(path)[\(k + 1)]")
                        index += 1
                    }
                }
            }
            // rules.renewal is the quota it stands for, after the listed ones: every report, repair and
            // adjustment then treats it like any other rule.
            if let renewal = rules.renewal, problems.isEmpty {
                quotas.append(Quota(index: quotas.count, attribute: "status", selector: .one(NomineeStatus.new.rawValue), min: renewal.minNew,
                                    scope: renewal.perGroup ? .perGroup : .body, line: renewal.line, renewal: true))
            }
            var policy = Policy(body: body, seats: OrderedDictionary(seats.map { ($0.group, $0.seats) }, uniquingKeysWith: { first, _ in first }), quotas: quotas, rules: rules, objective: objective, seed: seed)
            policy.uncounted = uncounted
            policy.rules.appointed = appointed
            policy.rules.independent = groupsRead.independent
            policy.roles = groupsRead.roles
            if let node = keys["history"] {
                if case .mapping(let mapping) = node {
                    let h = entries(mapping, path: "history", allowed: ["compositions", "prefer"])
                    var settings = HistorySettings()
                    if let c = h["compositions"] { settings.compositions = integer(c, "history.compositions", minimum: 1, maximum: 1000) }
                    if let p = h["prefer"], let text = string(p, "history.prefer") {
                        if AttributeKey.normalize(text) == "fewer_country_seats" { settings.preferFewerCountrySeats = true } else {
                            problem(p, "history.prefer", "\(Quote.value(text)) is not a preference; the one there is: fewer_country_seats")
                        }
                    }
                    policy.history = settings
                } else { problem(node, "history", "must be a mapping such as { compositions: 3 }") }
            }
            if keys["bodies"] != nil {
                policy.places = groupsRead.places
                for (group, _) in seats { if let place = groupsRead.places[group] { policy.bodies[place.body, default: []].append(group) } }
            }
            policy.lottery = objective == .lottery ? (lottery ?? LotterySettings()) : nil
            return policy
        }

        /// The groups read from `seats` (one body) or from every body under `bodies`, with their flags.
        struct GroupsRead {
            var seats: [(group: String, seats: Int)] = []
            var seen = Set<String>()
            var uncounted: Set<String> = []
            var appointed: Set<String> = []
            var independent: Set<String> = []
            var roles: Set<String> = []
            var places: [String: Place] = [:]
            /// Each body's `quotas` node, read once every group is known.
            var bodyQuotas: [(body: String, node: Node)] = []

            /// Adds a group (with its place when it belongs to one of several bodies); false (with a
            /// problem) when its name is taken.
            @discardableResult
            mutating func add(_ group: String, place: Place?, _ count: Int, keyNode: Node, path: String, state: inout State) -> Bool {
                guard seen.insert(AttributeKey.normalize(group)).inserted else {
                    state.problem(keyNode, path, "the group \(Quote.value(group)) is listed twice (names are compared ignoring case)")
                    return false
                }
                seats.append((group, count))
                if let place { places[group] = place }
                return true
            }
        }

        /// One `seats:` mapping, the body's or (with `body`) one body's among several: each group's seats,
        /// `{ seats: N, counts: false }` for a group seated but counted in no quota, `mode: appointed` for
        /// a group that appoints its own members, `role: true` for a role's holders.
        mutating func seatGroups(_ mapping: Node.Mapping, path seatsPath: String, body: String?, into read: inout GroupsRead) {
            for (keyNode, value) in mapping {
                let name = (keyNode.string ?? "").trimmed
                let path = "\(seatsPath).\(name)"
                // `~:` or `null:` is YAML's null, not a group named "~".
                if case .scalar(let scalar) = keyNode, scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) {
                    problem(keyNode, seatsPath, "a group name is missing (YAML reads \(Quote.value(scalar.string)) as no value); quote it if it is a name"); continue
                }
                if name.isEmpty { problem(keyNode, seatsPath, "a group name is blank"); continue }
                if body != nil, name.contains("·") || name.contains(";") || name.contains("@") {
                    problem(keyNode, path, "a group's name may not contain ·, ; or @ (the nominations name places with them)"); continue
                }
                let place = body.map { Place(body: $0, name: name) }
                let group = place?.group ?? name
                if case .mapping(let entry) = value {
                    let fields = entries(entry, path: path, allowed: ["seats", "counts", "mode", "role"])
                    guard let n = fields["seats"] else { problem(value, path, "gives no seats (write { seats: 2, counts: false })"); continue }
                    guard let count = integer(n, "\(path).seats", minimum: 1),
                          read.add(group, place: place, count, keyNode: keyNode, path: path, state: &self) else { continue }
                    if let c = fields["counts"], let counts = bool(c, "\(path).counts"), !counts { read.uncounted.insert(group) }
                    if let r = fields["role"], let role = bool(r, "\(path).role"), role { read.roles.insert(group) }
                    if let m = fields["mode"], let mode = string(m, "\(path).mode") {
                        switch AttributeKey.normalize(mode) {
                        case "coordinated": break
                        case "appointed": read.appointed.insert(group)
                        case "independent": read.independent.insert(group)
                        default: problem(m, "\(path).mode", "\(Quote.value(mode)) is not a mode; write coordinated, independent or appointed")
                        }
                    }
                } else if let count = integer(value, path, minimum: 1) {
                    read.add(group, place: place, count, keyNode: keyNode, path: path, state: &self)
                }
            }
        }

        /// `rules.renewal: { min_new: N or P%, per: group | body }`.
        mutating func renewal(_ node: Node) -> SelectionRules.Renewal? {
            guard case .mapping(let mapping) = node else {
                problem(node, "rules.renewal", "must be a mapping such as { min_new: 33%, per: group }"); return nil
            }
            let r = entries(mapping, path: "rules.renewal", allowed: ["min_new", "per"])
            guard let m = r["min_new"] else { problem(node, "rules.renewal.min_new", "is missing; give the least number (or share) of newcomers"); return nil }
            let minNew = bound(m, "rules.renewal.min_new")
            var perGroup = false
            if let p = r["per"], let text = string(p, "rules.renewal.per") {
                switch AttributeKey.normalize(text) {
                case "group": perGroup = true
                case "body": perGroup = false
                default: problem(p, "rules.renewal.per", "\(Quote.value(text)) is not group or body")
                }
            }
            return minNew.map { SelectionRules.Renewal(minNew: $0, perGroup: perGroup, line: node.mark?.line ?? 0) }
        }

        /// A quota under `bodies.B.quotas`: it counts inside body B, in its one group, in `group: G`, or
        /// per group of B (a quota per group, under one number).
        mutating func bodyQuota(_ node: Node, index: Int, body: String, own: [(group: String, seats: Int)], path: String) -> [Quota] {
            var byKey: [String: (group: String, seats: Int)] = [:]
            for entry in own {
                byKey[AttributeKey.normalize(entry.group)] = entry
                if entry.group.hasPrefix("\(body) · ") { byKey[AttributeKey.normalize(String(entry.group.dropFirst(body.count + 3)))] = entry }
            }
            guard var quota = quota(node, index: index, seats: own, groupByKey: byKey, path: path) else { return [] }
            quota.path = path
            switch quota.scope {
            case .group: return [quota]
            case .body, .perGroup:
                if own.count == 1 { quota.scope = .group(own[0].group); return [quota] }
                if quota.scope == .body {
                    problem(node, path, "\(Quote.value(body)) has \(own.count) groups; a quota inside it counts per group (per: group) or in one (group: NAME); a rule across several bodies goes in the top-level quotas")
                    return []
                }
                return own.filter { !uncounted.contains($0.group) }.map { entry in
                    var one = quota
                    one.scope = .group(entry.group)
                    return one
                }
            }
        }

        mutating func quota(_ node: Node, index: Int, seats: [(group: String, seats: Int)], groupByKey: [String: (group: String, seats: Int)],
                            path givenPath: String? = nil) -> Quota? {
            let path = givenPath ?? "quotas[\(index + 1)]"
            guard case .mapping(let mapping) = node else {
                problem(node, path, "must be a mapping such as { attribute: gender, value: female, min: 40% }"); return nil
            }
            let before = problems.count
            let q = entries(mapping, path: path, allowed: ["attribute", "value", "values", "each", "min", "max", "per", "group", "priority", "hard"])
            var attribute = ""
            if let a = q["attribute"], let text = string(a, "\(path).attribute") {
                attribute = AttributeKey.normalize(text)
                if attribute.isEmpty { problem(a, "\(path).attribute", "is blank") }
            } else if q["attribute"] == nil {
                problem(node, "\(path).attribute", "is missing; name the attribute the quota counts (gender, region, …)")
            }
            var selector: ValueSelector?
            let given = ["value", "values", "each"].filter { q[$0] != nil }
            if given.count != 1 {
                problem(node, path, given.isEmpty ? "needs one of value, values or each: true" : "gives \(given.joined(separator: " and ")); give exactly one")
            } else if let v = q["value"] {
                if let text = string(v, "\(path).value") { selector = .one(text) }
            } else if let vs = q["values"] {
                if case .sequence(let list) = vs, list.count > 0 {
                    var values: [String] = []
                    for (k, item) in list.enumerated() { if let text = string(item, "\(path).values[\(k + 1)]") { values.append(text) } }
                    selector = .anyOf(values)
                } else { problem(vs, "\(path).values", "must be a non-empty list of values") }
            } else if let e = q["each"], let flag = bool(e, "\(path).each") {
                if flag { selector = .each } else { problem(e, "\(path).each", "each: false means nothing; use value or values") }
            }
            let minimum = q["min"].flatMap { bound($0, "\(path).min") }
            let maximum = q["max"].flatMap { bound($0, "\(path).max") }
            if q["min"] == nil, q["max"] == nil { problem(node, path, "needs a min, a max or both") }

            var scope = QuotaScope.body
            if let p = q["per"] {
                if q["group"] != nil { problem(p, "\(path).per", "give per: group or group: NAME, not both") }
                if let text = string(p, "\(path).per") {
                    if AttributeKey.normalize(text) == "group" { scope = .perGroup } else {
                        problem(p, "\(path).per", "\(Quote.value(text)) is not a scope; the only one is per: group")
                    }
                }
            } else if let g = q["group"], let text = string(g, "\(path).group") {
                if let match = groupByKey[AttributeKey.normalize(text)] {
                    scope = .group(match.group)
                    if uncounted.contains(match.group) {
                        problem(g, "\(path).group", "\(Quote.value(match.group)) counts in no quota (counts: false in seats); a quota cannot count its members")
                    }
                } else {
                    problem(g, "\(path).group", "\(Quote.value(text)) is not a group in seats (\(Quote.list(seats.map(\.group))))")
                }
            }
            var priority = 0
            if let p = q["priority"], let value = integer(p, "\(path).priority", minimum: -PolicyReader.maximumCount) { priority = value }
            var hard = false
            if let h = q["hard"], let flag = bool(h, "\(path).hard") { hard = flag }

            // min above max in any scope the quota applies to
            if let minimum, let maximum {
                let scopes: [(String, Int)]
                switch scope {
                case .body: scopes = [(QuotaScope.bodyWords, seats.filter { !uncounted.contains($0.group) }.reduce(0) { $0 + $1.seats })]
                case .perGroup: scopes = seats.filter { !uncounted.contains($0.group) }.map { ($0.group, $0.seats) }
                case .group(let g): scopes = [(g, groupByKey[AttributeKey.normalize(g)]?.seats ?? 0)]
                }
                for (name, s) in scopes where minimum.minimum(seats: s) > maximum.maximum(seats: s) {
                    problem(q["min"], "\(path).min", "min \(minimum.description) (\(minimum.minimum(seats: s)) seats) is above max \(maximum.description) (\(maximum.maximum(seats: s)) seats) in \(name)")
                    break
                }
            }
            guard problems.count == before, let selector else { return nil }
            return Quota(index: index, attribute: attribute, selector: selector, min: minimum, max: maximum, scope: scope,
                         priority: priority, hard: hard, line: node.mark?.line ?? 0)
        }
    }
}
