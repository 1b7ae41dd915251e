// A small YAML file (what-if questions, a study's specification) read with the policy reader's checks:
// UTF-8 and no NUL, a byte-order mark dropped, anchors and aliases refused, syntax errors and duplicate
// keys with their line and column. The caller checks the root's shape, then its tags.

import Yams

enum YAMLFile {
    /// The composed root (nil for an empty file) and the reader state that reports further problems.
    static func compose(_ file: InputFile, what: String) throws -> (root: Node?, state: PolicyReader.State) {
        guard let text = String(validating: file.bytes, as: UTF8.self), !text.contains("\u{0}") else {
            throw InputError([InputDiagnostic(file: file.path, line: 1, message: "the \(what) is not valid UTF-8 text")])
        }
        var state = PolicyReader.State(file: file.path)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if state.rejectAnchors(in: body) { throw InputError(state.problems) }
        do {
            return (try Yams.compose(yaml: body, .basic), state)
        } catch let error as YamlError {
            throw InputError([state.diagnostic(for: error, text: body)])
        } catch {
            throw InputError([InputDiagnostic(file: file.path, message: "cannot parse the \(what) as YAML: \(error)")])
        }
    }
}
