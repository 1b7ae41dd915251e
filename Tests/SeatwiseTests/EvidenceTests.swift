// The evidence layer's arithmetic, against values worked out by hand: Holm's adjustment, the two-sided
// exact probability, percentiles as numpy computes them, SplitMix64's first outputs, and how a sweep's
// text is read.

import Testing
@testable import Seatwise

@Suite("Evidence")
struct EvidenceTests {
    @Test("Holm: sorted p-values times m − k + 1, never below an earlier one, capped at 1")
    func holm() {
        let adjusted = CountDistribution.holm([0.01, 0.04, nil, 0.03, 0.5])
        // Sorted 0.01, 0.03, 0.04, 0.5 with m = 4: 0.04, 0.09, max(0.09, 0.08) = 0.09, min(1, 0.5) = 0.5.
        #expect(adjusted.count == 5 && adjusted[2] == nil)
        for (value, expected) in zip([adjusted[0], adjusted[3], adjusted[1], adjusted[4]], [0.04, 0.09, 0.09, 0.5]) {
            #expect(abs(value! - expected) < 1e-12)
        }
    }

    @Test("two-sided: for a symmetric binomial, twice the smaller tail (P(X ≤ 5) for n = 30, p = 1/2)")
    func twoSided() {
        let d = CountDistribution.binomial(trials: 30, probability: 0.5)
        #expect(abs(d.twoSided(5) - 2 * 174437.0 / 1073741824.0) < 1e-15)
        #expect(d.twoSided(15) == 1)
        #expect(d.support == 0...30)
        #expect(CountDistribution.hypergeometric(population: 10, successes: 3, draws: 5).support == 0...3)
    }

    @Test("percentiles interpolate between order statistics at (n − 1)·q, as numpy's default")
    func percentiles() {
        // numpy.percentile([1, 2, 4, 8, 16], [5, 50, 95]) = [1.2, 4.0, 14.4]
        let s = Spread([16, 1, 8, 2, 4])!
        #expect(abs(s.p5 - 1.2) < 1e-12 && s.median == 4 && abs(s.p95 - 14.4) < 1e-12)
        #expect(Spread([]) == nil)
    }

    @Test("SplitMix64 from seed 0 gives the reference generator's first outputs")
    func splitMix() {
        var rng = SplitMix(0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("a sweep's text: seats or percentages, up or down, the far end always asked")
    func sweeps() {
        let up = BoundSweep.parse("1:min=0..12")!
        #expect(up.steps.count == 13 && up.side == .min && up.row == "1")
        #expect(BoundSweep.parse("3[WEOG]:max=20..10")!.steps.count == 11)
        let stepped = BoundSweep.parse("1:min=0..10/3")!
        #expect(stepped.steps.last == .setBound(row: "1", side: .min, value: 10) && stepped.steps.count == 5)
        let shares = BoundSweep.parse("1:min=30%..40%/2.5%")!
        #expect(shares.steps.count == 5 && shares.steps[1] == .setShare(row: "1", side: .min, share: .percent(numerator: 3250, denominator: 10_000)))
        for bad in ["1:min=0", "1:mid=0..3", "min=0..3", "1:min=0..3%", "1:min=0..2000000", "1:min=0..5000/0"] { #expect(BoundSweep.parse(bad) == nil, "\(bad)") }
    }
}
