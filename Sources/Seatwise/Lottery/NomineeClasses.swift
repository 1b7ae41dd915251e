// Nominees the rules cannot tell apart — the same coefficients in every row of the selection model and the
// same bounds — form one class. The fairest chances are equal within a class (the set of valid panels is
// unchanged by swapping them, and the LEXIMIN chances are unique), so the lottery is solved over how many
// of each class a panel seats: an integer program with one column per class instead of one per person.

struct NomineeClasses {
    /// Each class's model columns, in the model's column order.
    var members: [[Int]]
    /// One integer column per class counting its seated members, with every row of the model summed over
    /// the class; its integer points are exactly the count vectors of valid panels.
    var program: IntegerProgram

    var count: Int { members.count }
    func size(_ c: Int) -> Int { members[c].count }

    init(_ model: SelectionModel) {
        let source = model.program
        var signature = source.variables.map { [$0.lower, $0.upper] }
        for (r, row) in source.rows.enumerated() {
            for term in row.terms where term.coefficient != 0 { signature[term.variable] += [r, term.coefficient] }
        }
        var index: [[Int]: Int] = [:]
        var members: [[Int]] = []
        var classOf = [Int](repeating: 0, count: signature.count)
        for (j, key) in signature.enumerated() {
            if let c = index[key] { members[c].append(j); classOf[j] = c; continue }
            index[key] = members.count
            classOf[j] = members.count
            members.append([j])
        }
        var program = IntegerProgram()
        for (c, columns) in members.enumerated() {
            let first = source.variables[columns[0]]
            program.variables.append(.init(name: "class\(c + 1)", label: columns.count == 1 ? first.label : "\(columns.count) nominees like \(first.label)",
                                           lower: columns.reduce(0) { $0 + source.variables[$1].lower },
                                           upper: columns.reduce(0) { $0 + source.variables[$1].upper }))
        }
        for row in source.rows {
            var seen = Set<Int>()
            let terms = row.terms.compactMap { term -> IntegerProgram.Term? in
                guard term.coefficient != 0, seen.insert(classOf[term.variable]).inserted else { return nil }
                return .init(variable: classOf[term.variable], coefficient: term.coefficient)
            }
            program.rows.append(.init(name: row.name, label: row.label, terms: terms, sense: row.sense, rhs: row.rhs, origin: row.origin))
        }
        program.objectives = [.init(label: "the lottery's pricing weights", minimize: false, coefficients: members.map { _ in 0 })]
        self.members = members
        self.program = program
    }
}
