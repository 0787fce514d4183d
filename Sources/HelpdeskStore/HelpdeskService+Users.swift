import Foundation
import GRDB
import HelpdeskCore

/// A user with the count of active tickets assigned to them.
public struct UserSummary: Sendable, Equatable {
    public var user: User
    public var openTickets: Int
}

extension HelpdeskService {
    /// The user a command acts as (`--as`). Unknown and deactivated users cannot act.
    public func actor(email: String?) throws -> User {
        guard let email, !email.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HelpdeskError(.unauthorized, "No user given: pass --as EMAIL or set HELPDESK_USER")
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

    /// Admins create users of any role; the first user of an empty database may create itself as admin.
    public func addUser(email: String, name: String, role: String, password: String, by actor: User?) throws -> User {
        var errors = FieldErrors()
        var parsedRole = Role.customer
        errors.check("role") { parsedRole = try Validator.choice(role, field: "role", as: Role.self) }
        let fields = try validateNewUser(email: email, name: name, password: password, errors: errors)
        if let actor { try Permissions.requireAdmin(actor, to: "add users") }
        let hash = try hasher.hash(fields.password)
        return try write { db, now in
            if actor == nil {
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0
                guard count == 0 else {
                    throw HelpdeskError(.unauthorized, "Adding a user needs an admin: pass --as ADMIN_EMAIL")
                }
                guard parsedRole == .admin else {
                    throw HelpdeskError.validation("role", "the first user of a new helpdesk must be an admin")
                }
            }
            let user = try UserTable.insert(email: fields.email, name: fields.name, role: parsedRole, passwordHash: hash, at: now, db)
            try audit("user.add", target: user.email, detail: "role \(user.role.rawValue)", by: actor, at: now, db)
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

    public func listUsers(role: String?, by actor: User) throws -> [UserSummary] {
        try Permissions.requireAdmin(actor, to: "list users")
        let parsedRole = try role.map { try Validator.choice($0, field: "role", as: Role.self) }
        return try read { db, _ in
            var sql = """
                SELECT \(UserTable.selectColumns),
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = users.id AND t.deleted_at IS NULL
                        AND t.status NOT IN ('resolved', 'closed')) AS open_tickets
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

    public func setRole(email: String, role: String, by actor: User) throws -> User {
        try Permissions.requireAdmin(actor, to: "change roles")
        let parsedRole = try Validator.choice(role, field: "role", as: Role.self)
        return try write { db, now in
            var user = try UserTable.require(email: email, field: "email", db)
            if user.role == .admin && parsedRole != .admin { try requireAnotherAdmin(besides: user, db) }
            try db.execute(sql: "UPDATE users SET role = ? WHERE id = ?", arguments: [parsedRole.rawValue, user.id])
            try audit("user.role", target: user.email, detail: "\(user.role.rawValue) -> \(parsedRole.rawValue)", by: actor, at: now, db)
            user.role = parsedRole
            return user
        }
    }

    /// Deactivated users cannot act; their tickets stay where they are.
    public func setActive(email: String, active: Bool, by actor: User) throws -> User {
        try Permissions.requireAdmin(actor, to: active ? "activate users" : "deactivate users")
        return try write { db, now in
            var user = try UserTable.require(email: email, field: "email", db)
            if !active && user.role == .admin { try requireAnotherAdmin(besides: user, db) }
            try db.execute(sql: "UPDATE users SET is_active = ? WHERE id = ?", arguments: [active, user.id])
            try audit(active ? "user.activate" : "user.deactivate", target: user.email, by: actor, at: now, db)
            user.isActive = active
            return user
        }
    }

    private func requireAnotherAdmin(besides user: User, _ db: Database) throws {
        let others = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1 AND id != ?", arguments: [user.id]) ?? 0
        if others == 0 {
            throw HelpdeskError.conflict("\(user.email) is the last active admin; make another admin first")
        }
    }
}
