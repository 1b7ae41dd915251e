// `seatwise plan`: the renewal calendar: who the term limit sends out each year and the seats that open
// per group; with --even, a proposal of early rotations that evens each group's turnover.

import ArgumentParser
import Foundation
import Seatwise

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "The next renewals: who leaves each year and the seats that open.")

    @OptionGroup var roster: RosterOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .unconditional, help: "How many renewals to project (1 = the coming one).")
    var years: Int

    @Flag(name: .long, help: "Also propose early rotations that make each group's turnover as even across the years as the term limits allow.")
    var even = false

    @Option(name: .long, parsing: .unconditional, help: "With --even: how many years early a member may be rotated out (default 2).")
    var maxEarly: Int = 2

    @Option(name: .long, parsing: .unconditionalSingleValue, help: "Members who have announced that they leave at the coming renewal (comma-separated ids; repeatable).")
    var leaving: [String] = []

    @Option(name: .long, help: "The reason the announced departures give, for the report.")
    var reason: String?

    @Option(name: .long, parsing: .unconditional, help: "Seed that decides between equally even proposals (overrides the policy's tie_break.seed).")
    var seed: UInt64?

    func validate() throws {
        if years < 1 || years > 50 { throw ValidationError("--years must be a whole number from 1 to 50") }
        if maxEarly < 1 || maxEarly > 10 { throw ValidationError("--max-early must be a whole number from 1 to 10") }
    }

    func run() throws {
        let body = try roster.load(try roster.table())
        let budget = SolveBudget(seconds: nil, cancellation: Interrupt.cancellation())
        let announced = try body.members(idList(leaving), option: "--leaving")
        let plan = try body.plan(years: years, even: even, maxEarly: maxEarly, seed: seed, leaving: announced, reason: reason, budget: budget)
        // As `vacancies`: a group that still holds more members than seats once the first renewal's leavers
        // are gone has no calendar; say how many more must leave (exit 1, nothing written).
        let leavingFirst = Set(plan.years.first?.leaving ?? [])
        var held: [String: Int] = [:]
        for (i, member) in body.members.enumerated() where !leavingFirst.contains(i) { held[member.group, default: 0] += 1 }
        let overfull = body.policy.groups.compactMap { group -> String? in
            let (count, seats) = (held[group] ?? 0, body.policy.seats(of: group))
            return count > seats ? "\(group) keeps \(count) members for \(seats) seat\(seats == 1 ? "" : "s"): \(count - seats) more must leave" : nil
        }
        if !overfull.isEmpty {
            Console.error(overfull.map { "error: " + VisibleText.escaped($0) }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        try output.emit(try PlanReport.render(plan, format: output.format), inputs: roster.inputPaths, kind: "the renewal calendar")
    }
}
