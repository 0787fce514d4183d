import GRDB
import HelpdeskCore

/// Helpdesk-wide switches, kept in the `settings` table.
public struct HelpdeskSettings: Sendable, Equatable {
    /// Assign each new ticket automatically to the least-loaded agent (default off).
    public var autoAssign: Bool
}

extension HelpdeskService {
    static let autoAssignKey = "auto_assign"

    public func settings(by actor: User) throws -> HelpdeskSettings {
        try Permissions.requireStaff(actor, to: "read settings")
        return try read { db, _ in HelpdeskSettings(autoAssign: try autoAssignEnabled(db)) }
    }

    public func setAutoAssign(_ enabled: Bool, by actor: User) throws -> HelpdeskSettings {
        try Permissions.requireAdmin(actor, to: "change settings")
        return try write { db, _ in
            try db.execute(
                sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.autoAssignKey, enabled ? "on" : "off"])
            return HelpdeskSettings(autoAssign: enabled)
        }
    }

    func autoAssignEnabled(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [Self.autoAssignKey]) == "on"
    }
}
