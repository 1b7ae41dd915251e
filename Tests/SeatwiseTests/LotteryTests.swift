// The lottery's pieces as a library user calls them: MD5 on RFC 1321's test vectors, RFC 3797's key form,
// and a lottery whose probabilities add up. (Optimality against every valid panel, the draw recomputed with
// Python's hashlib, and verify are in Tests/crosscheck/test_lottery.py.)

import Testing
@testable import Seatwise

@Suite("Lottery")
struct LotteryTests {
    @Test("MD5 gives RFC 1321's test-suite digests")
    func md5() {
        let hex = { (s: String) in MD5.digest(Array(s.utf8)).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined() }
        #expect(hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
        #expect(hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test("RFC 3797's key: each source's numbers ascending, each followed by a full stop, each source by a slash")
    func key() throws {
        let sources = try LotteryDraw.sources("45 9, 27 / 12 3")
        #expect(LotteryDraw.key(sources) == "9.27.45./3.12./")
        #expect(throws: InputError.self) { try LotteryDraw.sources("1 / / 2") }
        #expect(throws: InputError.self) { try LotteryDraw.sources("-4") }
    }

    @Test("a lottery's probabilities add up, and each nominee's is the sum over their panels")
    func sums() throws {
        let result = try FairLottery.run(Round(input: TrustFixtures.organisationCap()), method: .leximin)
        #expect(result.status == .optimal)
        #expect(abs(result.distribution.reduce(0) { $0 + $1.probability } - 1) < 1e-9)
        for i in result.input.nominees.indices {
            let sum = result.distribution.filter { $0.panel.contains(i) }.reduce(0) { $0 + $1.probability }
            #expect(abs(sum - result.probabilities[i]) < 1e-9)
        }
        #expect(result.minimum > 0 && result.minimum <= result.upperBound + 1e-9)
    }

    @Test("count vectors become panels of people: each panel seats a count vector it came from, and everyone in a class gets the class's chance", arguments: 0..<40)
    func expansion(seed: Int) throws {
        try Solvers.glpk.prepareThread(.unlimited)
        var state = UInt64(seed + 1) &* 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        let sizes = (0..<(1 + next(5))).map { _ in 1 + next(9) }
        var members: [[Int]] = [], start = 0
        for n in sizes { members.append(Array(start..<(start + n))); start += n }
        var segments: [(counts: [Int], probability: Double)] = (0..<(1 + next(8))).map { _ in
            (sizes.map { next($0 + 1) }, Double(1 + next(1000)))
        }
        let total = segments.reduce(0) { $0 + $1.probability }
        segments = segments.map { ($0.counts, $0.probability / total) }
        let panels = try PanelExpansion.expand(segments, members: members)
        #expect(abs(panels.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
        let vectors = Set(segments.map(\.counts))
        for (panel, probability) in panels {
            #expect(probability > 0)
            #expect(Set(panel).count == panel.count)
            #expect(vectors.contains(members.map { m in m.filter(panel.contains).count }))
        }
        for (c, people) in members.enumerated() {
            let want = segments.reduce(0) { $0 + $1.probability * Double($1.counts[c]) } / Double(people.count)
            for i in people {
                let got = panels.filter { $0.panel.contains(i) }.reduce(0) { $0 + $1.probability }
                #expect(abs(got - want) < 1e-9, "member \(i) of class \(c): \(got) against \(want)")
            }
        }
        // A vertex shares most intervals whole: far fewer panels than even shares would make.
        #expect(panels.count <= sizes.reduce(0, +) * segments.count + segments.count)
    }
}
