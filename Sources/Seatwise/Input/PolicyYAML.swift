// The YAML-level checks of the policy reader: explicit tags refused, over-long keys named as such, and
// libyaml's errors turned into diagnostics with their place.

import Yams

extension PolicyReader.State {
    /// Explicit YAML tags (`!!binary`, `!!float`, `!custom`) would change what a value means, and the
    /// reader would ignore them: refused instead. Values only: composing already resolved the keys' tags
    /// (to compare them), and a tag on a key cannot change what the reader does with it.
    /// Refuses anchors and aliases (`&name`, `*name`, `<<: *name`) before the YAML is composed (see
    /// `YAMLAliases`); a policy has no need of them. Whether one was found.
    mutating func rejectAnchors(in text: String) -> Bool {
        guard let found = YAMLAliases.first(in: text) else { return false }
        problems.append(InputDiagnostic(file: file, line: found.line, column: found.column, key: nil,
                                        message: "YAML anchors and aliases (here \(found.name)) are not accepted: a few of them can expand to billions of values; write each value out"))
        return true
    }

    mutating func rejectTags(_ node: Node, path: String) {
        func check(_ tag: Tag, _ node: Node) {
            let name = tag.description
            // "" and "?" are implicit, "!" non-specific; a quoted scalar comes as !!str. Those, and !!map and
            // !!seq, mean what the reader reads anyway; any other tag was written to change a value's type.
            let harmless = ["", "?", "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]
            if !harmless.contains(name) {
                let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst(18) : name
                problem(node, path.isEmpty ? "(top)" : path, "the YAML tag \(Quote.value(shown)) is not allowed; remove it and write the plain value")
            }
        }
        switch node {
        case .scalar(let scalar): check(scalar.tag, node)
        case .mapping(let mapping):
            check(mapping.tag, node)
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                rejectTags(value, path: path.isEmpty ? name : "\(path).\(name)")
            }
        case .sequence(let sequence):
            check(sequence.tag, node)
            for (k, item) in sequence.enumerated() { rejectTags(item, path: "\(path)[\(k + 1)]") }
        case .alias: break
        }
    }

    /// Keys over 1,024 characters are beyond libyaml's simple-key limit, and it reports them as a
    /// missing ':'; say what is wrong instead.
    func longKey(near line: Int, in text: String) -> InputDiagnostic? {
        // Lines as libyaml counts them: LF, CR and CRLF each end one (a CRLF is one Character).
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        let first = max(1, line - 1), last = min(lines.count, line + 1)
        guard first <= last else { return nil }
        for l in first...last {
            let content = lines[l - 1]
            let key = (content.firstIndex(of: ":").map { content[..<$0] } ?? content).drop(while: { $0 == " " || $0 == "-" })
            if key.count > 1024 {
                return InputDiagnostic(file: file, line: l, column: 1,
                                       message: "a key of \(key.count) characters; keys are at most 1024 characters")
            }
        }
        return nil
    }

    func diagnostic(for error: YamlError, text: String) -> InputDiagnostic {
        if case .scanner(let context, let problem, let mark, _) = error, problem.contains("expected ':'"),
           let long = longKey(near: context?.mark.line ?? mark.line, in: text) ?? longKey(near: mark.line, in: text) {
            return long
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return InputDiagnostic(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputDiagnostic(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "duplicate \(Words.noun(duplicates.count, "key")) in a mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return InputDiagnostic(file: file, message: "cannot read the policy: \(problem)")
        default:
            return InputDiagnostic(file: file, message: "cannot parse the policy: \(error)")
        }
    }
}
