// Which unseated nominees some panel meeting every enforced rule can seat: the one judgement that the
// reserve list and the explanations share, so a nominee the reserve calls in is never one `explain`
// calls unseatable. A one-for-one swap with a member who may leave proves it without a solver; for the
// rest, the selection program is solved with the nominee forced in (and every nominee that panel seats
// is seatable too).

import SeatwiseSolver

public final class Seatability {
    public let result: SelectionResult
    private var known: [Int: Bool] = [:]
    private var models: [SelectionModel]?
    private var modelOf: [Int: (model: Int, column: Int)] = [:]
    private var problems: [Int: StagedProblem] = [:]

    /// Seatable by a swap: an unseated nominee who can take the seat of a member who is not fixed in,
    /// everyone else staying and every enforced row still met.
    public init(_ result: SelectionResult) {
        self.result = result
        let nominees = result.input.nominees
        let seated = result.isSeated
        let enforced = result.quotas.filter(\.enforced).map(\.row)
        let counts = enforced.map { row in row.members.reduce(0) { $0 + (seated[$1] ? 1 : 0) } }
        var rowsOf = [[Int]](repeating: [], count: nominees.count)
        for (r, row) in enforced.enumerated() { for i in row.members { rowsOf[i].append(r) } }
        var byGroup: [String: [Int]] = [:]
        for i in nominees.indices where !seated[i] && !result.standings[i].isFixedOut { byGroup[nominees[i].group, default: []].append(i) }
        for m in result.seated where !result.standings[m].isFixedIn {
            for u in byGroup[nominees[m].group] ?? [] where known[u] == nil {
                let fits = Set(rowsOf[m] + rowsOf[u]).allSatisfy { r in
                    let delta = (rowsOf[u].contains(r) ? 1 : 0) - (rowsOf[m].contains(r) ? 1 : 0)
                    return delta == 0 || enforced[r].admits(counts[r] + delta)
                }
                if fits { known[u] = true }
            }
        }
    }

    /// Whether some valid panel seats nominee `i`; solves (on this thread) when no swap has told.
    public func isSeatable(_ i: Int, budget: SolveBudget = .unlimited) throws -> Bool {
        if result.isSeated[i] { return true }
        if result.standings[i].isFixedOut { return false }
        if let answer = known[i] { return answer }
        if models == nil {
            try result.context.backend.prepareThread(budget)
            let built = result.context.models(mode: result.mode)
            for (k, model) in built.enumerated() { for (j, n) in model.columns.enumerated() { modelOf[n] = (k, j) } }
            models = built
        }
        guard let (k, j) = modelOf[i], let models else { return false }
        let problem = try problems[k] ?? StagedProblem(models[k].program, backend: models[k].backend)
        problems[k] = problem
        try problem.force(ColumnIndex(j), to: 1)
        defer { try? problem.force(ColumnIndex(j), to: nil) }
        let solution = try problem.solve(budget: budget, stages: 1)
        guard let values = solution.values else {
            if solution.status == .timeLimit { throw SolverError.noAnswer("the time limit ended before every nominee was checked for a seat") }
            known[i] = false
            return false
        }
        for (c, v) in values.enumerated() where v == 1 { known[models[k].columns[c]] = true }
        return true
    }
}
