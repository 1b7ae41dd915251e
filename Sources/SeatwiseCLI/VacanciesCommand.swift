// `seatwise vacancies`: the open-seat table for the call for nominations: who leaves and why, the seats
// each group fills, and the exact range of newcomers every rule allows.

import ArgumentParser
import Foundation
import Seatwise

struct VacanciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vacancies", abstract: "The seats a renewal opens, and the newcomers each rule allows.")

    @OptionGroup var roster: RosterOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .unconditionalSingleValue, help: "Members who have announced that they leave (comma-separated ids; repeatable).")
    var leaving: [String] = []

    @Option(name: .long, help: "The reason the announced departures give, for the report.")
    var reason: String?

    @Option(name: .long, parsing: .unconditional, help: "Stop after this many seconds (exit 3): the ranges are exact or not given.")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let table = try roster.table()
        let body = try roster.load(table)
        let announced = try body.members(idList(leaving), option: "--leaving")
        let budget = SolveBudget(seconds: timeLimit, cancellation: Interrupt.cancellation())
        let vacancies = try body.vacancies(leaving: announced, reason: reason, countries: table, budget: budget)
        try output.emit(try VacanciesReport.render(vacancies, format: output.format), inputs: roster.inputPaths, kind: "the open-seat table")
        // As `select`: no intake can keep the rules is exit 1, with the reasons in the report.
        if !vacancies.feasible { throw ExitCode(1) }
    }
}
