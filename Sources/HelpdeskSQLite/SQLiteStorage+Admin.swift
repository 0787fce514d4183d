import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    static let autoAssignKey = "auto_assign"

    /// Whether automatic assignment is on (off when never set).
    /// - Throws: `INTERNAL_ERROR` when the stored value is neither `on` nor `off`.
    static func autoAssignEnabled(_ db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT key, value FROM settings WHERE key = ?", arguments: [autoAssignKey]) else {
            return false
        }
        return try setting(from: row)
    }

    static let tokenIdleDaysKey = "token_idle_days"
    static let tokenMaxDaysKey = "token_max_days"

    /// The session lifetimes as stored (`SessionLifetimes.standard` for a value never set).
    /// - Throws: `INTERNAL_ERROR` naming the key when a stored value is not a number of days, or
    ///   the pair breaks `SessionLifetimes`'s rules.
    static func sessionLifetimes(_ db: Database) throws -> SessionLifetimes {
        func days(_ key: String, default fallback: Int) throws -> Int {
            guard let row = try Row.fetchOne(db, sql: "SELECT key, value FROM settings WHERE key = ?", arguments: [key]) else { return fallback }
            let stored = StoredRow(row, table: "settings", name: key)
            guard let days = Int(try stored.text("value")) else { throw stored.refused("value", "the setting \(key) must be a number of days") }
            return days
        }
        let idle = try days(tokenIdleDaysKey, default: SessionLifetimes.standard.idleDays)
        let max = try days(tokenMaxDaysKey, default: SessionLifetimes.standard.maxDays)
        do {
            return try SessionLifetimes(idleDays: idle, maxDays: max)
        } catch let error as HelpdeskError {
            throw HelpdeskError(.internalError, "The stored session lifetimes are refused: \(error.message) (\(error.fieldErrors))")
        }
    }

    /// The switch a `settings` row holds.
    /// - Throws: `INTERNAL_ERROR` naming the key when the value is neither `on` nor `off`.
    static func setting(from row: Row) throws -> Bool {
        let stored = StoredRow(row, table: "settings")
        switch try stored.text("value") {
        case "on": return true
        case "off": return false
        default: throw stored.refused("value", "the setting \((try? stored.text("key")) ?? "?") must be on or off")
        }
    }

    static let sshGuestsKey = "ssh_guests"
    static let sshGuestLimitKey = "ssh_guest_limit"

    /// Every switch as stored, each at its default when never set.
    /// - Throws: `INTERNAL_ERROR` naming the key of a value no switch can hold.
    static func storedSettings(_ db: Database) throws -> HelpdeskSettings {
        var settings = HelpdeskSettings(autoAssign: try autoAssignEnabled(db), sessionLifetimes: try sessionLifetimes(db))
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, value FROM settings WHERE key IN (?, ?)", arguments: [sshGuestsKey, sshGuestLimitKey])
        for row in rows {
            switch try StoredRow(row, table: "settings").text("key") {
            case sshGuestsKey: settings.sshGuests = try setting(from: row)
            case sshGuestLimitKey: settings.sshGuestLimit = try guestLimit(from: row)
            default: break
            }
        }
        return settings
    }

    /// The guest limit a `settings` row holds (text, as every setting is).
    /// - Throws: `INTERNAL_ERROR` when it is not a whole number within `SSHGuestRules.limits`.
    static func guestLimit(from row: Row) throws -> Int {
        let stored = StoredRow(row, table: "settings")
        guard let limit = Int(try stored.text("value")), SSHGuestRules.limits.contains(limit) else {
            throw stored.refused(
                "value", "the setting \(sshGuestLimitKey) must be a whole number from \(SSHGuestRules.limits.lowerBound) to \(SSHGuestRules.limits.upperBound)")
        }
        return limit
    }

    /// Reads an audit entry from a row holding the `audit_log` columns.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no entry can hold (`StoredRow`).
    static func auditEntry(from row: Row) throws -> AuditEntry {
        let stored = StoredRow(row, table: "audit_log")
        return AuditEntry(
            at: try stored.date("at"), actorEmail: try stored.text("actor_email"), action: try stored.text("action"),
            target: try stored.text("target"), detail: try stored.optionalText("detail"))
    }

    public func settings(actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> HelpdeskSettings {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            return try Self.storedSettings(db)
        }
    }

    public func storedSettings() async throws -> HelpdeskSettings {
        try await read { db in try Self.storedSettings(db) }
    }

    public func changeSettings(
        actorId: Int64, at now: Date,
        decide: @escaping @Sendable (User?, HelpdeskSettings) throws -> (HelpdeskSettings, AuditRecord?)
    ) async throws -> HelpdeskSettings {
        try await write { db in
            let actor = try UserTable.find(id: actorId, db)
            let (settings, audit) = try decide(actor, try Self.storedSettings(db))
            for (key, value) in [
                (Self.autoAssignKey, settings.autoAssign ? "on" : "off"),
                (Self.sshGuestsKey, settings.sshGuests ? "on" : "off"),
                (Self.sshGuestLimitKey, String(settings.sshGuestLimit)),
                (Self.tokenIdleDaysKey, String(settings.sessionLifetimes.idleDays)),
                (Self.tokenMaxDaysKey, String(settings.sessionLifetimes.maxDays)),
            ] {
                try db.execute(
                    sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            }
            if let audit { try Self.audit(audit, by: actor, at: now, db) }
            return settings
        }
    }

    /// Written inside the transaction of the action it records.
    static func audit(_ record: AuditRecord, by actor: User?, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor_email, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [now, record.actor ?? actor?.email ?? "(first admin)", record.action, record.target, record.detail])
    }

    public func appendAudit(_ record: AuditRecord, actor: String, at now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO audit_log (at, actor_email, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                arguments: [now, actor, record.action, record.target, record.detail])
        }
    }

    public func auditLog(limit: Int, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [AuditEntry] {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.auditEntry(from:))
        }
    }
}
