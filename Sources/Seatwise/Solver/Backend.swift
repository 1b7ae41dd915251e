// The solver Seatwise solves with: GLPK, behind the SolverBackend protocol. The one file of the library
// that names it; every algorithm takes sessions from here.

@_exported import SeatwiseSolver
import SeatwiseGLPK

/// The solvers Seatwise ships. A round takes its backend as a value (`Round.backend`), carried by its
/// context and models to every algorithm; GLPK is the default, and the conformance suite
/// (Tests/SeatwiseTests/SolverConformanceTests.swift) is what any other backend must pass.
public enum Solvers {
    public static let glpk: any SolverBackend = GLPKBackend()
}
