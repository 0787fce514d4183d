import Foundation
import HelpdeskCore

extension Helpdesk {
    /// The helpdesk's switches; staff only.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func settings(by actor: some ActorReference) async throws -> HelpdeskSettings {
        try await storage.settings(actorId: actor.actorId) { user in
            try Permissions.requireStaff(try Self.acting(user), to: "read settings")
        }
    }

    /// Turns automatic assignment of new tickets on or off; admins only. Recorded in the audit log
    /// (`settings.auto-assign`, detail `on` or `off`), as every admin action is.
    /// - Throws: `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func setAutoAssign(_ enabled: Bool, by actor: some ActorReference) async throws -> HelpdeskSettings {
        try await storage.changeSettings(actorId: actor.actorId, at: try now()) { user, current in
            try Permissions.requireAdmin(try Self.acting(user), to: "change settings")
            var changed = current
            changed.autoAssign = enabled
            return (changed, AuditRecord("settings.auto-assign", target: "auto_assign", detail: enabled ? "on" : "off"))
        }
    }

    /// The audit log of admin actions, newest first; admins only.
    /// - Throws: `VALIDATION_ERROR` on `limit` (1 to 10,000); `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func auditLog(limit: Int = 100, by actor: some ActorReference) async throws -> [AuditEntry] {
        try await requireAdmin(actor, to: "read the audit log")
        guard (1...10_000).contains(limit) else { throw HelpdeskError.validation("limit", "must be between 1 and 10000") }
        return try await storage.auditLog(limit: limit, actorId: actor.actorId) { user in
            try Permissions.requireAdmin(try Self.acting(user), to: "read the audit log")
        }
    }
}
