import Foundation
import GRDB
import HelpdeskCore

/// One admin action: who, what, to whom or which ticket, when.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var actorEmail: String
    public var action: String
    public var target: String
    public var detail: String?
}

extension HelpdeskService {
    /// Written inside the transaction of the action it records.
    func audit(_ action: String, target: String, detail: String? = nil, by actor: User?, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor_email, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [now, actor?.email ?? "(first admin)", action, target, detail])
    }

    /// The audit log, newest first; admins only.
    /// - Throws: `FORBIDDEN` (not an admin); `VALIDATION_ERROR` on `limit` (1 to 10,000);
    ///   `UNAUTHORIZED`.
    public func auditLog(limit: Int = 100, by actor: some ActorReference) throws -> [AuditEntry] {
        guard (1...10_000).contains(limit) else { throw HelpdeskError.validation("limit", "must be between 1 and 10000") }
        return try read(as: actor) { db, _, me in
            try Permissions.requireAdmin(me, to: "read the audit log")
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: $0["at"], actorEmail: $0["actor_email"], action: $0["action"], target: $0["target"], detail: $0["detail"])
            }
        }
    }

    /// Sets a new password for a user (typed by the admin, or generated and returned once) and lifts
    /// any lockout. Bumps the user's credential version, so credentials issued before stop working.
    /// - Throws: `FORBIDDEN` (not an admin); `VALIDATION_ERROR` on `password` (too short) or
    ///   `email`; `NOT_FOUND` (no such user); `UNAUTHORIZED`.
    public func resetPassword(
        email: String, to newPassword: String?, by actor: some ActorReference
    ) throws -> (user: User, generated: String?) {
        // Checked before the costly hash, and again inside the transaction.
        try Permissions.requireAdmin(try currentUser(actor), to: "reset passwords")
        var generated: String?
        let password: String
        if let newPassword {
            password = try Validator.password(newPassword)
        } else {
            var generator = SystemRandomNumberGenerator()
            password = UserRules.generatePassword(using: &generator)
            generated = password
        }
        let hash = try hasher.hash(password)
        let user = try write(as: actor) { db, now, me -> User in
            try Permissions.requireAdmin(me, to: "reset passwords")
            var user = try UserTable.require(email: email, field: "email", db)
            try db.execute(
                sql: "UPDATE users SET password_hash = ?, locked_until = NULL, credential_version = credential_version + 1 WHERE id = ?",
                arguments: [hash, user.id])
            try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [user.id])
            try audit("user.password-reset", target: user.email, by: me, at: now, db)
            user.credentialVersion += 1
            return user
        }
        return (user, generated)
    }
}
