// The seeded order that decides between equally good panels: each nominee's weight depends on the
// seed and the nominee's id only, never on the row order of the file.

public struct TieBreakOrder: Sendable {
    /// weights[i] for nominee i: 1 = most preferred among ties.
    public let weights: [Int]

    public init(seed: UInt64, ids: [String]) {
        let mixedSeed = TieBreakOrder.mix(seed)
        let keys = ids.map { id -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the id's UTF-8 bytes
            for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return TieBreakOrder.mix(hash ^ mixedSeed)
        }
        let order = ids.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : ids[$0] < ids[$1] }
        var weights = [Int](repeating: 0, count: ids.count)
        for (position, i) in order.enumerated() { weights[i] = position + 1 }
        self.weights = weights
    }

    /// SplitMix64's finaliser: a bijective mix, so distinct inputs stay distinct.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
