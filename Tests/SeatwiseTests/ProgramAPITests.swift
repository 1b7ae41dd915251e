// The solver-neutral program as a library user sees it (plain imports, no @testable): built with the
// public initialisers and solved through the SolverSession protocol; checked against brute force.

import Seatwise
import SeatwiseGLPK
import Testing

@Suite("The program API")
struct ProgramAPITests {
    @Test("a user-built program solves to its brute-force optimum, in stages, with typed rows and columns")
    func userProgram() throws {
        var program = IntegerProgram()
        program.variables = (0..<5).map { .init(name: "x\($0)", label: "", lower: 0, upper: 1) }
        program.rows = [
            .init(name: "pick", label: "pick three", terms: (0..<5).map { .init(variable: $0, coefficient: 1) }, sense: .equal, rhs: 3),
            .init(name: "cap", label: "at most one of x0, x1", terms: [.init(variable: 0, coefficient: 1), .init(variable: 1, coefficient: 1)], sense: .atMost, rhs: 1),
        ]
        let cost = [1, 1, 4, 2, 2], order = [5, 4, 3, 2, 1]
        program.objectives = [.init(label: "cost", minimize: true, coefficients: cost), .init(label: "order", minimize: true, coefficients: order)]
        // Brute force: every 0-1 point meeting both rows, best by cost, then order.
        var best: ([Int], Int, Int)?
        for mask in 0..<32 {
            let x = (0..<5).map { (mask >> $0) & 1 }
            guard x.reduce(0, +) == 3, x[0] + x[1] <= 1 else { continue }
            let c = zip(x, cost).map(*).reduce(0, +), o = zip(x, order).map(*).reduce(0, +)
            if best == nil || (c, o) < (best!.1, best!.2) { best = (x, c, o) }
        }
        let staged = try StagedProblem(program, backend: GLPKBackend())
        let solution = try staged.solve()
        #expect(solution.status == .optimal && solution.values == best?.0 && solution.stageValues == [best!.1, best!.2])
        // Move a bound through the protocol: forbid column 3, then restore.
        try staged.force(ColumnIndex(3), to: 0)
        #expect(try staged.solve().values?[3] == 0)
        try staged.force(ColumnIndex(3), to: nil)
        try staged.setRowBounds(RowIndex(1), lower: nil, upper: 0)
        #expect(try staged.solve().values.map { $0[0] + $0[1] } == 0)
        try staged.restoreRow(RowIndex(1))
        #expect(try staged.solve().values == best?.0)
    }
}
