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
    public func auditLog(limit: Int = 100, by actor: User) throws -> [AuditEntry] {
        try Permissions.requireAdmin(actor, to: "read the audit log")
        guard (1...10_000).contains(limit) else { throw HelpdeskError.validation("limit", "must be between 1 and 10000") }
        return try read { db, _ in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: $0["at"], actorEmail: $0["actor_email"], action: $0["action"], target: $0["target"], detail: $0["detail"])
            }
        }
    }

    /// Sets a new password for a user (typed by the admin, or generated and returned once) and lifts
    /// any lockout.
    public func resetPassword(email: String, to newPassword: String?, by actor: User) throws -> (user: User, generated: String?) {
        try Permissions.requireAdmin(actor, to: "reset passwords")
        var generated: String?
        let password: String
        if let newPassword {
            password = try Validator.password(newPassword)
        } else {
            let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
            var generator = SystemRandomNumberGenerator()
            password = String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
            generated = password
        }
        let hash = try hasher.hash(password)
        let user = try write { db, now -> User in
            let user = try UserTable.require(email: email, field: "email", db)
            try db.execute(sql: "UPDATE users SET password_hash = ?, locked_until = NULL WHERE id = ?", arguments: [hash, user.id])
            try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [user.id])
            try audit("user.password-reset", target: user.email, by: actor, at: now, db)
            return user
        }
        return (user, generated)
    }
}
