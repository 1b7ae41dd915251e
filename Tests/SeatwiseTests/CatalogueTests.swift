// The wording layer: every message kind has words in every catalogue, and its words use exactly the
// parameters the kind declares (a template that names a missing parameter, or leaves one unsaid, fails).

import Testing
@testable import Seatwise

@Suite("Catalogue")
struct CatalogueTests {
    static let catalogues = [Catalogue.english]

    @Test("every message kind has a template in every catalogue, using exactly its parameters")
    func complete() {
        for catalogue in Self.catalogues {
            for code in MessageCode.allCases {
                guard let template = catalogue.templates[code] else {
                    Issue.record("\(catalogue.language): no words for \(code.rawValue)")
                    continue
                }
                #expect(Catalogue.placeholders(template) == code.parameters, "\(catalogue.language) \(code.rawValue)")
            }
        }
    }

    @Test("counted nouns, nominees and hidden nominees are put in words")
    func rendering() {
        let seats = Message(.adjustedGroupSeats, ["group": .text("Civil Society"), "seats": .number(1), "old": .number(10)])
        #expect(seats.description == "adjusted: Civil Society has 1 seat instead of 10, by decision of the coordinator")
        var seat = Message(.adjustedSeat, ["group": .text("Government"), "nominee": .nominee(id: "G-1", name: "Ana Ruiz")])
        #expect(seat.description.contains("Ana Ruiz [G-1]") && seat.nominees == ["G-1"])
        seat.parameters["nominee"] = .hiddenNominee
        #expect(!seat.description.contains("G-1") && seat.description.contains("a nominee [not named]"))
    }
}
