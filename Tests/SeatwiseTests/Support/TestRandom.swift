// A seeded random generator for reproducible random instances.

struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension TestRandom {
    /// A uniform integer in 0..<bound.
    mutating func int(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}
