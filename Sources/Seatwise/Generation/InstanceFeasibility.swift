// Whether a generated instance can be solved under its own policy: `generate` says so, and a study counts
// an infeasible pool as a finding, never as a failure of the tool.

public struct InstanceFeasibility: Sendable, CustomStringConvertible {
    /// The most nominees `generate` checks (a benchmark's instances are left to `select`).
    public static let largest = 10_000
    public var feasible: Bool
    /// The check ran out of time before a panel was found or ruled out.
    public var unsettled = false
    public var nominees: Int
    public var seats: Int

    /// Reads the instance as a file would be read, and solves it coordinated.
    public static func check(_ instance: InstanceGenerator.Instance, countries: CountryTable, budget: SolveBudget = .unlimited) throws -> InstanceFeasibility {
        let input = try instance.input(countries: countries)
        do {
            let result = try SelectionSolver.run(context: try Round(input: input).context(budget: budget), mode: .coordinated, budget: budget)
            return InstanceFeasibility(feasible: result.status != .infeasible, nominees: input.nominees.count, seats: input.policy.totalSeats)
        } catch SolverError.noAnswer where budget.isExpired {
            return InstanceFeasibility(feasible: true, unsettled: true, nominees: input.nominees.count, seats: input.policy.totalSeats)
        }
    }

    public var description: String {
        if unsettled { return "note: generated \(nominees) nominees for \(seats) seats; whether a panel meets the generated policy was not settled in time (`seatwise select` settles it)" }
        return feasible ? "generated \(nominees) nominees for \(seats) seats; a panel meets every rule of the generated policy"
            : "note: generated \(nominees) nominees for \(seats) seats, but no panel meets the generated policy (`seatwise select` names the conflicting rules)"
    }
}

extension InstanceGenerator.Instance {
    /// The instance read as its two files would be.
    public func input(countries: CountryTable) throws -> SelectionInput {
        try SelectionInput.load(nominations: InputFile(path: "nominations.csv", bytes: Array(nominationsCSV.utf8)),
                                policy: InputFile(path: "policy.yaml", bytes: Array(policyYAML.utf8)), countries: countries)
    }
}
