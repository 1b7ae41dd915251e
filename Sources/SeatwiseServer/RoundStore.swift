// The workbench's record, one SQLite file through GRDB: rounds, every uploaded file version with its
// SHA-256, the adjustments kept (an undone one stays in the record, marked undone), and every solve with
// its time. Nothing is overwritten; deletion is explicit.
// What a round said is stored as facts (typed messages, as JSON) and put in words when read; a record
// made before that keeps the words it stored.

import Foundation
import GRDB
import Seatwise

/// A file as uploaded: its kind ("nominations" or "policy"), the name it came with, and its bytes.
struct StoredFile: Sendable {
    var kind: String
    var filename: String
    var sha256: String
    var uploadedAt: String
    var bytes: [UInt8]

    /// The file as the library reads it, named as it was uploaded.
    var input: InputFile { InputFile(path: filename, bytes: bytes) }
}

/// One round as the API lists it.
struct RoundSummary: Codable, Sendable {
    struct File: Codable, Sendable { var kind: String, filename: String, sha256: String, uploadedAt: String }
    struct Solve: Codable, Sendable { var at: String, kind: String, mode: String, status: String, rankSum: Int?, adjustments: [StoredMessage] }
    var id: Int64
    var name: String
    var createdAt: String
    var files: [File]
    /// The adjustments in force, in the order kept.
    var adjustments: [StoredMessage]
    /// Every adjustment ever kept, in force or undone, with the id that undoes it.
    var adjustmentRecord: [KeptAdjustment]
    var solves: [Solve]
}

/// One kept adjustment as the record holds it: `DELETE /api/rounds/{id}/adjustments/{adjustment id}`
/// (or the page's Undo) marks it undone.
struct KeptAdjustment: Codable, Sendable {
    var id: Int64
    var said: StoredMessage
    var keptAt: String
    var undoneAt: String?

    enum CodingKeys: String, CodingKey { case id, said, keptAt, undoneAt }
    /// `undone_at` is always present: null while the adjustment is in force.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(said, forKey: .said)
        try c.encode(keptAt, forKey: .keptAt)
        try c.encode(undoneAt as String?, forKey: .undoneAt)
    }
}

/// A message as the store holds it: its facts, or the words a record of the first version kept. Encoded
/// (for the API) as its words.
enum StoredMessage: Codable, Sendable {
    case facts(Message)
    case words(String)

    var words: String {
        switch self {
        case .facts(let m): return m.description
        case .words(let w): return w
        }
    }

    /// A stored JSON value: a message's facts, or (first version) a sentence.
    static func decode(_ json: String) -> StoredMessage? {
        let data = Data(json.utf8)
        if let m = try? JSONDecoder().decode(Message.self, from: data) { return .facts(m) }
        if let w = try? JSONDecoder().decode(String.self, from: data) { return .words(w) }
        return nil
    }

    /// A stored list: facts, or (first version) sentences.
    static func decodeList(_ json: String) -> [StoredMessage] {
        let data = Data(json.utf8)
        if let list = try? JSONDecoder().decode([Message].self, from: data) { return list.map(StoredMessage.facts) }
        return ((try? JSONDecoder().decode([String].self, from: data)) ?? []).map(StoredMessage.words)
    }

    init(from decoder: Decoder) throws { self = .words(try decoder.singleValueContainer().decode(String.self)) }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(words)
    }
}

final class RoundStore: Sendable {
    private let db: DatabaseQueue

    /// Opens (or creates) `folder/seatwise.sqlite` and brings its schema up to date.
    init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = try DatabaseQueue(path: (folder as NSString).appendingPathComponent("seatwise.sqlite"))
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: rounds, files, adjustments, solves") { db in
            try db.execute(sql: """
                CREATE TABLE round (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created_at TEXT NOT NULL, deleted_at TEXT);
                CREATE TABLE file (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id),
                                   kind TEXT NOT NULL, filename TEXT NOT NULL, sha256 TEXT NOT NULL, bytes BLOB NOT NULL, uploaded_at TEXT NOT NULL);
                CREATE TABLE adjustment (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id),
                                         json TEXT NOT NULL, words TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE solve (id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES round(id), at TEXT NOT NULL,
                                    kind TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, rank_sum INTEGER, adjustments TEXT NOT NULL);
                CREATE INDEX file_round ON file(round_id);
                """)
        }
        migrator.registerMigration("v2: adjustments stored as facts") { db in
            // The words column stays: the words of the first version's records, and beside new facts their words.
            try db.execute(sql: "ALTER TABLE adjustment ADD COLUMN said TEXT")
        }
        migrator.registerMigration("v3: adjustments undone") { db in
            // Undoing marks the adjustment; the record of what was kept and when stays.
            try db.execute(sql: "ALTER TABLE adjustment ADD COLUMN undone_at TEXT")
        }
        try migrator.migrate(db)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// A new round holding its first nominations and policy, and the past compositions if any.
    func create(name: String, nominations: InputFile, policy: InputFile, history: [InputFile] = []) throws -> Int64 {
        try db.write { db in
            let now = Self.now()
            try db.execute(sql: "INSERT INTO round (name, created_at) VALUES (?, ?)", arguments: [name, now])
            let id = db.lastInsertedRowID
            for (kind, file) in [("nominations", nominations), ("policy", policy)] + history.map({ ("history", $0) }) {
                try db.execute(sql: "INSERT INTO file (round_id, kind, filename, sha256, bytes, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, kind, file.path, file.sha256, Data(file.bytes), now])
            }
            return id
        }
    }

    /// A new set of past compositions: the earlier set is kept, marked replaced (kind `history-replaced`).
    func replaceHistory(_ files: [InputFile], of id: Int64) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE file SET kind = 'history-replaced' WHERE round_id = ? AND kind = 'history'", arguments: [id])
            for file in files {
                try db.execute(sql: "INSERT INTO file (round_id, kind, filename, sha256, bytes, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, "history", file.path, file.sha256, Data(file.bytes), Self.now()])
            }
        }
    }

    /// A new version of one of the round's files (the earlier ones stay).
    func addFile(_ file: InputFile, kind: String, to id: Int64) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO file (round_id, kind, filename, sha256, bytes, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, kind, file.path, file.sha256, Data(file.bytes), Self.now()])
        }
    }

    /// The latest version of each file of a live round, and its current past compositions (in the
    /// order uploaded); nil when there is no such round.
    func files(of id: Int64) throws -> (nominations: StoredFile, policy: StoredFile, history: [StoredFile])? {
        try db.read { db in
            guard try Row.fetchOne(db, sql: "SELECT id FROM round WHERE id = ? AND deleted_at IS NULL", arguments: [id]) != nil else { return nil }
            func latest(_ kind: String) throws -> StoredFile? {
                try Row.fetchOne(db, sql: "SELECT * FROM file WHERE round_id = ? AND kind = ? ORDER BY id DESC LIMIT 1", arguments: [id, kind]).map {
                    StoredFile(kind: $0["kind"], filename: $0["filename"], sha256: $0["sha256"], uploadedAt: $0["uploaded_at"], bytes: [UInt8]($0["bytes"] as Data))
                }
            }
            guard let n = try latest("nominations"), let p = try latest("policy") else { return nil }
            let history = try Row.fetchAll(db, sql: "SELECT * FROM file WHERE round_id = ? AND kind = 'history' ORDER BY id", arguments: [id]).map {
                StoredFile(kind: $0["kind"], filename: $0["filename"], sha256: $0["sha256"], uploadedAt: $0["uploaded_at"], bytes: [UInt8]($0["bytes"] as Data))
            }
            return (n, p, history)
        }
    }

    /// Keeps `adjustments`, each with what the round said of it.
    func keepAdjustments(_ adjustments: [Adjustment], said: [Message], in id: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try db.write { db in
            for (adjustment, message) in zip(adjustments, said) {
                let json = String(decoding: try encoder.encode(adjustment), as: UTF8.self)
                let facts = String(decoding: try encoder.encode(message), as: UTF8.self)
                // The words too, as they read today: what is shown should the facts ever not be read.
                try db.execute(sql: "INSERT INTO adjustment (round_id, json, words, said, created_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, json, message.description, facts, Self.now()])
            }
        }
    }

    func adjustments(of id: Int64) throws -> [Adjustment] {
        let decoder = JSONDecoder()
        return try db.read { db in
            try String.fetchAll(db, sql: "SELECT json FROM adjustment WHERE round_id = ? AND undone_at IS NULL ORDER BY id", arguments: [id]).map {
                try decoder.decode(Adjustment.self, from: Data($0.utf8))
            }
        }
    }

    /// Marks a kept adjustment of a live round undone; false when the round has no such adjustment in force.
    func undoAdjustment(_ adjustment: Int64, of id: Int64) throws -> Bool {
        try db.write { db in
            guard try Row.fetchOne(db, sql: "SELECT id FROM round WHERE id = ? AND deleted_at IS NULL", arguments: [id]) != nil else { return false }
            try db.execute(sql: "UPDATE adjustment SET undone_at = ? WHERE id = ? AND round_id = ? AND undone_at IS NULL", arguments: [Self.now(), adjustment, id])
            return db.changesCount > 0
        }
    }

    func recordSolve(_ id: Int64, kind: String, result: SelectionResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let facts = try encoder.encode(result.context.adjustments)
        try db.write { db in
            try db.execute(sql: "INSERT INTO solve (round_id, at, kind, mode, status, rank_sum, adjustments) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, Self.now(), kind, result.mode.rawValue, result.status.rawValue, result.rankSum, String(decoding: facts, as: UTF8.self)])
        }
    }

    func summary(of id: Int64) throws -> RoundSummary? {
        try db.read { db in
            guard let round = try Row.fetchOne(db, sql: "SELECT * FROM round WHERE id = ? AND deleted_at IS NULL", arguments: [id]) else { return nil }
            let files = try Row.fetchAll(db, sql: "SELECT kind, filename, sha256, uploaded_at FROM file WHERE round_id = ? ORDER BY id", arguments: [id]).map {
                RoundSummary.File(kind: $0["kind"], filename: $0["filename"], sha256: $0["sha256"], uploadedAt: $0["uploaded_at"])
            }
            let record = try Row.fetchAll(db, sql: "SELECT id, words, said, created_at, undone_at FROM adjustment WHERE round_id = ? ORDER BY id", arguments: [id]).map { row in
                KeptAdjustment(id: row["id"], said: (row["said"] as String?).flatMap(StoredMessage.decode) ?? .words(row["words"]),
                               keptAt: row["created_at"], undoneAt: row["undone_at"])
            }
            let adjustments = record.filter { $0.undoneAt == nil }.map(\.said)
            let solves = try Row.fetchAll(db, sql: "SELECT * FROM solve WHERE round_id = ? ORDER BY id", arguments: [id]).map { row in
                RoundSummary.Solve(at: row["at"], kind: row["kind"], mode: row["mode"], status: row["status"], rankSum: row["rank_sum"],
                                   adjustments: StoredMessage.decodeList(row["adjustments"]))
            }
            return RoundSummary(id: id, name: round["name"], createdAt: round["created_at"], files: files, adjustments: adjustments,
                                adjustmentRecord: record, solves: solves)
        }
    }

    func list() throws -> [RoundSummary] {
        let ids = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM round WHERE deleted_at IS NULL ORDER BY id") }
        return try ids.compactMap { try summary(of: $0) }
    }

    /// Marks a round deleted (its record stays in the file); false when there was no such round.
    func delete(_ id: Int64) throws -> Bool {
        try db.write { db in
            try db.execute(sql: "UPDATE round SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", arguments: [Self.now(), id])
            return db.changesCount > 0
        }
    }
}
