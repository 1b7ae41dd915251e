// The nominations reader: headers, derived region and development, statuses, and every problem
// reported with line, column and column name.

import Testing
@testable import Seatwise

@Suite("Nominations reader")
struct NominationsReaderTests {
    @Test("a well-formed file: case-insensitive headers, derived attributes, custom columns")
    func wellFormed() throws {
        let good = try Fixtures.readNominations("""
        ID , Name,GROUP,gender,country,rank,status,terms,organization,Language
        a1,Ana Lind,government,Female,KE,1,,,,Swahili
        a2,"Bo, Jr.",Civil Society,male,Côte d'Ivoire,,continuing,2,Open Net,French
        a3,Cy Dar,Civil Society,non-binary,ivory coast,2,withdrawn,0,,
        """)
        #expect(good.count == 3)
        #expect(good[0].group == "Government")
        #expect(good[0].country == "KEN" && good[0].region == "African" && good[0].development == "developing")
        #expect(good[0].key(of: "gender") == "female")
        #expect(good[0].attributes["language"] == "Swahili")
        #expect(good[1].name == "Bo, Jr." && good[1].rank == nil && good[1].status == .continuing && good[1].terms == 2)
        #expect(good[1].country == "CIV" && good[2].country == "CIV")
        #expect(good[1].attributes["organization"] == "Open Net")
        #expect(good[2].status == .withdrawn)
    }

    @Test("every problem is listed with line, column and column name")
    func everyProblem() {
        let problems = Fixtures.diagnostics {
            _ = try Fixtures.readNominations("""
            id,name,group,gender,country,rank,status,terms
            a1,Ana,Government,female,KE,0,,
            a1,Bo,Nowhere,male,KE,1.5,retired,-1
            ,Cy,Government,,Atlantis,99999999,,
            a4,Di,Government,male,KE
            """)
        }
        func has(_ line: Int, _ key: String?, _ fragment: String) -> Bool {
            problems.contains { $0.line == line && $0.key == key && $0.message.contains(fragment) && $0.file == "test.csv" }
        }
        #expect(has(2, "rank", "not a positive whole number"))
        #expect(has(3, "id", "used twice (first on line 2)"))
        #expect(has(3, "group", "not a group of the policy"))
        #expect(has(3, "rank", "'1.5'"))
        #expect(has(3, "status", "'retired'"))
        #expect(has(3, "terms", "'-1'"))
        #expect(has(4, "id", "blank"))
        #expect(has(4, "gender", "blank"))
        #expect(has(4, "country", "not in the country table"))
        #expect(has(4, "rank", "too large"))
        #expect(has(5, nil, "5 fields, the header has 8"))
        #expect(problems.first { $0.key == "rank" && $0.line == 2 }?.column == 29)
        #expect(problems.count == 11)
    }

    @Test("missing and duplicate headers, empty files, header-only files")
    func headers() {
        #expect(Fixtures.diagnostics { _ = try Fixtures.readNominations("id,name,gender\nx,y,z\n") }
            .contains { $0.message.contains("missing required columns: group, country") })
        #expect(Fixtures.diagnostics { _ = try Fixtures.readNominations("id,name,group,gender,country,Name\n") }
            .contains { $0.key == "name" && $0.column == 30 && $0.message.contains("appears twice") })
        #expect(Fixtures.diagnostics { _ = try Fixtures.readNominations("") }.first?.message.contains("empty") == true)
        #expect(Fixtures.diagnostics { _ = try Fixtures.readNominations("id,name,group,gender,country\n") }
            .first?.message.contains("no nominees") == true)
    }

    @Test("a country outside the table needs region and development")
    func unknownCountry() throws {
        let nominees = try Fixtures.readNominations("""
        id,name,group,gender,country,region,development
        a,Ana,Government,female,Atlantis,weog,Developed
        b,Bo,Government,male,Antarctica,African,developing
        """)
        #expect(nominees[0].country == "ATLANTIS" && nominees[0].region == "WEOG" && nominees[0].development == "developed")
        #expect(nominees[1].region == "African")
        let problems = Fixtures.diagnostics {
            _ = try Fixtures.readNominations("id,name,group,gender,country\nb,Bo,Government,male,Antarctica\n")
        }
        #expect(problems.contains { $0.message.contains("no UN regional group") })
    }

    @Test("the country table resolves codes, names and common names")
    func countryLookup() {
        let t = Fixtures.countries
        #expect(t.records.count == 250)
        #expect(t.lookup("DE")?.iso3 == "DEU" && t.lookup("deu")?.iso3 == "DEU" && t.lookup("Germany")?.iso3 == "DEU")
        #expect(t.lookup("Türkiye")?.iso3 == "TUR" && t.lookup("Turkey")?.iso3 == "TUR")
        #expect(t.lookup("Cote d’Ivoire")?.iso3 == "CIV" && t.lookup("Ivory Coast")?.iso3 == "CIV")
        #expect(t.lookup("Bolivia")?.region == "GRULAC" && t.lookup("United States")?.region == "WEOG")
        #expect(t.lookup("Russia")?.development == "economy_in_transition")
        #expect(t.lookup("Puerto Rico")?.region == "GRULAC", "territories take the group of their geography")
        #expect(t.lookup("Narnia") == nil)
    }
}
