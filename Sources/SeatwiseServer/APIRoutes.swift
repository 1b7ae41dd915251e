// The JSON API the pages use (docs/guide/workbench.md, "The JSON API"): rounds created from uploads, listed, solved,
// asked what-ifs, explained, reported and deleted. Every answer comes from the library.

import Foundation
import Hummingbird
import Seatwise

struct APIRoutes {
    let store: RoundStore
    let work: RoundWork

    func add(to router: Router<WorkbenchContext>) {
        router.get("/healthz") { _, _ in JSONResponse.make(HealthBody()) }
        router.get("/api/rounds") { _, _ in try encode(["rounds": try store.list()]) }
        router.post("/api/rounds") { request, context in
            let id = try await create(request, context: context)
            return JSONResponse.make(CreatedBody(id: id), status: .created)
        }
        router.get("/api/rounds/{id}") { _, context in
            guard let summary = try store.summary(of: try roundID(context)) else { throw APIError(.notFound, "no such round") }
            return try encode(summary)
        }
        router.delete("/api/rounds/{id}") { _, context in
            let id = try roundID(context)
            // On the round's queue: a what-if or keep queued after the delete finds no round (404).
            let deleted = try await work.run(id, context) { _ in
                let done = try store.delete(id)
                work.forget(id)
                return done
            }
            guard deleted else { throw APIError(.notFound, "no such round") }
            return Response(status: .noContent)
        }
        router.get("/api/rounds/{id}/result") { request, context in
            let id = try roundID(context)
            let mode = try self.mode(request)
            let explain = request.uri.queryParameters["explain"].map { $0 == "1" || $0 == "true" } ?? false
            if try work.choosesByLottery(id) {
                // As `select` on such a policy: the lottery, with the policy's method and draw values.
                try work.check(id, RoundRequest(explain: explain))
                let json = try await work.run(id, context) { budget in try DrawnLottery(try work.round(id, mode: mode), method: nil, values: nil, budget: budget).render(.json) }
                return JSONResponse.text(json, type: "application/json; charset=utf-8")
            }
            let json = try await work.run(id, context) { budget -> String in
                // A GET changes nothing: the record keeps what-ifs and changes, not reads.
                try SelectionReport.render(try work.outcome(id, mode: mode, request: RoundRequest(explain: explain), budget: budget), format: .json)
            }
            return JSONResponse.text(json, type: "application/json; charset=utf-8")
        }
        router.post("/api/rounds/{id}/what-if") { request, context in
            let id = try roundID(context)
            let body = try await request.body.collect(upTo: 1 << 20)
            let question = try WhatIfRequest(json: Array(buffer: body))
            try work.check(id, RoundRequest(analysis: .whatIf))
            let json = try await work.run(id, context) { budget -> String in
                let session = try work.session(id, mode: question.mode, budget: budget)
                let answer: WhatIf
                do { answer = try session.whatIf(question.adjustments, budget: budget) } catch let error as InputError { throw APIError.input(error) }
                try store.recordSolve(id, kind: "what-if", result: answer.result)
                if question.keep {
                    try store.keepAdjustments(question.adjustments, said: Array(answer.result.context.adjustments.suffix(question.adjustments.count)), in: id)
                    work.forget(id)
                }
                return try Self.withDifference(answer, alternates: question.alternates)
            }
            return JSONResponse.text(json, type: "application/json; charset=utf-8")
        }
        router.delete("/api/rounds/{id}/adjustments/{adjustment}") { _, context in
            let id = try roundID(context)
            try await undo(id, context: context)
            guard let summary = try store.summary(of: id) else { throw APIError(.notFound, "no such round") }
            return try encode(summary)
        }
        router.post("/api/rounds/{id}/files") { request, context in
            let id = try roundID(context)
            guard let current = try store.files(of: id) else { throw APIError(.notFound, "no such round") }
            guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary) else {
                throw APIError(.badRequest, "send a multipart/form-data upload with a new nominations or policy file (or both)")
            }
            let parts = try Multipart.parse(Array(buffer: try await request.body.collect(upTo: context.maxUploadSize)), boundary: boundary)
            func file(_ kind: String, _ fallback: StoredFile) -> (InputFile, Bool) {
                guard let part = parts.first(where: { $0.name == kind }) else { return (InputFile(path: fallback.filename, bytes: fallback.bytes), false) }
                return (InputFile(path: part.filename.flatMap(Self.safeName) ?? fallback.filename, bytes: part.bytes), true)
            }
            let (nominations, newNominations) = file("nominations", current.nominations), (policy, newPolicy) = file("policy", current.policy)
            // Past compositions sent replace the round's set; none sent keeps it.
            let sent = Self.history(parts)
            let history = sent.isEmpty ? current.history.map(\.input) : sent
            guard newNominations || newPolicy || !sent.isEmpty else { throw APIError(.badRequest, "the upload has no nominations, policy or history part") }
            do { _ = try SelectionInput.load(nominations: nominations, policy: policy, countries: work.countriesTable, history: history) } catch let error as InputError {
                throw APIError.input(error)
            }
            try await work.run(id, context) { _ in
                guard try store.files(of: id) != nil else { throw APIError(.notFound, "no such round") }
                if newNominations { try store.addFile(nominations, kind: "nominations", to: id) }
                if newPolicy { try store.addFile(policy, kind: "policy", to: id) }
                if !sent.isEmpty { try store.replaceHistory(sent, of: id) }
                work.forget(id)
            }
            guard let summary = try store.summary(of: id) else { throw APIError(.notFound, "no such round") }
            return try encode(summary)
        }
        router.post("/api/rounds/{id}/cancel") { _, context in
            let id = try roundID(context)
            guard try store.summary(of: id) != nil else { throw APIError(.notFound, "no such round") }
            return JSONResponse.make(CancelledBody(cancelled: work.cancel(id)))
        }
        router.get("/api/rounds/{id}/explain/{nominee}") { request, context in
            let id = try roundID(context)
            let raw = try context.parameters.require("nominee")
            let nominee = raw.removingPercentEncoding ?? raw
            let mode = try self.mode(request)
            try work.check(id, RoundRequest(analysis: .explain))
            let json = try await work.run(id, context) { budget -> String in
                let result = try work.session(id, mode: mode, budget: budget).base
                guard result.status != .infeasible else { throw APIError(.conflict, "no panel meets the rules: there is nothing to explain (see the result's conflicts)") }
                guard result.input.nominees.contains(where: { AttributeKey.normalize($0.id) == AttributeKey.normalize(nominee) }) else {
                    throw APIError(.notFound, "no nominee has the id \(nominee)")
                }
                let report = try result.explanations(ExplanationOptions(nominee: nominee, budget: budget))
                guard let e = report.explanations.first else { throw APIError(.internalServerError, "no explanation was made") }
                return try SelectionDocument.explanationJSON(e, of: result)
            }
            return JSONResponse.text(json, type: "application/json; charset=utf-8")
        }
        router.get("/api/rounds/{id}/{report}") { request, context in
            let id = try roundID(context)
            let name = try context.parameters.require("report")
            let formats: [String: (ReportFormat?, String)] = ["report.html": (.html, "text/html; charset=utf-8"), "report.md": (.markdown, "text/markdown; charset=utf-8"),
                                                              "report.csv": (.csv, "text/csv; charset=utf-8"), "report.json": (.json, "application/json; charset=utf-8"),
                                                              "report.txt": (.text, "text/plain; charset=utf-8"),
                                                              "report.xlsx": (nil, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
            guard let (format, type) = formats[name] else {
                throw APIError(.notFound, "no such report: report.html, report.md, report.csv, report.json, report.txt or report.xlsx")
            }
            let mode = try self.mode(request)
            let isPublic = request.uri.queryParameters["public"].map { $0 == "1" || $0 == "true" } ?? false
            let redact = request.uri.queryParameters["redact"].map { $0 == "1" || $0 == "true" } ?? false
            let alternatesAsked = try Self.alternates(request.uri.queryParameters["alternates"].map(String.init))
            // A CSV for the spreadsheet that opens it (as `--csv-style`).
            let csvStyle = try request.uri.queryParameters["csv_style"].map { text -> CSVStyle in
                guard format == .csv, let style = CSVStyle(rawValue: String(text)) else {
                    throw APIError(.badRequest, "csv_style is for report.csv: standard, excel or excel-europe")
                }
                return style
            } ?? .standard
            if try work.choosesByLottery(id) {
                // As `select` on such a policy: the lottery's report, which names everyone's chance.
                try work.check(id, RoundRequest(alternates: alternatesAsked, publicReport: isPublic))
                guard !redact else {
                    throw APIError(.conflict, "the policy's objective is lottery: its report names everyone's chance, so it comes without public, redact or alternates")
                }
                let bytes = try await work.run(id, context) { budget -> [UInt8] in
                    let lottery = try DrawnLottery(try work.round(id, mode: mode), method: nil, values: nil, budget: budget)
                    guard let format else { return try XLSXWriter.bytes(ReportWorkbook(lottery: lottery)) }
                    let text = try lottery.render(format)
                    return Array((format == .csv ? csvStyle.apply(text) : text).utf8)
                }
                var response = JSONResponse.bytes(bytes, type: type)
                response.headers[.contentDisposition] = "\(Self.disposition(name)); filename=\"round-\(id)-lottery.\(name.split(separator: ".").last ?? "txt")\""
                return response
            }
            let bytes = try await work.run(id, context) { budget -> [UInt8] in
                // Redacted: every name replaced by initials before anything is computed, as `--redact`.
                let request = RoundRequest(explain: true, repair: true, alternates: alternatesAsked, publicReport: isPublic)
                let outcome = try work.outcome(id, mode: mode, request: request, budget: budget, redacted: redact)
                guard let format else { return try XLSXWriter.bytes(ReportWorkbook(outcome: outcome)) }
                let text = try SelectionReport.render(outcome, format: format)
                return Array((format == .csv ? csvStyle.apply(text) : text).utf8)
            }
            var response = JSONResponse.bytes(bytes, type: type)
            response.headers[.contentDisposition] = "\(Self.disposition(name)); filename=\"round-\(id)-\(isPublic ? "public-" : "")\(redact ? "redacted-" : "")\(name)\""
            return response
        }
    }

    /// An HTML, JSON or text report opens in the browser (saving keeps its name); a workbook, CSV or
    /// markdown file downloads.
    static func disposition(_ report: String) -> String {
        ["report.html", "report.json", "report.txt"].contains(report) ? "inline" : "attachment"
    }

    /// Undoes the kept adjustment the path names (`{adjustment}`, its id in the round's record), on the
    /// round's queue; 404 when the round has no such adjustment in force.
    func undo(_ id: Int64, context: WorkbenchContext) async throws {
        guard let adjustment = Int64(try context.parameters.require("adjustment")), adjustment > 0 else { throw APIError(.notFound, "no such adjustment") }
        let undone = try await work.run(id, context) { _ in
            guard try store.summary(of: id) != nil else { throw APIError(.notFound, "no such round") }
            let done = try store.undoAdjustment(adjustment, of: id)
            if done { work.forget(id) }
            return done
        }
        guard undone else { throw APIError(.notFound, "the round has no adjustment \(adjustment) in force (see adjustment_record)") }
    }

    /// A new round from a multipart upload with files `nominations` and `policy` (and a `name`).
    func create(_ request: Request, context: WorkbenchContext) async throws -> Int64 {
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary) else {
            throw APIError(.badRequest, "send a multipart/form-data upload with the files nominations and policy")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let parts = try Multipart.parse(Array(buffer: body), boundary: boundary)
        func part(_ name: String) throws -> MultipartPart {
            guard let p = parts.first(where: { $0.name == name }) else { throw APIError(.badRequest, "the upload has no part named \(name)") }
            return p
        }
        let nominations = try part("nominations"), policy = try part("policy")
        let nominationsFile = InputFile(path: nominations.filename.flatMap(Self.safeName) ?? "nominations.csv", bytes: nominations.bytes)
        let policyFile = InputFile(path: policy.filename.flatMap(Self.safeName) ?? "policy.yaml", bytes: policy.bytes)
        let history = Self.history(parts)
        let input: SelectionInput
        do { input = try SelectionInput.load(nominations: nominationsFile, policy: policyFile, countries: work.countriesTable, history: history) } catch let error as InputError {
            throw APIError.input(error)
        }
        let given = parts.first { $0.name == "name" }.map { String(decoding: $0.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        let name = (given?.isEmpty == false ? given! : input.policy.body)
        return try store.create(name: String(name.prefix(200)), nominations: nominationsFile, policy: policyFile, history: history)
    }

    /// The past compositions an upload carries (parts named `history`, empty ones left out), each named
    /// as uploaded: its name may give its year.
    static func history(_ parts: [MultipartPart]) -> [InputFile] {
        parts.filter { $0.name == "history" && !$0.bytes.isEmpty }.enumerated().map { k, part in
            InputFile(path: part.filename.flatMap(safeName) ?? "history-\(k + 1).csv", bytes: part.bytes)
        }
    }

    /// A file name as it may be shown: its last path component, printable, at most 120 characters.
    static func safeName(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).prefix(120)
        return clean.isEmpty ? nil : String(clean)
    }

    func roundID(_ context: WorkbenchContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else { throw APIError(.notFound, "no such round") }
        return id
    }

    func mode(_ request: Request) throws -> SelectionMode {
        guard let text = request.uri.queryParameters["mode"].map(String.init) else { return .coordinated }
        guard let mode = SelectionMode(rawValue: text) else { throw APIError(.badRequest, "mode is coordinated or independent") }
        return mode
    }

    func encode(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONResponse.text(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n", type: "application/json; charset=utf-8")
    }

    /// The adjusted round's select JSON plus `difference` (entering, leaving, objective_change, groups).
    static func withDifference(_ answer: WhatIf, alternates k: Int? = nil) throws -> String {
        let alternates = try k.flatMap { answer.result.status == .infeasible ? nil : try Alternates(answer.result, count: $0) }
        return try SelectionDocument.adding("difference", WhatIfReport.difference(answer), to: try SelectionReport.render(answer.result, format: .json, alternates: alternates))
    }

    /// `?alternates=K` (1 to 1000), or nil when not asked.
    static func alternates(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let k = Int(text), k >= 1, k <= 1000 else { throw APIError(.badRequest, "alternates must be a whole number from 1 to 1000") }
        return k
    }
}

/// `POST …/what-if`: `{"mode", "seat": [ids], "exclude": [ids], "bounds": [{"rule", "min", "max"}], "group_seats": {group: n}, "keep", "alternates"}`.
/// Decoded by type (Codable), not by casting what JSONSerialization gives: there, on Linux, 0 and 1 are
/// also `Bool` and `true` is also a number.
struct WhatIfRequest: Decodable {
    var mode: SelectionMode = .coordinated
    var adjustments: [Adjustment] = []
    var keep = false
    /// Alternates per seat of the adjusted panel (`select --alternates`), when asked.
    var alternates: Int?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ text: String) { stringValue = text }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One entry of `bounds`: the row by label (text) or number, and either bound.
    struct Bound: Decodable {
        var rule: String
        var min: Int?
        var max: Int?

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            if let text = try? c.decode(String.self, forKey: Key("rule")) { rule = text } else if let n = try? c.decode(Int.self, forKey: Key("rule")) {
                rule = String(n)
            } else { throw APIError(.badRequest, "rule must name a quota row by its label or number") }
            min = try Self.number(c, "min")
            max = try Self.number(c, "max")
        }

        static func number(_ c: KeyedDecodingContainer<Key>, _ side: String) throws -> Int? {
            guard c.contains(Key(side)), !((try? c.decodeNil(forKey: Key(side))) ?? false) else { return nil }
            guard let n = try? c.decode(Int.self, forKey: Key(side)) else { throw APIError(.badRequest, "\(side) must be a whole number from 0 to 1,000,000") }
            return n
        }
    }

    init(json bytes: [UInt8]) throws {
        do { self = try JSONDecoder().decode(WhatIfRequest.self, from: Data(bytes)) } catch let error as APIError { throw error } catch {
            throw APIError(.badRequest, "the body must be a JSON object")
        }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let known: Set<String> = ["mode", "adjustments", "seat", "exclude", "bounds", "group_seats", "keep", "alternates"]
        if let unknown = c.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw APIError(.badRequest, "unknown key \(String(unknown.prefix(60))) (\(known.sorted().joined(separator: ", ")))")
        }
        func field<T: Decodable>(_ key: String, _ type: T.Type, _ message: String) throws -> T? {
            guard c.contains(Key(key)) else { return nil }
            guard let value = try? c.decode(T.self, forKey: Key(key)) else { throw APIError(.badRequest, message) }
            return value
        }
        if let text = try field("mode", String.self, "mode is coordinated or independent") {
            guard let mode = SelectionMode(rawValue: text) else { throw APIError(.badRequest, "mode is coordinated or independent") }
            self.mode = mode
        }
        adjustments += try (field("seat", [String].self, "seat must be a list of nominee ids") ?? []).map(Adjustment.seat)
        adjustments += try (field("exclude", [String].self, "exclude must be a list of nominee ids") ?? []).map(Adjustment.exclude)
        if c.contains(Key("bounds")) {
            guard var list = try? c.nestedUnkeyedContainer(forKey: Key("bounds")) else { throw APIError(.badRequest, "bounds must be a list of {rule, min, max}") }
            var k = 0
            while !list.isAtEnd {
                k += 1
                let bound: Bound
                do { bound = try list.decode(Bound.self) } catch let error as APIError {
                    throw APIError(.badRequest, "bounds[\(k)].\(error.body.error)")
                } catch { throw APIError(.badRequest, "bounds must be a list of {rule, min, max}") }
                if let n = bound.min { adjustments.append(.setBound(row: bound.rule, side: .min, value: n)) }
                if let n = bound.max { adjustments.append(.setBound(row: bound.rule, side: .max, value: n)) }
            }
        }
        // The one shape of an adjustment (docs/reference.md, "Adjustments"), as the store and reports hold it.
        if c.contains(Key("adjustments")) {
            do { adjustments += try c.decode([Adjustment].self, forKey: Key("adjustments")) } catch let DecodingError.dataCorrupted(context) {
                throw APIError(.badRequest, "adjustments: " + context.debugDescription)
            } catch {
                throw APIError(.badRequest, "adjustments must be a list of {\"seat\": ID}, {\"exclude\": ID}, {\"set\": RULE, \"min\" or \"max\": N or \"P%\"} or {\"group\": GROUP, \"seats\": N}")
            }
        }
        let seats = try field("group_seats", [String: Int].self, "group_seats must map groups to whole numbers of seats") ?? [:]
        for (group, n) in seats.sorted(by: { $0.key < $1.key }) { adjustments.append(.groupSeats(group: group, seats: n)) }
        // The one range check every edge applies.
        if let problem = adjustments.lazy.compactMap(\.rangeProblem).first { throw APIError(.badRequest, problem) }
        if let k = try field("alternates", Int.self, "alternates must be a whole number from 1 to 1000") {
            guard k >= 1, k <= 1000 else { throw APIError(.badRequest, "alternates must be a whole number from 1 to 1000") }
            alternates = k
        }
        keep = try field("keep", Bool.self, "keep must be true or false") ?? false
    }
}
