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
}
