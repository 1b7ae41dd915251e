// Whether a generated instance can be solved under its own policy: `generate` says so, and a study counts
// an infeasible pool as a finding, never as a failure of the tool.

public struct InstanceFeasibility: Sendable, CustomStringConvertible {
    public var feasible: Bool
    public var nominees: Int
    public var seats: Int

    /// Reads the instance as a file would be read, and solves it coordinated.
    public static func check(_ instance: InstanceGenerator.Instance, countries: CountryTable, budget: SolveBudget = .unlimited) throws -> InstanceFeasibility {
        let input = try instance.input(countries: countries)
        let result = try SelectionSolver.run(context: try Round(input: input).context(budget: budget), mode: .coordinated, budget: budget)
        return InstanceFeasibility(feasible: result.status != .infeasible, nominees: input.nominees.count, seats: input.policy.totalSeats)
    }

    public var description: String {
        feasible ? "generated \(nominees) nominees for \(seats) seats; a panel meets every rule of the generated policy"
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
