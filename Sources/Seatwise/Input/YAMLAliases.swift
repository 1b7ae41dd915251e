// Anchors and aliases refused in a policy or a what-if file before the YAML is composed: a few hundred
// bytes of nested aliases (an "alias bomb") expand to billions of nodes in any walk of the tree, and
// even composing hashes every mapping key. libyaml's events are read once, in order; the first anchor or
// alias stops the reading, so the check costs at most the file's length.

import CYaml

enum YAMLAliases {
    /// The place (1-based line and column) and the text of the first anchor or alias; nil when there is
    /// none, or when the YAML does not parse (the composer then reports the syntax error at its place).
    static func first(in text: String) -> (line: Int, column: Int, name: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (Int, Int, String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                var alias = false
                switch event.type {
                case YAML_ALIAS_EVENT: anchor = event.data.alias.anchor; alias = true
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                case YAML_STREAM_END_EVENT: return nil
                default: anchor = nil
                }
                if let anchor {
                    let name = String(cString: UnsafeRawPointer(anchor).assumingMemoryBound(to: CChar.self))
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1, (alias ? "*" : "&") + String(name.prefix(60)))
                }
            }
            return nil
        }
    }
}
