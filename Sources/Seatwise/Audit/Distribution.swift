// Exact discrete distributions for audits, kept in log space so that tail probabilities of large pools
// neither underflow nor lose precision: hypergeometric (seats drawn from a group's pool), binomial
// (against a reference share), and their convolution across groups.

import Foundation

/// A distribution over 0…n as natural logarithms of probabilities (-infinity for impossible counts).
public struct CountDistribution: Sendable {
    public var logProbabilities: [Double]

    /// Certainly `count`.
    public static func point(_ count: Int) -> CountDistribution {
        var p = [Double](repeating: -.infinity, count: count + 1)
        p[count] = 0
        return CountDistribution(logProbabilities: p)
    }

    /// Successes when drawing `draws` without replacement from `population` items of which `successes` succeed.
    public static func hypergeometric(population: Int, successes: Int, draws: Int) -> CountDistribution {
        precondition(draws <= population && successes <= population)
        let total = logBinomial(population, draws)
        return CountDistribution(logProbabilities: (0...draws).map { k in
            guard k <= successes, draws - k <= population - successes else { return -.infinity }
            return logBinomial(successes, k) + logBinomial(population - successes, draws - k) - total
        })
    }

    /// Successes in `trials` independent trials of probability `p`.
    public static func binomial(trials: Int, probability p: Double) -> CountDistribution {
        CountDistribution(logProbabilities: (0...trials).map { k in
            if p == 0 { return k == 0 ? 0 : -.infinity }
            if p == 1 { return k == trials ? 0 : -.infinity }
            return logBinomial(trials, k) + Double(k) * log(p) + Double(trials - k) * log1p(-p)
        })
    }

    /// The distribution of the sum of two independent counts.
    public func convolved(with other: CountDistribution) -> CountDistribution {
        let a = logProbabilities, b = other.logProbabilities
        var out = [Double](repeating: -.infinity, count: a.count + b.count - 1)
        for i in a.indices where a[i] > -.infinity {
            for j in b.indices where b[j] > -.infinity { out[i + j] = Self.logAdd(out[i + j], a[i] + b[j]) }
        }
        return CountDistribution(logProbabilities: out)
    }

    /// The counts with a positive probability (lowest to highest).
    public var support: ClosedRange<Int> {
        let possible = logProbabilities.indices.filter { logProbabilities[$0] > -.infinity }
        return (possible.first ?? 0)...(possible.last ?? 0)
    }

    public var mean: Double {
        logProbabilities.enumerated().reduce(0) { $0 + Double($1.offset) * exp($1.element) }
    }

    /// P(X ≤ k).
    public func atMost(_ k: Int) -> Double { exp(logProbabilities.prefix(max(0, min(k + 1, logProbabilities.count))).reduce(-.infinity, Self.logAdd)) }

    /// P(X ≥ k).
    public func atLeast(_ k: Int) -> Double { exp(logProbabilities.dropFirst(max(0, k)).reduce(-.infinity, Self.logAdd)) }

    /// The one-sided probability of a count at least as far from the mean as `observed`, in its direction.
    public func tail(_ observed: Int) -> Double {
        min(1, Double(observed) < mean ? atMost(observed) : atLeast(observed))
    }

    /// The two-sided probability: of every count no more likely than `observed` (the minimum-likelihood
    /// rule of exact tests, as in Fisher's exact test), with a relative tolerance of 1e-7 so that counts
    /// exactly as likely are not lost to rounding.
    public func twoSided(_ observed: Int) -> Double {
        guard logProbabilities.indices.contains(observed) else { return 0 }
        let limit = logProbabilities[observed] + log1p(1e-7)
        return min(1, exp(logProbabilities.filter { $0 <= limit }.reduce(-.infinity, Self.logAdd)))
    }

    /// Holm's step-down adjustment of a family of p-values (nil entries are not in the family), in the
    /// order given: the k-th smallest is multiplied by m − k + 1, and no adjusted value is below an
    /// earlier one's.
    public static func holm(_ values: [Double?]) -> [Double?] {
        let present = values.indices.filter { values[$0] != nil }.sorted { values[$0]! < values[$1]! }
        var adjusted = [Double?](repeating: nil, count: values.count)
        var running = 0.0
        for (k, i) in present.enumerated() {
            running = max(running, min(1, Double(present.count - k) * values[i]!))
            adjusted[i] = running
        }
        return adjusted
    }

    static func logAdd(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        return max(a, b) + log1p(exp(-abs(a - b)))
    }

    /// log C(n, k) from exact log-factorials.
    static func logBinomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        return LogFactorial.shared.value(n) - LogFactorial.shared.value(k) - LogFactorial.shared.value(n - k)
    }
}

/// log(n!) summed term by term (exact to rounding, no Stirling approximation), cached as it grows.
final class LogFactorial: @unchecked Sendable {
    static let shared = LogFactorial()
    private var table: [Double] = [0]
    private let lock = NSLock()

    func value(_ n: Int) -> Double {
        lock.lock()
        defer { lock.unlock() }
        while table.count <= n { table.append(table[table.count - 1] + log(Double(table.count))) }
        return table[n]
    }
}
