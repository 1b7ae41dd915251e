// A multipart/form-data body split into its named parts (RFC 7578): enough for the workbench's uploads,
// and strict: a body that does not follow the form is refused (400), never half-read.

struct MultipartPart: Sendable {
    var name: String
    var filename: String?
    var bytes: [UInt8]
}

enum Multipart {
    struct Malformed: Error { var reason: String }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters, none of them a line break.
            return value.isEmpty || value.utf8.count > 70 || value.contains(where: \.isNewline) ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws -> [MultipartPart] {
        let delimiter = Array("--\(boundary)".utf8)
        // A delimiter starts the body or follows a CRLF: searching for CRLF + delimiter anchors every
        // comparison on a line break, so a hostile body of near-boundaries costs linear time.
        let anchored = [0x0D, 0x0A] + delimiter
        var positions: [Int] = body.starts(with: delimiter) ? [0] : []
        var i = positions.isEmpty ? 0 : delimiter.count
        while let at = find(anchored, in: body, from: i) {
            positions.append(at + 2)
            i = at + anchored.count
        }
        guard positions.count >= 2 else { throw Malformed(reason: "no parts between the boundaries") }
        let last = positions[positions.count - 1] + delimiter.count
        guard last + 2 <= body.count, body[last] == 0x2D, body[last + 1] == 0x2D else { throw Malformed(reason: "the closing boundary is missing") }
        var parts: [MultipartPart] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var p = start + delimiter.count
            guard p + 2 <= end, body[p] == 0x0D, body[p + 1] == 0x0A else { throw Malformed(reason: "a boundary is not followed by a line break") }
            p += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: p), headerEnd < end else {
                throw Malformed(reason: "a part has no end to its headers")
            }
            let headerText = String(decoding: body[p..<headerEnd], as: UTF8.self)
            let contentEnd = end - 2 // the CRLF before the next delimiter
            guard contentEnd >= headerEnd + 4 else { throw Malformed(reason: "a part is cut short") }
            var name: String?, filename: String?
            for line in headerText.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                guard lower.hasPrefix("content-disposition:") else { continue }
                guard lower.contains("form-data") else { throw Malformed(reason: "a part is not form data") }
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            guard let name, !name.isEmpty else { throw Malformed(reason: "a part has no name") }
            parts.append(MultipartPart(name: name, filename: filename, bytes: Array(body[(headerEnd + 4)..<contentEnd])))
        }
        return parts
    }

    /// `name="value"` in a Content-Disposition header (quoted or not).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let equals = piece.firstIndex(of: "="), piece[..<equals].lowercased() == key else { continue }
            var value = String(piece[piece.index(after: equals)...])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
