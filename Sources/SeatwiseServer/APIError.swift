// The workbench's answers to bad requests: a status and a JSON body, rendered in one place. Input
// problems keep their file, line, column and key (422); everything else says what was wrong in words.

import Foundation
import Hummingbird
import Seatwise

/// Its body holds only JSON values (strings, numbers, NSNull, arrays and objects of them), never mutated after it is thrown.
struct APIError: Error, @unchecked Sendable {
    var status: HTTPResponse.Status
    var body: [String: Any]

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        body = ["error": message]
    }

    /// 422 with every input problem at its place.
    static func input(_ error: InputError) -> APIError {
        var e = APIError(.unprocessableContent, "the files have problems")
        e.body["problems"] = error.diagnostics.map { d -> [String: Any] in
            ["file": d.file, "line": d.line.map { $0 as Any } ?? NSNull(), "column": d.column.map { $0 as Any } ?? NSNull(),
             "key": d.key.map { $0 as Any } ?? NSNull(), "message": d.message,
             // In a workbook: the sheet and the cell as Excel names it (line and column are its row and column).
             "sheet": d.sheet.map { $0 as Any } ?? NSNull(),
             "cell": d.sheet.flatMap { sheet in d.line.map { CellReference.place(sheet: sheet, row: $0, column: d.column) as Any } } ?? NSNull(),
             "text": d.description]
        }
        return e
    }

    var response: Response { JSONResponse.make(body, status: status) }
}

enum JSONResponse {
    /// A JSON response from a JSON-serialisable value (null for missing optionals).
    static func make(_ value: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: nullify(value), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return text(String(decoding: data, as: UTF8.self) + "\n", type: "application/json; charset=utf-8", status: status)
    }

    /// A response with a text body of the given content type.
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A response whose body is these bytes (a workbook), of the given content type.
    static func bytes(_ body: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Optionals that are nil become NSNull, so the key is present with null.
    static func nullify(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { nullify($0.value) } ?? NSNull() }
        if let dict = value as? [String: Any] { return dict.mapValues(nullify) }
        if let array = value as? [Any] { return array.map(nullify) }
        return value
    }
}
