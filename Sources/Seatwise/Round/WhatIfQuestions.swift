// The questions file of `seatwise what-if`: a YAML list, each item one question, a mapping of
// `seat: [ids]`, `exclude: [ids]`, `set: ["RULE:min=N", "RULE:max=40%", …]`, `group_seats: {GROUP: N}`
// and an optional `name`. Every problem is reported with its line and key path.

import Yams

public struct WhatIfQuestion: Sendable, Equatable {
    public var name: String
    public var adjustments: [Adjustment]
}

public enum WhatIfQuestions {
    public static func read(_ file: InputFile) throws -> [WhatIfQuestion] {
        // The policy reader's YAML checks: syntax errors and duplicate keys with their place, tags refused.
        let composed = try YAMLFile.compose(file, what: "questions file")
        let root = composed.root
        var yaml = composed.state
        guard let root, case .sequence(let items) = root else {
            throw InputError([InputDiagnostic(file: file.path, line: 1, message: "the questions must be a list, one question an item")])
        }
        yaml.rejectTags(root, path: "")
        var problems: [InputDiagnostic] = yaml.problems
        func problem(_ node: Node, _ key: String, _ message: String) {
            problems.append(InputDiagnostic(file: file.path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, key: key, message: message))
        }
        func strings(_ node: Node, _ key: String) -> [String] {
            guard case .sequence(let list) = node else { problem(node, key, "expected a list"); return [] }
            return list.enumerated().compactMap { k, item in
                guard let s = item.string, !s.isEmpty else { problem(item, "\(key)[\(k + 1)]", "expected text"); return nil }
                return s
            }
        }
        var questions: [WhatIfQuestion] = []
        for (q, item) in items.enumerated() {
            let path = "[\(q + 1)]"
            guard case .mapping(let mapping) = item else { problem(item, path, "a question must be a mapping (seat, exclude, set, group_seats, name)"); continue }
            var question = WhatIfQuestion(name: phrase("question {number}", ["number": .number(q + 1)]), adjustments: [])
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                switch key {
                case "name":
                    if let name = value.scalar?.string { question.name = name } else { problem(value, "\(path).name", "expected text") }
                case "seat": question.adjustments += strings(value, "\(path).seat").map(Adjustment.seat)
                case "exclude": question.adjustments += strings(value, "\(path).exclude").map(Adjustment.exclude)
                case "set":
                    for (k, text) in strings(value, "\(path).set").enumerated() {
                        if let a = Adjustment.parseBound(text) { question.adjustments.append(a) } else {
                            problem(value, "\(path).set[\(k + 1)]", "'\(text)': expected 'RULE:min=N' or 'RULE:max=N' (N seats or a percentage such as 40%; RULE as the report numbers it: 3, 3[WEOG])")
                        }
                    }
                case "group_seats":
                    guard case .mapping(let seats) = value else { problem(value, "\(path).group_seats", "expected a mapping GROUP: N"); continue }
                    for (g, n) in seats {
                        guard let group = g.string, let count = n.int, count >= 1, count <= 1_000_000 else {
                            problem(n, "\(path).group_seats", "expected GROUP: N with N a whole number from 1 to 1000000"); continue
                        }
                        question.adjustments.append(.groupSeats(group: group, seats: count))
                    }
                default: problem(keyNode, "\(path).\(key)", "unknown key; a question has seat, exclude, set, group_seats and name")
                }
            }
            questions.append(question)
        }
        if !problems.isEmpty { throw InputError(problems) }
        return questions
    }
}
