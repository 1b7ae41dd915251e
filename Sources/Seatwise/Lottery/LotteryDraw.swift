// The verifiable draw: the lottery rounded to one of N tickets (each panel a whole number of them, listed
// in canonical order), and one ticket chosen as RFC 3797 chooses — the MD5 of the values published after
// the distribution (lottery numbers, say), read as a number, modulo N — so that anyone can recompute the
// panel drawn from the published values and the ticket list alone.

import Foundation

public struct LotteryDraw: Sendable {
    public struct Entry: Sendable {
        /// Nominee indices, as in the distribution.
        public var panel: [Int]
        public var tickets: Int
        /// The panel's tickets are `first ... first + tickets − 1` (counted from 1).
        public var first: Int
    }

    public static let defaultTickets = 1000

    /// The panels with at least one ticket, in canonical order.
    public var lottery: [Entry]
    public var tickets: Int
    /// The largest change rounding makes to anyone's chance of a seat.
    public var largestChange: Double
    /// The published values, source by source, as the key uses them; nil until drawn.
    public var sources: [[String]]?
    /// RFC 3797's key ("9.18.27./3.12./"), the MD5 digest in hex, the ticket drawn and its panel.
    public var key: String?
    public var digest: String?
    public var ticket: Int?
    public var panel: [Int]?

    /// The lottery of `tickets` tickets for `result`, not yet drawn. The seat-count patterns are rounded
    /// to whole tickets (largest remainders); each ticket of a pattern seats its count of each class with
    /// the class's members taken in turn (by id, carrying on from ticket to ticket), so everyone in a class
    /// holds the same number of tickets, give or take one, however many panels the exact distribution
    /// spreads them over. Tickets that seat the same people are one entry.
    public init(_ result: LotteryResult, tickets: Int = LotteryDraw.defaultTickets) {
        self.tickets = tickets
        let nominees = result.input.nominees
        var held: [[Int]: Int] = [:]
        var next = [Int](repeating: 0, count: result.classMembers.count)
        for (pattern, count) in zip(result.patterns, Self.shares(result.patterns.map(\.probability), tickets)) {
            for _ in 0..<count {
                var panel: [Int] = []
                for (c, seated) in pattern.counts.enumerated() where seated > 0 {
                    let people = result.classMembers[c]
                    for k in 0..<seated { panel.append(people[(next[c] + k) % people.count]) }
                    next[c] = (next[c] + seated) % people.count
                }
                held[panel.sorted { nominees[$0].id < nominees[$1].id }, default: 0] += 1
            }
        }
        var entries: [Entry] = [], first = 1
        for panel in held.keys.sorted(by: { FairLottery.lexicographic(nominees, $0, $1) }) {
            entries.append(Entry(panel: panel, tickets: held[panel]!, first: first))
            first += held[panel]!
        }
        lottery = entries
        var rounded = [Double](repeating: 0, count: result.probabilities.count)
        for e in entries { for i in e.panel { rounded[i] += Double(e.tickets) / Double(tickets) } }
        largestChange = nominees.indices.map { abs(rounded[$0] - result.probabilities[$0]) }.max() ?? 0
    }

    /// Whole tickets for probabilities summing to 1: largest remainders, a tie (equal but for the solver's
    /// rounding: shares are compared in millionths of a ticket) going to the earlier one.
    static func shares(_ probabilities: [Double], _ tickets: Int) -> [Int] {
        let exact = probabilities.map { ($0 * Double(tickets) * 1e6).rounded() / 1e6 }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var left = tickets - counts.reduce(0, +)
        for k in order where left > 0 { counts[k] += 1; left -= 1 }
        return counts
    }

    /// The smallest chance of a seat in the ticket lottery, among those `result` decides about.
    public func smallestChance(_ result: LotteryResult) -> Double {
        var chance = [Double](repeating: 0, count: result.probabilities.count)
        for e in lottery { for i in e.panel { chance[i] += Double(e.tickets) / Double(tickets) } }
        return result.eligible.map { chance[$0] }.min() ?? 1
    }

    /// Parses the published values: sources separated by `/`, values in a source by spaces or commas;
    /// each a whole number (RFC 3797 §4 sorts them and writes them in decimal).
    public static func sources(_ text: String) throws -> [[String]] {
        var problems: [String] = []
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        // One trailing slash (as the key is written) ends the last source; any other empty source is a slip.
        if parts.count > 1, parts.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { parts.removeLast() }
        let sources = parts.enumerated().map { k, source -> [String] in
                let values = source.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
                if values.isEmpty { problems.append("source \(k + 1) is empty: sources are separated by / and each holds numbers") }
                let numbers = values.compactMap { v -> UInt64? in
                    guard v.allSatisfy(\.isASCII), v.allSatisfy(\.isNumber), let n = UInt64(v) else {
                        let kind = v.allSatisfy({ $0.isASCII && $0.isNumber }) ? "is too large (up to \(UInt64.max))" : "is not a whole number"
                        problems.append("source \(k + 1): \(Quote.value(v)) \(kind)")
                        return nil
                    }
                    return n
                }
                return numbers.sorted().map(String.init)
            }
        if text.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("no values: give the published numbers, sources separated by /") }
        guard problems.isEmpty else { throw InputError(problems.map { InputDiagnostic(file: "--draw", message: $0) }) }
        return sources
    }

    /// RFC 3797's key: every source's values in ascending order, each followed by ".", each source by "/".
    public static func key(_ sources: [[String]]) -> String {
        sources.map { $0.map { $0 + "." }.joined() + "/" }.joined()
    }

    /// The first selection of RFC 3797 from `count` items: MD5(0x0000 ‖ key ‖ 0x0000) as a 128-bit
    /// big-endian number, modulo `count` (0-based); and the digest in hex.
    public static func select(key: String, count: Int) -> (index: Int, digest: String) {
        let digest = MD5.digest([0, 0] + Array(key.utf8) + [0, 0])
        var remainder = 0
        for byte in digest { remainder = (remainder * 256 + Int(byte)) % count }
        return (remainder, digest.map { String(format: "%02x", $0) }.joined())
    }

    /// Draws the ticket from the published `values` and names its panel.
    public mutating func draw(_ values: String) throws {
        let sources = try Self.sources(values)
        let key = Self.key(sources)
        let (index, digest) = Self.select(key: key, count: tickets)
        self.sources = sources
        self.key = key
        self.digest = digest
        ticket = index + 1
        panel = lottery.first { index + 1 >= $0.first && index + 1 < $0.first + $0.tickets }?.panel
    }
}
