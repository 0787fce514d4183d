import Foundation
import GRDB
import HelpdeskCore

/// What `helpdesk check` found.
public struct CheckReport: Sendable, Equatable {
    /// `ok`, or every problem `PRAGMA integrity_check` listed.
    public var integrity: [String]
    /// One line per row whose foreign key points nowhere.
    public var foreignKeys: [String]

    /// Whether both checks came back clean.
    public var isHealthy: Bool { integrity == ["ok"] && foreignKeys.isEmpty }
}

extension HelpdeskDatabase {
    /// Integrity and foreign-key checks over the whole file.
    public func check() throws -> CheckReport {
        try writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row"
            }
            return CheckReport(integrity: integrity, foreignKeys: foreignKeys)
        }
    }

    /// A consistent copy made with SQLite's online backup API from one read snapshot, so other
    /// processes keep writing meanwhile. The copy is created owner-only at `path`, a file path taken
    /// literally (`DatabaseFiles`), and must not exist yet, not even as a symbolic link.
    /// - Throws: `VALIDATION_ERROR` on `path` when it exists, is an address or leftover files of
    ///   another database lie beside it; `INTERNAL_ERROR` when the copy fails (it is then removed).
    public func backup(to path: String) throws {
        let file = try DatabaseFiles.literal(path, field: "path")
        guard DatabaseFiles.entry(at: file) == .none, try DatabaseFiles.createIfNeeded(file, mode: 0o600, field: "path") else {
            throw HelpdeskError.validation("path", "\(path) already exists; choose a new file")
        }
        do {
            let destination = try DatabaseQueue(path: file)
            try writer.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            throw HelpdeskError(.internalError, "Backup failed: \(error)")
        }
    }
}
