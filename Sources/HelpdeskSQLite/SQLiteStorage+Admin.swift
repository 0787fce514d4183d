import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    static let autoAssignKey = "auto_assign"

    static func autoAssignEnabled(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [autoAssignKey]) == "on"
    }

    public func settings(actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> HelpdeskSettings {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            return HelpdeskSettings(autoAssign: try Self.autoAssignEnabled(db))
        }
    }

    public func changeSettings(
        actorId: Int64, at now: Date,
        decide: @escaping @Sendable (User?, HelpdeskSettings) throws -> (HelpdeskSettings, AuditRecord?)
    ) async throws -> HelpdeskSettings {
        try await write { db in
            let actor = try UserTable.find(id: actorId, db)
            let (settings, audit) = try decide(actor, HelpdeskSettings(autoAssign: try Self.autoAssignEnabled(db)))
            try db.execute(
                sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.autoAssignKey, settings.autoAssign ? "on" : "off"])
            if let audit { try Self.audit(audit, by: actor, at: now, db) }
            return settings
        }
    }

    /// Written inside the transaction of the action it records.
    static func audit(_ record: AuditRecord, by actor: User?, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor_email, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [now, actor?.email ?? "(first admin)", record.action, record.target, record.detail])
    }

    public func auditLog(limit: Int, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [AuditEntry] {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: $0["at"], actorEmail: $0["actor_email"], action: $0["action"], target: $0["target"], detail: $0["detail"])
            }
        }
    }
}
