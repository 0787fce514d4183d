import Foundation
import GRDB
import HelpdeskCore

/// What `helpdesk check` found.
public struct CheckReport: Sendable, Equatable {
    /// `ok`, or every problem `PRAGMA integrity_check` listed.
    public var integrity: [String]
    /// One line per row whose foreign key points nowhere.
    public var foreignKeys: [String]
    /// Accounts whose emails are one address once normalised (NFC, case-folded), each group as
    /// stored; migration 7 left them unchanged for an admin to merge or rename by hand.
    public var emailCollisions: [[String]]

    /// Whether every check came back clean.
    public var isHealthy: Bool { integrity == ["ok"] && foreignKeys.isEmpty && emailCollisions.isEmpty }
}

extension HelpdeskDatabase {
    /// Integrity and foreign-key checks over the whole file, and accounts that are one address.
    public func check() throws -> CheckReport {
        try writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row"
            }
            return CheckReport(integrity: integrity, foreignKeys: foreignKeys, emailCollisions: try EmailNormalisation.collisions(db))
        }
    }

    /// A consistent copy made with SQLite's online backup API from one read snapshot, so other
    /// processes keep writing meanwhile. The copy is created owner-only and must not exist yet.
    public func backup(to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw HelpdeskError.validation("path", "\(path) already exists; choose a new file")
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw HelpdeskError(.internalError, "Cannot create \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw HelpdeskError(.internalError, "Backup failed: \(error)")
        }
    }
}
