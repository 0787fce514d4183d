import Foundation
import GRDB
import HelpdeskCore

/// A user with the count of active tickets assigned to them.
public struct UserSummary: Sendable, Equatable {
    public var user: User
    public var openTickets: Int
}

extension HelpdeskService {
    /// The user a trusted local face acts as (the command line's `--as`, whose trust is the right to
    /// open the database file). Use cases re-read the user on every action anyway.
    /// - Throws: `UNAUTHORIZED` when no email is given, or the user is unknown or deactivated;
    ///   `VALIDATION_ERROR` on `as` for a malformed email.
    public func actor(email: String?) throws -> User {
        guard let email, !email.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HelpdeskError(.unauthorized, "No acting user given")
        }
        let normalized = try Validator.email(email, field: "as")
        guard let user = try read({ db, _ in try UserTable.find(email: normalized, db) }) else {
            throw HelpdeskError(.unauthorized, "No user with email \(normalized)")
        }
        guard user.isActive else {
            throw HelpdeskError(.unauthorized, "The account \(normalized) is deactivated")
        }
        return user
    }

    /// A customer registers themselves.
    public func register(email: String, name: String, password: String) throws -> User {
        let fields = try validateNewUser(email: email, name: name, password: password)
        let hash = try hasher.hash(fields.password)
        return try write { db, now in
            try UserTable.insert(email: fields.email, name: fields.name, role: .customer, passwordHash: hash, at: now, db)
        }
    }

    /// Admins create users of any role; with no actor, the first user of an empty helpdesk creates
    /// itself, as an admin (`UserRules.requireFirstUser`).
    /// - Throws: `VALIDATION_ERROR` listing every bad field; `FORBIDDEN` (not an admin);
    ///   `UNAUTHORIZED` (no actor once users exist; an unknown or deactivated actor); `CONFLICT`
    ///   (the email is taken).
    public func addUser(
        email: String, name: String, role: String, password: String, by actor: (any ActorReference)?
    ) throws -> User {
        var errors = FieldErrors()
        var parsedRole = Role.customer
        errors.check("role") { parsedRole = try Validator.choice(role, field: "role", as: Role.self) }
        let fields = try validateNewUser(email: email, name: name, password: password, errors: errors)
        // Checked before the costly hash, and again inside the transaction.
        if let actor { try Permissions.requireAdmin(try currentUser(actor), to: "add users") }
        let hash = try hasher.hash(fields.password)
        return try write { db, now in
            var me: User?
            if let actor {
                let acting = try Self.actingUser(actor, db)
                try Permissions.requireAdmin(acting, to: "add users")
                me = acting
            } else {
                try UserRules.requireFirstUser(role: parsedRole, existingUsers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0)
            }
            let user = try UserTable.insert(email: fields.email, name: fields.name, role: parsedRole, passwordHash: hash, at: now, db)
            try audit("user.add", target: user.email, detail: "role \(user.role.rawValue)", by: me, at: now, db)
            return user
        }
    }

    private func validateNewUser(
        email: String, name: String, password: String, errors: FieldErrors = FieldErrors()
    ) throws -> (email: String, name: String, password: String) {
        var errors = errors
        var fields = (email: "", name: "", password: "")
        errors.check("email") { fields.email = try Validator.email(email) }
        errors.check("name") { fields.name = try Validator.name(name) }
        errors.check("password") { fields.password = try Validator.password(password) }
        try errors.throwIfAny()
        return fields
    }

    /// Checks a password. Five failures within 15 minutes lock the account for 15 minutes; the
    /// message never says whether the email exists.
    public func login(email: String, password: String) throws -> User {
        let normalized = (try? Validator.email(email)) ?? ""
        let stored = try read { db, _ in
            try Row.fetchOne(
                db, sql: "SELECT \(UserTable.selectColumns), password_hash, locked_until FROM users WHERE email = ?",
                arguments: [normalized])
        }
        let wrong = HelpdeskError(.unauthorized, "Wrong email or password")
        guard let stored else {
            _ = hasher.verify(password, against: Self.decoyHash)
            throw wrong
        }
        let user = try UserTable.user(from: stored)
        let now = clock.now()
        let lockedUntil: Date? = stored["locked_until"]
        if LoginLockout.isLocked(until: lockedUntil, at: now), let lockedUntil {
            throw HelpdeskError(
                .unauthorized,
                "Account locked after \(LoginLockout.maxFailures) failed logins; try again after \(UTCTimestamp.iso8601(lockedUntil))")
        }
        let hash: String? = stored["password_hash"]
        let matches = hash.map { hasher.verify(password, against: $0) } ?? false
        if matches {
            try write { db, _ in
                try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [user.id])
                try db.execute(sql: "UPDATE users SET locked_until = NULL WHERE id = ?", arguments: [user.id])
            }
            guard user.isActive else { throw HelpdeskError(.unauthorized, "The account \(user.email) is deactivated") }
            return user
        }
        let locked = try write { db, now -> Date? in
            let previous = try Date.fetchAll(
                db, sql: "SELECT at FROM login_failures WHERE user_id = ? ORDER BY at", arguments: [user.id])
            let outcome = LoginLockout.recordFailure(previous: previous, at: now)
            try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [user.id])
            for failure in outcome.failures {
                try db.execute(sql: "INSERT INTO login_failures (user_id, at) VALUES (?, ?)", arguments: [user.id, failure])
            }
            try db.execute(sql: "UPDATE users SET locked_until = ? WHERE id = ?", arguments: [outcome.lockedUntil, user.id])
            return outcome.lockedUntil
        }
        if locked != nil {
            throw HelpdeskError(.unauthorized, "Wrong email or password; the account is now locked for 15 minutes")
        }
        throw wrong
    }

    /// Verified against when the email is unknown, so both failures take the same time.
    private static let decoyHash =
        "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    /// Every account with its count of active assigned tickets, by email; admins only.
    /// - Throws: `VALIDATION_ERROR` on `role`; `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func listUsers(role: String?, by actor: some ActorReference) throws -> [UserSummary] {
        let parsedRole = try role.map { try Validator.choice($0, field: "role", as: Role.self) }
        return try read(as: actor) { db, _, me in
            try Permissions.requireAdmin(me, to: "list users")
            var sql = """
                SELECT \(UserTable.selectColumns),
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = users.id AND t.deleted_at IS NULL
                        AND \(StatusSQL.active("t.status"))) AS open_tickets
                FROM users
                """
            var arguments: StatementArguments = []
            if let parsedRole {
                sql += " WHERE role = ?"
                arguments += [parsedRole.rawValue]
            }
            sql += " ORDER BY email"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                UserSummary(user: try UserTable.user(from: $0), openTickets: $0["open_tickets"])
            }
        }
    }

    /// Changes a user's role (admins); the user's credential version is bumped. The change applies
    /// to the user's very next action, in any process.
    /// - Throws: `VALIDATION_ERROR` on `role` or `email`; `FORBIDDEN` (not an admin); `NOT_FOUND`
    ///   (no such user); `CONFLICT` (the last active admin); `UNAUTHORIZED`.
    public func setRole(email: String, role: String, by actor: some ActorReference) throws -> User {
        let parsedRole = try Validator.choice(role, field: "role", as: Role.self)
        return try write(as: actor) { db, now, me in
            try Permissions.requireAdmin(me, to: "change roles")
            var user = try UserTable.require(email: email, field: "email", db)
            try UserRules.requireAnotherActiveAdmin(
                changing: user, remainsActiveAdmin: parsedRole == .admin && user.isActive, otherActiveAdmins: try otherActiveAdmins(besides: user, db))
            let bump = parsedRole != user.role ? 1 : 0
            try db.execute(
                sql: "UPDATE users SET role = ?, credential_version = credential_version + ? WHERE id = ?",
                arguments: [parsedRole.rawValue, bump, user.id])
            try audit("user.role", target: user.email, detail: "\(user.role.rawValue) -> \(parsedRole.rawValue)", by: me, at: now, db)
            user.role = parsedRole
            user.credentialVersion += bump
            return user
        }
    }

    /// Deactivates or reactivates a user (admins); the user's credential version is bumped.
    /// Deactivated users cannot act, from their very next action in any process; their tickets stay
    /// where they are.
    /// - Throws: `VALIDATION_ERROR` on `email`; `FORBIDDEN` (not an admin); `NOT_FOUND` (no such
    ///   user); `CONFLICT` (the last active admin); `UNAUTHORIZED`.
    public func setActive(email: String, active: Bool, by actor: some ActorReference) throws -> User {
        try write(as: actor) { db, now, me in
            try Permissions.requireAdmin(me, to: active ? "activate users" : "deactivate users")
            var user = try UserTable.require(email: email, field: "email", db)
            try UserRules.requireAnotherActiveAdmin(
                changing: user, remainsActiveAdmin: user.role == .admin && active, otherActiveAdmins: try otherActiveAdmins(besides: user, db))
            let bump = active != user.isActive ? 1 : 0
            try db.execute(
                sql: "UPDATE users SET is_active = ?, credential_version = credential_version + ? WHERE id = ?",
                arguments: [active, bump, user.id])
            try audit(active ? "user.activate" : "user.deactivate", target: user.email, by: me, at: now, db)
            user.isActive = active
            user.credentialVersion += bump
            return user
        }
    }

    private func otherActiveAdmins(besides user: User, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM users WHERE role = ? AND is_active = 1 AND id != ?",
            arguments: [Role.admin.rawValue, user.id]) ?? 0
    }
}
