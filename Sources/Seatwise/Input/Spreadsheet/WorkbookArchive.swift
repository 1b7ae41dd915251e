// The ZIP container of an .xlsx workbook, opened from memory with ZIPFoundation. Every part is inflated
// under a budget counted as it is inflated, so a zip bomb stops at the budget, not at the memory's end.

import Foundation
import ZIPFoundation

struct WorkbookArchive {
    /// Uncompressed bytes read from one workbook in all: a 1,000,000-nominee sheet is about 400 MB.
    static let maximumUncompressedBytes = 768 * 1024 * 1024
    /// More parts than any workbook of nominations has; a hostile archive of millions of entries is refused.
    static let maximumEntries = 10_000

    struct Problem: Error, Sendable { var message: String }

    private let archive: Archive
    private let entries: [String: Entry]
    private var budget: Int
    private let limit: Int

    init(_ bytes: [UInt8], budget: Int = maximumUncompressedBytes) throws {
        self.budget = budget
        self.limit = budget
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw Problem(message: "this is not an Excel workbook: an .xlsx file is a ZIP archive, and this file is not one")
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw Problem(message: "the workbook's ZIP archive is damaged (\(error)); open it in Excel and save it again")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > Self.maximumEntries { throw Problem(message: "the archive has more than \(Self.maximumEntries) parts; no workbook of nominations has") }
            entries[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry
        }
        guard count > 0 else { throw Problem(message: "the workbook's ZIP archive is empty or damaged; open it in Excel and save it again") }
        self.entries = entries
    }

    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The part's bytes, inflated within what is left of the budget.
    mutating func part(_ path: String) throws -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        guard entry.type == .file else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > budget { throw bomb(path) }
        // Never reserved from the size the archive declares (a header may claim 700 MB for a tiny part, or
        // understate a large one), nor grown by doubling (a 600 MB part would ask for 1 GB): the part is
        // inflated once to measure it, within the budget, then again into exactly that much memory.
        let limit = budget
        var size = 0
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                size += chunk.count
                if size > limit { throw Problem(message: "") }
            }
        } catch let problem as Problem where problem.message.isEmpty {
            throw bomb(path)
        } catch {
            throw Problem(message: "the part \(path) of the workbook cannot be read (\(error)); open the workbook in Excel and save it again")
        }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > size { throw Problem(message: "") }
                out.append(contentsOf: chunk)
            }
        } catch let problem as Problem where problem.message.isEmpty {
            throw bomb(path)
        } catch {
            throw Problem(message: "the part \(path) of the workbook cannot be read (\(error)); open the workbook in Excel and save it again")
        }
        budget -= out.count
        return out
    }

    private func bomb(_ path: String) -> Problem {
        Problem(message: "the part \(path) inflates past \(limit >= 1 << 20 ? "\(limit / 1024 / 1024) MB" : "\(limit) bytes") (a zip bomb, or a sheet far larger than any list of nominations); refused")
    }
}
