// The workbench's answers to bad requests: a status and a JSON body, rendered in one place. Input
// problems keep their file, line, column and key (422); everything else says what was wrong in words.

import Foundation
import Hummingbird
import Seatwise

/// A refused request: its status and its typed JSON body.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var body: ErrorBody

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        body = ErrorBody(error: message)
    }

    /// 422 with every input problem at its place.
    static func input(_ error: InputError) -> APIError {
        var e = APIError(.unprocessableContent, "the files have problems")
        e.body.problems = error.diagnostics.map(ProblemBody.init)
        return e
    }

    var response: Response { JSONResponse.make(body, status: status) }
}

/// The JSON body of every refused request: what was wrong, and for bad files every problem at its place.
struct ErrorBody: Encodable, Sendable {
    var error: String
    var problems: [ProblemBody]?
}

/// One problem of an uploaded file. Every key is present; a place that does not apply is null.
struct ProblemBody: Encodable, Sendable {
    var file: String
    var line: Int?
    var column: Int?
    var key: String?
    var message: String
    /// In a workbook: the sheet and the cell as Excel names it (line and column are its row and column).
    var sheet: String?
    var cell: String?
    /// The problem in one line, with its place.
    var text: String

    init(_ d: InputDiagnostic) {
        file = d.file; line = d.line; column = d.column; key = d.key; message = d.message; sheet = d.sheet
        cell = d.sheet.flatMap { sheet in d.line.map { CellReference.place(sheet: sheet, row: $0, column: d.column) } }
        text = d.description
    }

    enum Keys: String, CodingKey { case file, line, column, key, message, sheet, cell, text }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(file, forKey: .file); try c.encode(line, forKey: .line); try c.encode(column, forKey: .column)
        try c.encode(key, forKey: .key); try c.encode(message, forKey: .message); try c.encode(sheet, forKey: .sheet)
        try c.encode(cell, forKey: .cell); try c.encode(text, forKey: .text)
    }
}

/// `GET /healthz`.
struct HealthBody: Encodable, Sendable {
    var status = "ok"
    var version = SeatwiseTool.version
    var glpk = SeatwiseTool.glpkVersion
}

/// A round created.
struct CreatedBody: Encodable, Sendable { var id: Int64 }

/// Whether a solve in flight was asked to stop.
struct CancelledBody: Encodable, Sendable { var cancelled: Bool }

enum JSONResponse {
    /// A JSON response from a typed body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
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

}
