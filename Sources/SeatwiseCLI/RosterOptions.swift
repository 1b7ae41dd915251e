// Options every command that reads the sitting body shares: the roster, its policy and the country table.

import ArgumentParser
import Foundation
import Seatwise

struct RosterOptions: ParsableArguments {
    @Argument(help: "The sitting body: the nominations format (CSV or .xlsx), one row per member, `terms` counting the current term.")
    var roster: String

    @Option(name: .long, help: "The worksheet to read when the roster is an .xlsx workbook (default: the first).")
    var sheet: String?

    @Option(name: .long, help: "The policy file (YAML).")
    var policy: String

    @Option(name: .long, help: "A country table to use instead of the bundled one (same columns).")
    var countries: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Past compositions (docs/guide/several-bodies.md, \"History\"): terms served and each country's past seats are computed from them.")
    var history: [String] = []

    func table() throws -> CountryTable {
        try countryTable(countries)
    }

    func load(_ table: CountryTable) throws -> Roster {
        try Roster.load(roster: roster, policy: policy, countries: table, sheet: sheet, history: history)
    }

    var inputPaths: [String] { [roster, policy] + history + (countries.map { [$0] } ?? []) }
}

/// A comma-separated list of member ids (`--leaving A1,B2`), repeatable.
func idList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
}
