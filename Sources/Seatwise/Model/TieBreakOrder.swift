// The seeded preference that decides between equally good panels: each nominee's weight is a function
// of the seed and the nominee's id alone, so neither row order nor the other nominees change it, and a
// group decides its ties the same way alone (independent mode) as within the body (coordinated mode).

public struct TieBreakOrder: Sendable {
    /// weights[i] for nominee i, in 1...2^20: the tie-break minimises the seated members' total.
    public let weights: [Int]

    /// `salt` 0 is the order itself; salts 1, 2, … give further orders drawn from the same seed, used
    /// only when two panels tie under every earlier one (see `StagedProblem`).
    public init(seed: UInt64, ids: [String], salt: UInt64 = 0) {
        let mixedSeed = TieBreakOrder.mix(seed) ^ (salt == 0 ? 0 : TieBreakOrder.mix(salt &* 0x5851_f42d_4c95_7f2d))
        weights = ids.map { id in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the id's UTF-8 bytes
            for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            // 20 bits keep any panel's total far below 2^53, exact in GLPK's doubles.
            return Int(TieBreakOrder.mix(hash ^ mixedSeed) >> 44) + 1
        }
    }

    /// SplitMix64's finaliser: a bijective mix, so distinct inputs stay distinct.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
