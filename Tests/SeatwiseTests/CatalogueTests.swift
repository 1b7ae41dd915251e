// The wording layer: every message kind has words in every catalogue, and its words use exactly the
// parameters the kind declares (a template that names a missing parameter, or leaves one unsaid, fails).

import Foundation
import Testing
@testable import Seatwise

@Suite("Catalogue")
struct CatalogueTests {
    static let catalogues = Language.allCases.map(\.catalogue)

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

    @Test("every counted noun in another language gives both its forms, and every term keeps its phrase's parameters")
    func countedNouns() {
        for catalogue in Self.catalogues where catalogue.language != "en" {
            for (code, template) in catalogue.templates {
                for field in Self.fields(template) where field.contains("#") {
                    #expect(field.split(separator: "#")[1].contains("|"), "\(catalogue.language) \(code.rawValue): {\(field)} needs its singular and plural")
                }
            }
            for (english, words) in catalogue.terms {
                #expect(Catalogue.placeholders(words) == Catalogue.placeholders(english), "\(catalogue.language) term \(english)")
            }
        }
    }

    static func fields(_ template: String) -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    @Test("French and Spanish count, order and hide as their languages do")
    func otherLanguages() {
        let seats = { (n: Int) in Message(.adjustedGroupSeats, ["group": .text("Civil Society"), "seats": .number(n), "old": .number(10)]) }
        Catalogue.$current.withValue(.french) {
            #expect(seats(1).description.contains("1 siège ") && seats(0).description.contains("0 siège ") && seats(2).description.contains("2 sièges"))
            #expect(Message(.person, ["nominee": .hiddenNominee, "group": .text("G"), "rank": .rank(1)]).description.contains("1er"))
        }
        Catalogue.$current.withValue(.spanish) {
            #expect(seats(1).description.contains("1 puesto ") && seats(0).description.contains("0 puestos") && seats(2).description.contains("2 puestos"))
            #expect(Message(.person, ["nominee": .hiddenNominee, "group": .text("G"), "rank": .rank(3)]).description.contains("3.º"))
        }
        #expect(Language.preferred("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5") == .fr)
        #expect(Language.preferred("de-DE,de;q=0.9,es;q=0.8,en;q=0.7") == .es)
        #expect(Language.preferred("en;q=0, fr;q=0.1") == .fr && Language.preferred("de, ja") == nil)
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

    @Test("a message is stored as its facts and read back the same, nested parts, lists and hidden nominees included")
    func storedForm() throws {
        let person = Message(.person, ["nominee": .nominee(id: "G-1", name: "Ana Ruiz"), "group": .text("Government"), "rank": .rank(3)])
        let unranked = Message(.person, ["nominee": .hiddenNominee, "group": .text("Civil Society"), "rank": .rank(nil)])
        let changes = Message(.changes, ["entering": .list([.message(person)]), "leaving": .list([.message(unranked)])])
        let said = Message(.explainWorseUnseated, ["lead": .message(Message(.leadBelowCut, ["group": .text("Government"), "rank": .rank(12)])),
                                                   "worse": .message(Message(.worseRankSum, ["delta": .number(2), "other": .number(40), "chosen": .number(38)])),
                                                   "changes": .message(changes),
                                                   "rules": .message(Message(.rulesAtLimit, ["rules": .clauses([.text("quota 1"), .alternatives([.text("A"), .text("B")])])]))])
        let data = try JSONEncoder().encode(said)
        #expect(try JSONDecoder().decode(Message.self, from: data) == said)
        #expect(said.nominees == ["G-1"])
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"nominee\":\"G-1\"") && json.contains("\"nominee\":null") && json.contains("\"rank\":null"))
        #expect(said.description.contains("Ana Ruiz [G-1] (Government, 3rd) in; a nominee [not named] (Civil Society, unranked) out"))
        #expect(said.hiding { $0 == "G-1" }.nominees.isEmpty)
    }

    @Test("a message stored by the earlier version (Swift's own enum coding) is still read")
    func earlierStoredForm() throws {
        let stored = #"{"code":"adjusted.exclude","parameters":{"group":{"text":{"_0":"Government"}},"nominee":{"nominee":{"id":"G-1","name":"Ana Ruiz"}}}}"#
        let message = try JSONDecoder().decode(Message.self, from: Data(stored.utf8))
        #expect(message == Message(.adjustedExclude, ["group": .text("Government"), "nominee": .nominee(id: "G-1", name: "Ana Ruiz")]))
        let hidden = #"{"code":"adjusted.seat","parameters":{"group":{"text":{"_0":"Government"}},"nominee":{"hiddenNominee":{}}}}"#
        #expect(try JSONDecoder().decode(Message.self, from: Data(hidden.utf8)).parameters["nominee"] == .hiddenNominee)
    }
}
