// The solver Seatwise solves with: GLPK, behind the SolverBackend protocol. The one file of the library
// that names it; every algorithm takes sessions from here.

@_exported import SeatwiseSolver
import SeatwiseGLPK

/// The backend every round, explanation and diagnosis uses.
let solverBackend: any SolverBackend = GLPKBackend()
