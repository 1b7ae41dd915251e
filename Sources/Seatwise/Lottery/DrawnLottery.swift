// A round's lottery as it is published: the fairest distribution, its ticket lottery, the draw when values
// are given (the policy's `lottery:` settings unless the caller gives its own), and, when no panel meets
// the rules, the clashing rules. The one path for `seatwise lottery`, `select` on a lottery policy and the
// workbench.

public struct DrawnLottery: Sendable {
    public var result: LotteryResult
    /// The ticket lottery, drawn when values were given; nil when no panel meets the rules.
    public var draw: LotteryDraw?
    /// When no panel meets the rules: each clash the diagnosis finds, with its rules.
    public var conflicts: [ConflictReport]
    /// The clashes in words: what each says, then its rules.
    public var conflictWords: [String] { conflicts.map { ([$0.message.description] + $0.labels).joined(separator: " — ") } }

    /// Bad draw values are bad input (`InputError`) before anything is solved.
    public init(_ round: Round, method: LotteryMethod?, values given: String?, tickets: Int = LotteryDraw.defaultTickets,
                budget: SolveBudget = .unlimited) throws {
        let settings = round.input.policy.lottery
        let values = given ?? settings?.draw
        if let values { _ = try LotteryDraw.sources(values) }
        try self.init(try FairLottery.run(round, method: method ?? settings?.method ?? .leximin, budget: budget), of: round,
                      values: values, tickets: tickets, budget: budget)
    }

    /// A lottery already solved (`verify` re-solves it first), its tickets and, with `values`, its draw.
    public init(_ result: LotteryResult, of round: Round, values: String?, tickets: Int = LotteryDraw.defaultTickets,
                budget: SolveBudget = .unlimited) throws {
        self.result = result
        draw = nil
        conflicts = []
        if result.status == .infeasible {
            // The diagnosis of the same rules names the clash, as `select` would.
            conflicts = try Diagnoser.diagnose(try round.solve(budget: budget), repair: false, budget: budget).conflicts
        } else {
            draw = LotteryDraw(result, tickets: tickets)
            if let values { try draw?.draw(values) }
        }
    }

    public func render(_ format: ReportFormat) throws -> String {
        try LotteryReport.render(result, draw: draw, format: format, conflicts: conflictWords)
    }
}
