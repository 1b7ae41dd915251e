// Writes an IntegerProgram in CPLEX LP format, readable by glpsol, CBC and HiGHS, with every row and
// column named and labelled in comments: the file a reviewer can solve with another solver.

public enum CPLEXLPWriter {
    /// The program with its first objective (the primary one); later objectives are listed in
    /// comments, since LP files hold one objective.
    public static func write(_ program: IntegerProgram, title: String) -> String {
        var out = "\\ Seatwise model: \(singleLine(title))\n"
        out += "\\ \(program.variables.count) variables (one per nominee), \(program.rows.count) rows\n"
        for (k, objective) in program.objectives.enumerated() {
            out += "\\ objective \(k + 1) of \(program.objectives.count): \(objective.label)\(k == 0 ? " (written below)" : " (held after the earlier ones are at their optimum)")\n"
        }
        out += "\\\n\\ rows:\n"
        for row in program.rows { out += "\\   \(row.name): \(singleLine(row.label))\n" }
        out += "\\ columns:\n"
        for variable in program.variables { out += "\\   \(variable.name): \(singleLine(variable.label))\n" }
        guard let objective = program.objectives.first else { return out + "End\n" }
        out += objective.minimize ? "Minimize\n" : "Maximize\n"
        out += " obj:" + expression(program.objectives.first!.coefficients.enumerated().map { ($0.offset, $0.element) }, program, keepZero: true) + "\n"
        out += "Subject To\n"
        for row in program.rows {
            out += " \(row.name):" + expression(row.terms.map { ($0.variable, $0.coefficient) }, program, keepZero: false)
            out += " \(row.sense.rawValue) \(row.rhs)\n"
        }
        out += "Bounds\n"
        for variable in program.variables where variable.lower == variable.upper {
            out += " \(variable.name) = \(variable.lower)\n"
        }
        out += "Binary\n"
        var line = ""
        for variable in program.variables {
            if line.count + variable.name.count > 200 { out += line + "\n"; line = "" }
            line += " " + variable.name
        }
        if !line.isEmpty { out += line + "\n" }
        out += "End\n"
        return out
    }

    private static func expression(_ terms: [(Int, Int)], _ program: IntegerProgram, keepZero: Bool) -> String {
        var out = ""
        var line = ""
        var first = true
        for (j, c) in terms where c != 0 || keepZero {
            let term = (first ? " " : (c < 0 ? " - " : " + ")) + (first && c < 0 ? "-" : "") + "\(abs(c)) \(program.variables[j].name)"
            first = false
            if line.count + term.count > 200 { out += line + "\n   "; line = "" }
            line += term
        }
        if first, let any = program.variables.first { line = " 0 \(any.name)" }
        return out + line
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
