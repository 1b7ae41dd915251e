// The one JSON shape of an adjustment (docs/reference.md, "Adjustments"): each kind round-trips, the shape
// earlier versions stored still reads (their row numbers as `#N`), and bad values are refused.

import Foundation
import Testing
@testable import Seatwise

@Suite("Adjustment coding")
struct AdjustmentCodingTests {
    static let all: [Adjustment] = [.seat("MAG-010"), .exclude("MAG-013"), .setBound(row: "3[WEOG]", side: .max, value: 20),
                                    .setShare(row: "1", side: .min, share: .percent(numerator: 45, denominator: 100)),
                                    .groupSeats(group: "Civil Society", seats: 11)]

    @Test("every kind round-trips through its documented shape and through its command-line option")
    func roundTrip() throws {
        for adjustment in Self.all {
            let data = try JSONEncoder().encode(adjustment)
            #expect(try JSONDecoder().decode(Adjustment.self, from: data) == adjustment)
            #expect(Adjustment.parse(option: adjustment.option.name, value: adjustment.option.value) == adjustment)
        }
        let shown = try Self.all.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        #expect(shown[2].contains("\"set\":\"3[WEOG]\"") && shown[2].contains("\"max\":20"))
        #expect(shown[3].contains("\"min\":\"45%\""))
    }

    @Test("the shape earlier versions stored still reads, their row numbers kept as rows of the table")
    func legacy() throws {
        func decode(_ json: String) throws -> Adjustment { try JSONDecoder().decode(Adjustment.self, from: Data(json.utf8)) }
        #expect(try decode(#"{"seat":{"_0":"A-1"}}"#) == .seat("A-1"))
        #expect(try decode(#"{"exclude":{"_0":"A-2"}}"#) == .exclude("A-2"))
        #expect(try decode(#"{"setBound":{"row":"3","side":"min","value":2}}"#) == .setBound(row: "#3", side: .min, value: 2))
        #expect(try decode(#"{"groupSeats":{"group":"G","seats":4}}"#) == .groupSeats(group: "G", seats: 4))
    }

    @Test("malformed shapes are refused; numbers out of range are read, and judged by the one range check")
    func refused() throws {
        for json in [#"{"set":"1","min":1,"max":2}"#, #"{"set":"1","min":"101%"}"#, #"{"set":"1","min":"x"}"#, #"{"set":"1","min":true}"#, #"{"nothing":1}"#] {
            #expect(throws: DecodingError.self, "\(json)") { _ = try JSONDecoder().decode(Adjustment.self, from: Data(json.utf8)) }
        }
        for json in [#"{"set":"1","min":-1}"#, #"{"set":"1","max":1000001}"#, #"{"group":"G","seats":0}"#, #"{"set":"1","max":9223372036854775807}"#] {
            let adjustment = try JSONDecoder().decode(Adjustment.self, from: Data(json.utf8))
            #expect(adjustment.rangeProblem != nil, "\(json)")
        }
    }
}
