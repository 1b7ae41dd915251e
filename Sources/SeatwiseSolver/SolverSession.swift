// The one interface between Seatwise's algorithms and an integer-programming solver: a live problem
// built from an IntegerProgram whose bounds and objective move between solves (warm from the last basis).
// Staged solves, explanations and diagnoses talk to this protocol only; GLPK is its implementation.

/// A solver's live copy of one `IntegerProgram`. Rows are numbered as `RowIndex` (the program's rows
/// first, then rows added here); columns as `ColumnIndex`. A session belongs to the thread that made it.
public protocol SolverSession: AnyObject {
    /// The program's variable count.
    var columnCount: Int { get }
    /// Replaces the objective (every later solve optimises it).
    func setObjective(_ objective: IntegerProgram.Objective) throws
    /// Replaces the objective with real weights, one per column (a column generation's pricing problem,
    /// whose weights are an LP's dual values).
    func setWeights(_ weights: [Double], minimize: Bool) throws
    /// Adds a row with optional bounds (nil: none on that side) and returns its index.
    @discardableResult
    func addRow(terms: [IntegerProgram.Term], lower: Int?, upper: Int?) throws -> RowIndex
    /// Sets a row's bounds; a row with neither bound is free (it keeps the basis valid).
    func setRowBounds(_ row: RowIndex, lower: Int?, upper: Int?) throws
    /// Sets a column's bounds.
    func setColumnBounds(_ column: ColumnIndex, lower: Int, upper: Int) throws
    /// Solves the integer program within `deadline` (`Deadline.now()` seconds), warm from the last basis
    /// unless `cold`. Throws `SolverError.cancelled` when `cancel` was raised.
    func solve(deadline: Double?, cancel: SolverCancellation?, cold: Bool) throws -> SolveOutcome
    /// The integer value of every column at the last integer solution.
    func values() throws -> [Int]
    /// The optimum of the LP relaxation of the current objective: a bound on every integer point.
    func relaxationBound(deadline: Double?, cancel: SolverCancellation?) throws -> RelaxationBound
    /// The LP relaxation's optimum and, per column, its reduced cost where nonbasic; nil with no optimum.
    func reducedCosts() throws -> ReducedCosts?
    /// Whether the LP relaxation proves `point` the only optimum of the current objective. False means
    /// "not proved", never "not unique".
    func lpProvesUnique(_ point: [Int]) throws -> Bool
    /// Turns the solver's scaling of rows and columns on or off (a numerical aid, not a change of problem).
    func setScaling(_ on: Bool) throws
}

extension SolverSession {
    public func solve(deadline: Double?, cancel: SolverCancellation? = nil) throws -> SolveOutcome {
        try solve(deadline: deadline, cancel: cancel, cold: false)
    }
}

/// What one integer solve ended with.
public struct SolveOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        case optimal
        /// The search stopped early with a feasible point.
        case feasible
        case infeasible
        /// The search stopped early with no feasible point.
        case unknown
    }
    public var status: Status
    public var objective: Double
    /// The best bound proved, when the search stopped early.
    public var bound: Double?
    public var stoppedByDeadline: Bool
    /// In words, why the search ended early; empty when it finished.
    public var detail: String

    public init(status: Status, objective: Double, bound: Double?, stoppedByDeadline: Bool, detail: String) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.stoppedByDeadline = stoppedByDeadline
        self.detail = detail
    }
}

/// The LP relaxation's answer: infeasible, or its optimum (nil when the deadline ended it first).
public struct RelaxationBound: Sendable {
    public var infeasible: Bool
    public var bound: Double?
    public init(infeasible: Bool, bound: Double?) {
        self.infeasible = infeasible
        self.bound = bound
    }
}

/// The LP relaxation's optimum and each column's reduced cost: for a nonbasic column, the bound it sits
/// at and the rate at which moving it off that bound worsens the relaxation (nil when basic). Moving a
/// nonbasic column to its other bound worsens the relaxation, and so every integer point, by at least
/// |cost|.
public struct ReducedCosts: Sendable {
    public var objective: Double
    public var costs: [(at: Int, cost: Double)?]
    public init(objective: Double, costs: [(at: Int, cost: Double)?]) {
        self.objective = objective
        self.costs = costs
    }
}

/// Makes sessions and the threads they run on. A backend may need per-thread set-up (a memory cap) and
/// clean-up (freeing the thread's solver state); work on another thread goes through `run`.
public protocol SolverBackend: Sendable {
    /// The solver's name and version, for provenance.
    var version: String { get }
    /// A session for `program`, owned by the calling thread.
    func session(for program: IntegerProgram) throws -> any SolverSession
    /// Applies the budget's per-thread settings (the memory cap) to the calling thread.
    func prepareThread(_ budget: SolveBudget) throws
    /// A linear program grown by columns, owned by the calling thread: `rows` with optional bounds
    /// (nil: none on that side), maximised or minimised.
    func linearSession(rows: [(lower: Double?, upper: Double?)], maximize: Bool) throws -> any LinearSession
    /// Frees the calling thread's solver state; for a thread of our own that is about to end, after its
    /// sessions are gone.
    func finishThread()
    /// Runs `work(k)` for k in 0..<count, each on a thread of its own prepared for `budget`, waits for
    /// all, and rethrows the first error by index. Sessions made in `work` must not outlive it.
    func run(_ count: Int, budget: SolveBudget, _ work: @escaping @Sendable (Int) throws -> Void) throws
}

/// A continuous linear program that grows between solves (the master problem of a column generation,
/// written as its dual, so that each new panel is a new row): each solve starts from the last basis,
/// by the dual simplex method. Belongs to the thread that made it.
public protocol LinearSession: AnyObject {
    /// Adds a column with its objective coefficient, bounds (nil upper: none) and nonzero entries by row
    /// (0-based); returns its index (0-based).
    @discardableResult
    func addColumn(cost: Double, lower: Double, upper: Double?, entries: [(row: Int, value: Double)]) throws -> Int
    /// Adds a row with its nonzero entries by column (0-based) and optional bounds; returns its index.
    @discardableResult
    func addRow(entries: [(column: Int, value: Double)], lower: Double?, upper: Double?) throws -> Int
    /// Replaces the objective's coefficients, one per column.
    func setObjective(_ costs: [Double]) throws
    /// Sets a row's bounds (nil: none on that side).
    func setRowBounds(_ row: Int, lower: Double?, upper: Double?) throws
    /// Sets a column's bounds (nil upper: none).
    func setColumnBounds(_ column: Int, lower: Double, upper: Double?) throws
    /// Solves to optimality (or the deadline); throws `SolverError.cancelled` when `cancel` was raised.
    func solve(deadline: Double?, cancel: SolverCancellation?) throws -> LinearOutcome
    /// Every column's value and every row's dual value at the last solve (the objective's rate of change
    /// per unit of the row's bound).
    func solution() throws -> (primal: [Double], dual: [Double])
}

/// What one LP solve ended with.
public struct LinearOutcome: Sendable {
    public enum Status: Sendable, Equatable { case optimal, infeasible, unbounded, stopped }
    public var status: Status
    public var objective: Double
    public init(status: Status, objective: Double) {
        self.status = status
        self.objective = objective
    }
}
