import GRDB
import HelpdeskCore

/// Helpdesk-wide switches, kept in the `settings` table.
public struct HelpdeskSettings: Sendable, Equatable {
    /// Assign each new ticket automatically to the least-loaded agent (default off).
    public var autoAssign: Bool
}

extension HelpdeskService {
    static let autoAssignKey = "auto_assign"

    /// The helpdesk's switches; staff only.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func settings(by actor: some ActorReference) throws -> HelpdeskSettings {
        try read(as: actor) { db, _, me in
            try Permissions.requireStaff(me, to: "read settings")
            return HelpdeskSettings(autoAssign: try autoAssignEnabled(db))
        }
    }

    /// Turns automatic assignment of new tickets on or off; admins only.
    /// - Throws: `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func setAutoAssign(_ enabled: Bool, by actor: some ActorReference) throws -> HelpdeskSettings {
        try write(as: actor) { db, _, me in
            try Permissions.requireAdmin(me, to: "change settings")
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
