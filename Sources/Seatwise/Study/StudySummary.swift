// The statistics of a study, stated so that they can be recomputed: percentiles by linear interpolation
// (numpy's default), paired differences between modes over the pools where both have a panel, and 95%
// percentile-bootstrap intervals whose resamples are drawn with SplitMix64 from the stated seed.

import Foundation

/// The median and the 5th and 95th percentiles of a sample.
public struct Spread: Sendable, Equatable {
    public var median: Double
    public var p5: Double
    public var p95: Double

    /// Nil for an empty sample.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        median = Self.percentile(sorted, 50)
        p5 = Self.percentile(sorted, 5)
        p95 = Self.percentile(sorted, 95)
    }

    /// The q-th percentile of sorted values, interpolating linearly between order statistics at
    /// (n − 1)·q/100 (numpy's default method).
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q / 100
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

/// A study's measures, by name as pools.csv names its columns.
public enum StudyMeasure: String, Sendable, CaseIterable {
    case women, regionsCovered = "regions_covered", smallestRegion = "smallest_region", weogShare = "weog_share", rankSum = "rank_sum"

    public func value(_ row: StudyRow) -> Double? {
        switch self {
        case .women: return row.women.map(Double.init)
        case .regionsCovered: return row.regionsCovered.map(Double.init)
        case .smallestRegion: return row.smallestRegion.map(Double.init)
        case .weogShare: return row.weogShare
        case .rankSum: return row.rankSum.map(Double.init)
        }
    }

    public var title: String {
        switch self {
        case .women: return "women seated"
        case .regionsCovered: return "regions with a seat"
        case .smallestRegion: return "seats of the smallest region"
        case .weogShare: return "WEOG share"
        case .rankSum: return "rank sum"
        }
    }
}

public struct StudySummary: Sendable {
    /// One setting × variant × mode.
    public struct Cell: Sendable {
        public var setting: Int
        public var variant: String
        public var mode: SelectionMode
        public var pools: Int
        public var infeasible: Int
        public var infeasibleRate: Double { pools == 0 ? 0 : Double(infeasible) / Double(pools) }
        public var spreads: [StudyMeasure: Spread]
        /// The median of each group's cost (its rank sum's rise over independent selection).
        public var groupCost: [Double?]
    }

    /// Coordinated minus independent, pool by pool, over the pools where both have a panel.
    public struct Difference: Sendable {
        public var setting: Int
        public var variant: String
        public var measure: StudyMeasure
        public var pairs: Int
        public var mean: Double
        /// The 95% interval; nil with fewer than `minimumPairs` pairs (an interval from a handful of pools
        /// would look more certain than it is).
        public var low: Double?
        public var high: Double?
    }

    public static let minimumPairs = 10

    public var cells: [Cell]
    public var differences: [Difference]

    public init(_ study: StudyResult) {
        let spec = study.spec
        var cells: [Cell] = []
        var differences: [Difference] = []
        var rowsBy: [String: [StudyRow]] = [:]
        for row in study.rows { rowsBy["\(row.setting)\u{1}\(row.variant)\u{1}\(row.mode.rawValue)", default: []].append(row) }
        for setting in spec.womenShares.indices {
            for variant in spec.variants.map(\.name) {
                for mode in spec.modes {
                    let rows = rowsBy["\(setting)\u{1}\(variant)\u{1}\(mode.rawValue)"] ?? []
                    var spreads: [StudyMeasure: Spread] = [:]
                    for m in StudyMeasure.allCases { spreads[m] = Spread(rows.compactMap(m.value)) }
                    let costs = study.groups.indices.map { g in Spread(rows.compactMap { $0.groupCosts[g].map(Double.init) })?.median }
                    cells.append(Cell(setting: setting, variant: variant, mode: mode, pools: rows.count,
                                      infeasible: rows.filter { !$0.feasible }.count, spreads: spreads, groupCost: costs))
                }
                guard spec.modes.count == 2 else { continue }
                let ind = rowsBy["\(setting)\u{1}\(variant)\u{1}independent"] ?? [], coo = rowsBy["\(setting)\u{1}\(variant)\u{1}coordinated"] ?? []
                let byPool = Dictionary(ind.map { ($0.pool, $0) }, uniquingKeysWith: { a, _ in a })
                for m in StudyMeasure.allCases {
                    let pairs = coo.compactMap { c -> Double? in
                        guard let i = byPool[c.pool], let a = m.value(i), let b = m.value(c) else { return nil }
                        return b - a
                    }
                    guard !pairs.isEmpty else { continue }
                    let interval = pairs.count < Self.minimumPairs ? nil : Self.bootstrap(pairs, resamples: spec.bootstrapResamples, seed: spec.bootstrapSeed)
                    differences.append(Difference(setting: setting, variant: variant, measure: m, pairs: pairs.count,
                                                  mean: pairs.reduce(0, +) / Double(pairs.count), low: interval?.0, high: interval?.1))
                }
            }
        }
        self.cells = cells
        self.differences = differences
    }

    /// The 95% percentile-bootstrap interval of the mean: `resamples` resamples of n values, the k-th
    /// value of each drawn as values[next() mod n] from one SplitMix64 stream seeded `seed`, fresh for
    /// every interval; the 2.5th and 97.5th percentiles of the resampled means (linear interpolation).
    public static func bootstrap(_ values: [Double], resamples: Int, seed: UInt64) -> (Double, Double) {
        var rng = SplitMix(seed)
        let n = UInt64(values.count)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<values.count { sum += values[Int(rng.next() % n)] }
            means.append(sum / Double(values.count))
        }
        means.sort()
        return (Spread.percentile(means, 2.5), Spread.percentile(means, 97.5))
    }
}
