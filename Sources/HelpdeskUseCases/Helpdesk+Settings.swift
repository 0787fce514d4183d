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

    /// Sets how long API sessions live (`SessionLifetimes`), either or both lifetimes at once (nil
    /// keeps one as it is); admins only. Applies to every session at its next refresh or request.
    /// Audited (`settings.token-idle-days`, `settings.token-max-days`, detail the days).
    /// - Throws: `VALIDATION_ERROR` on `token_idle_days` or `token_max_days` (outside 1 to 365, or
    ///   idle beyond max, with the other as stored now; the field typed is named); `FORBIDDEN` (not
    ///   an admin); `UNAUTHORIZED`.
    public func setSessionLifetimes(idleDays: Int?, maxDays: Int?, by actor: some ActorReference) async throws -> HelpdeskSettings {
        try await storage.changeSettings(actorId: actor.actorId, at: try now()) { user, current in
            try Permissions.requireAdmin(try Self.acting(user), to: "change settings")
            var changed = current
            do {
                changed.sessionLifetimes = try SessionLifetimes(
                    idleDays: idleDays ?? current.sessionLifetimes.idleDays, maxDays: maxDays ?? current.sessionLifetimes.maxDays)
            } catch let error as HelpdeskError where idleDays == nil && error.fieldErrors["token_idle_days"] != nil {
                // Only the max was typed: name it, not the stored idle it fell below.
                throw HelpdeskError.validation("token_max_days", "must be at least token_idle_days (\(current.sessionLifetimes.idleDays))")
            }
            let detail = [idleDays.map { "idle \($0) days" }, maxDays.map { "max \($0) days" }].compactMap { $0 }.joined(separator: ", ")
            let action = maxDays == nil ? "settings.token-idle-days" : idleDays == nil ? "settings.token-max-days" : "settings.token-lifetimes"
            return (changed, AuditRecord(action, target: "session_lifetimes", detail: detail))
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
