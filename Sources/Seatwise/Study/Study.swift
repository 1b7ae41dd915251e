// `seatwise study`: pools × policy variants × modes, solved exactly on every core. Each pool is built
// once per setting (generated, or resampled from real nominations) and solved under every variant in
// every mode asked; each run becomes one row of facts (status, women, regions, rank sum, cost per group,
// rules broken), from which `StudySummary` draws its statistics.

import Foundation

public struct StudyRow: Sendable {
    /// Which women share (index into the spec's list) and its value (nil: the shape's own).
    public var setting: Int
    public var womenShare: Double?
    public var pool: Int
    /// The seed `seatwise generate` takes to regenerate this pool (with the spec's shape and knobs).
    public var poolSeed: UInt64
    public var variant: String
    public var mode: SelectionMode
    public var status: SelectionResult.Status
    public var seats: Int
    /// Facts of the panel; nil when the run has no panel.
    public var women: Int?
    public var regionsCovered: Int?
    public var smallestRegion: Int?
    public var weogShare: Double?
    public var rankSum: Int?
    /// Each group's rank sum, and its rise over the independent selection of the same pool and variant
    /// (0 for the independent run; nil when either has no panel or independent was not run).
    public var groupRankSums: [Int]?
    public var groupCosts: [Int?]
    /// Rules (not rows) the panel breaks; in independent mode the body-wide rules it does not enforce.
    public var rulesBroken: Int?

    public var feasible: Bool { status != .infeasible }
}

public struct StudyResult: Sendable {
    public var spec: StudySpec
    public var groups: [String]
    public var rows: [StudyRow]
    public var seconds: Double
    /// The women share of each setting, for headings.
    public var settings: [Double?] { spec.womenShares }
    /// The first pool's size, as generated (the generator gives every group a seat and two nominees a seat).
    public var poolSize: (nominees: Int, seats: Int)?
    public var policySha256: String?
    public var nominationsPath: String?
    public var nominationsSha256: String?
}

public enum StudyRunner {
    static let regions = ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]

    /// Runs every pool of `spec` on `workers` threads; `progress(done, total)` after each pool.
    public static func run(_ spec: StudySpec, countries: CountryTable, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                           budget: SolveBudget = .unlimited, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> StudyResult {
        let start = Deadline.now()
        let policyFile = try spec.policy.map { try InputFile.read($0) }
        let source = try StudyPools(spec: spec, countries: countries, policy: policyFile)
        // The first pool is built and its rounds set up here: a policy that does not fit the pools, an
        // unknown rule or an off-number is one error for the whole study, at the spec's place, before any
        // thread starts.
        let first: SelectionInput
        do { first = try source.pool(setting: 0, index: 0) } catch let error as InputError {
            throw InputError([InputDiagnostic(file: spec.path, key: "pools",
                                              message: "the first pool cannot be read under \(spec.policy ?? "its policy"): " + Self.summarize(error))])
        }
        for variant in spec.variants {
            do { _ = try variantRound(first, variant).context(budget: budget) } catch let error as InputError {
                throw InputError([InputDiagnostic(file: spec.path, line: variant.line, key: variant.key, message: "variant '\(variant.name)': " + Self.summarize(error))])
            }
        }
        let groups = first.policy.groups
        let jobs = spec.womenShares.indices.flatMap { s in (0..<spec.count).map { (s, $0) } }
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var next = 0
            var done = 0
            var rows: [[StudyRow]]
            var error: Error?
            init(_ n: Int) { rows = Array(repeating: [], count: n) }
        }
        let shared = Shared(jobs.count)
        let backend = Solvers.glpk
        try backend.run(max(1, min(workers, jobs.count)), budget: budget) { _ in
            while true {
                shared.lock.lock()
                let k = shared.next
                shared.next += 1
                let stop = shared.error != nil
                shared.lock.unlock()
                guard k < jobs.count, !stop else { return }
                do {
                    try budget.checkCancelled()
                    let (setting, index) = jobs[k]
                    var rows: [StudyRow] = []
                    // A pool or variant that fails here (a row one pool lacks) stops the study, naming the pool.
                    let pool = "pool \(index + 1) (seed \(spec.seed &+ UInt64(index))) of setting \(setting + 1)"
                    let input: SelectionInput
                    do { input = try source.pool(setting: setting, index: index) } catch let error as InputError {
                        throw InputError([InputDiagnostic(file: spec.path, key: "pools", message: "\(pool): " + Self.summarize(error))])
                    }
                    for variant in spec.variants {
                        do {
                            rows += try runs(input, variant: variant, spec: spec, setting: setting, index: index, groups: groups, budget: budget)
                        } catch let error as InputError {
                            throw InputError([InputDiagnostic(file: spec.path, line: variant.line, key: variant.key,
                                                              message: "variant '\(variant.name)' on \(pool): " + Self.summarize(error))])
                        }
                    }
                    shared.lock.lock()
                    shared.rows[k] = rows
                    shared.done += 1
                    let done = shared.done
                    shared.lock.unlock()
                    progress?(done, jobs.count)
                } catch {
                    shared.lock.lock()
                    if shared.error == nil { shared.error = error }
                    shared.lock.unlock()
                    return
                }
            }
        }
        if let error = shared.error { throw error }
        var result = StudyResult(spec: spec, groups: groups, rows: shared.rows.flatMap { $0 }, seconds: Deadline.now() - start)
        result.poolSize = (first.nominees.count, first.policy.totalSeats)
        result.policySha256 = policyFile?.sha256
        if case .resampled(let path) = spec.source { result.nominationsPath = path; result.nominationsSha256 = source.real?.nominations.sha256 }
        return result
    }

    /// An input error in one line: its first three problems and how many more.
    static func summarize(_ error: InputError) -> String {
        let shown = error.diagnostics.prefix(3).map { $0.message }
        return shown.joined(separator: "; ") + (error.diagnostics.count > 3 ? "; and \(error.diagnostics.count - 3) more" : "")
    }

    /// The round a variant asks for: its rules switched off, its bounds set.
    static func variantRound(_ input: SelectionInput, _ variant: StudySpec.Variant) throws -> Round {
        var input = input
        let numbers = Set(input.policy.quotas.map { $0.index + 1 })
        let unknown = variant.off.filter { !numbers.contains($0) }
        if !unknown.isEmpty {
            throw InputError(unknown.map { InputDiagnostic(file: "study", key: "off", message: "off: the policy has no quota \($0) (it numbers them 1 to \(numbers.count))") })
        }
        input.policy.quotas.removeAll { variant.off.contains($0.index + 1) }
        return Round(input: input, adjustments: variant.adjustments)
    }

    static func runs(_ input: SelectionInput, variant: StudySpec.Variant, spec: StudySpec, setting: Int, index: Int, groups: [String],
                     budget: SolveBudget) throws -> [StudyRow] {
        let round = try variantRound(input, variant)
        let context = try round.context(budget: budget)
        var results: [SelectionMode: SelectionResult] = [:]
        for mode in spec.modes { results[mode] = try SelectionSolver.run(context: context, mode: mode, budget: budget) }
        let independent = results[.independent].flatMap { $0.status == .infeasible ? nil : $0 }
        return spec.modes.map { mode in
            let r = results[mode]!
            var row = StudyRow(setting: setting, womenShare: spec.womenShares[setting], pool: index, poolSeed: spec.seed &+ UInt64(index),
                               variant: variant.name, mode: mode, status: r.status, seats: r.policy.totalSeats, groupCosts: groups.map { _ in nil })
            guard r.status != .infeasible else { return row }
            let members = r.seated.map { r.input.nominees[$0] }
            row.women = members.filter { AttributeKey.normalize($0.gender) == "female" }.count
            let byRegion = regions.map { region in members.filter { $0.region == region }.count }
            row.regionsCovered = byRegion.filter { $0 > 0 }.count
            row.smallestRegion = byRegion.min()
            row.weogShare = members.isEmpty ? nil : Double(byRegion[4]) / Double(members.count)
            row.rankSum = r.rankSum
            let sums = groups.map { g in r.groups.first { $0.group == g }?.rankSum ?? 0 }
            row.groupRankSums = sums
            if let independent {
                let base = groups.map { g in independent.groups.first { $0.group == g }?.rankSum ?? 0 }
                row.groupCosts = zip(sums, base).map { $0 - $1 }
            }
            row.rulesBroken = Set(r.quotas.filter { !$0.satisfied }.map(\.row.quotaIndex)).count
            return row
        }
    }
}

/// Where a study's pools come from: built on demand, the same pool for the same setting and index
/// (setting and index from 0); `study --keep-pools` writes their files.
public struct StudyPools: Sendable {
    var spec: StudySpec
    var countries: CountryTable
    var policy: InputFile?
    var real: SelectionInput?

    /// `policy`: the study's policy file, read once (nil: each pool's generated one).
    public init(spec: StudySpec, countries: CountryTable, policy: InputFile?) throws {
        self.spec = spec
        self.countries = countries
        self.policy = policy
        if case .resampled(let path) = spec.source {
            let input = try SelectionInput.load(nominations: InputFile.read(path), policy: policy!, countries: countries)
            // A person applying for several places would be drawn place by place: the pool would not be one of people.
            if input.nominees.contains(where: { $0.placement != nil }) {
                throw InputError([InputDiagnostic(file: path, message: "resampling is of people, one place each; this file has people applying for several places")])
            }
            real = input
        }
    }

    func pool(setting: Int, index: Int) throws -> SelectionInput {
        let made = files(setting: setting, index: index)
        return try SelectionInput.load(nominations: InputFile(path: "nominations.csv", bytes: Array(made.nominations.utf8)),
                                       policy: policy ?? InputFile(path: "policy.yaml", bytes: Array((made.policy ?? "").utf8)), countries: countries)
    }

    func generator(setting: Int, index: Int) -> InstanceGenerator? {
        guard case .generated(let shape, let seats, let perSeat, var knobs) = spec.source else { return nil }
        knobs.womenShare = spec.womenShares[setting]
        return InstanceGenerator(shape: shape, nominees: max(seats, Int((Double(seats) * perSeat).rounded())), seats: seats,
                                 seed: spec.seed &+ UInt64(index), countries: countries, knobs: knobs)
    }

    /// The pool's files, made once: its nominations (what `generate` writes for its seed, or a resample of
    /// the real file), and its generated policy when the study has no policy of its own.
    public func files(setting: Int, index: Int) -> (nominations: String, policy: String?) {
        guard let generator = generator(setting: setting, index: index) else { return (Self.resample(real!, seed: spec.seed &+ UInt64(index)), nil) }
        let instance = generator.generate()
        return (instance.nominationsCSV, policy == nil ? instance.policyYAML : nil)
    }

    /// Each group's new nominees drawn with replacement (as many as it has) with SplitMix64, its continuing,
    /// required, ex officio and withdrawn members kept once each; listed in the order of their ranks (a
    /// nominee drawn twice appears twice, under two ids, as another nominee like them); status and terms kept. Written
    /// as a nominations file (id, name, group, rank, status, terms, then every attribute column), so a
    /// kept pool reads back as any nominations file does.
    static func resample(_ input: SelectionInput, seed: UInt64) -> String {
        var rng = SplitMix(seed)
        // The attribute columns the file gave (someone has a value); region and development follow from
        // the country where there is one, so they are not written beside it.
        var attributes = input.attributeNames.filter { a in
            a != "group" && !AttributeKey.standing.contains(a) && input.nominees.contains { !($0.attributes[a] ?? "").isEmpty }
        }
        if attributes.contains("country") { attributes.removeAll { $0 == "region" || $0 == "development" } }
        var lines = [CSVCell.dataRow(["id", "name", "group", "rank", "status", "terms"] + attributes)]
        var k = 0
        for group in input.policy.groups {
            // Members the body must seat or cannot (continuing, required, ex officio, withdrawn) are who they
            // are, not a sample: kept once each. Only the other nominees are drawn.
            let fixed = input.nominees.filter { $0.group == group && $0.status != .new }
            let members = input.nominees.filter { $0.group == group && $0.status == .new }
            var drawn = fixed + (members.isEmpty ? [] : (0..<members.count).map { _ in members[Int(rng.next() % UInt64(members.count))] })
            drawn.sort { ($0.rank ?? Int.max, $0.id) < ($1.rank ?? Int.max, $1.id) }
            for (r, n) in drawn.enumerated() {
                k += 1
                lines.append(CSVCell.dataRow(["R\(k)", n.name, group, n.rank == nil ? "" : String(r + 1), n.status.rawValue, String(n.terms)]
                                             + attributes.map { n.attributes[$0] ?? "" }))
            }
        }
        return lines.joined()
    }
}
