import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    public func user(id: Int64) async throws -> User? {
        try await read { db in try UserTable.find(id: id, db) }
    }

    public func user(email: String) async throws -> User? {
        try await read { db in try UserTable.find(email: email, db) }
    }

    public func credentials(email: String) async throws -> StoredCredentials? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(UserTable.selectColumns), password_hash, locked_until FROM users WHERE email = ?", arguments: [email]
            ).map { row in
                StoredCredentials(user: try UserTable.user(from: row), passwordHash: row["password_hash"], lockedUntil: row["locked_until"])
            }
        }
    }

    public func recordSuccessfulLogin(userId: Int64) async throws {
        try await write { db in try Self.clearLockout(userId, db) }
    }

    private static func clearLockout(_ userId: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [userId])
        try db.execute(sql: "UPDATE users SET locked_until = NULL WHERE id = ?", arguments: [userId])
    }

    public func recordFailedLogin(
        userId: Int64, decide: @escaping @Sendable ([Date]) -> (failures: [Date], lockedUntil: Date?)
    ) async throws -> Date? {
        try await write { db in
            let previous = try Date.fetchAll(db, sql: "SELECT at FROM login_failures WHERE user_id = ? ORDER BY at", arguments: [userId])
            let outcome = decide(previous)
            try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [userId])
            for failure in outcome.failures {
                try db.execute(sql: "INSERT INTO login_failures (user_id, at) VALUES (?, ?)", arguments: [userId, failure])
            }
            try db.execute(sql: "UPDATE users SET locked_until = ? WHERE id = ?", arguments: [outcome.lockedUntil, userId])
            return outcome.lockedUntil
        }
    }

    public func addUser(
        _ record: NewUserRecord, actorId: Int64?, at now: Date, decide: @escaping @Sendable (NewUserSnapshot) throws -> AuditRecord?
    ) async throws -> User {
        try await write { db in
            let actor = try actorId.flatMap { try UserTable.find(id: $0, db) }
            let audit = try decide(NewUserSnapshot(
                actor: actor, existingUsers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0,
                emailTaken: try UserTable.find(email: record.email, db) != nil))
            let user = try UserTable.insert(
                email: record.email, name: record.name, role: record.role, passwordHash: record.passwordHash, at: now, db)
            if let audit { try Self.audit(audit, by: actor, at: now, db) }
            return user
        }
    }

    public func changeUser(
        email: String, actorId: Int64, at now: Date, decide: @escaping @Sendable (UserSnapshot) throws -> UserChange
    ) async throws -> User {
        try await write { db in
            let actor = try UserTable.find(id: actorId, db)
            let stored = try UserTable.find(email: email, db)
            let others = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM users WHERE role = ? AND is_active = 1 AND id != ?",
                arguments: [Role.admin.rawValue, stored?.id ?? 0]) ?? 0
            let change = try decide(UserSnapshot(actor: actor, user: stored, otherActiveAdmins: others))
            guard let stored else { throw HelpdeskError(.internalError, "A change was decided without its user") }
            try db.execute(
                sql: "UPDATE users SET role = ?, is_active = ?, time_zone = ?, credential_version = credential_version + ? WHERE id = ?",
                arguments: [
                    change.user.role.rawValue, change.user.isActive, change.user.timeZone, change.bumpCredentialVersion ? 1 : 0, stored.id,
                ])
            if let hash = change.passwordHash {
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, stored.id])
            }
            if change.clearLockout { try Self.clearLockout(stored.id, db) }
            if let audit = change.audit { try Self.audit(audit, by: actor, at: now, db) }
            guard let saved = try UserTable.find(id: stored.id, db) else { throw HelpdeskError(.internalError, "The user was not saved") }
            return saved
        }
    }

    public func users(role: Role?, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [UserSummary] {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            var sql = """
                SELECT \(UserTable.selectColumns),
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = users.id AND t.deleted_at IS NULL
                        AND \(StatusSQL.active("t.status"))) AS open_tickets
                FROM users
                """
            var arguments: StatementArguments = []
            if let role {
                sql += " WHERE role = ?"
                arguments += [role.rawValue]
            }
            sql += " ORDER BY email"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                UserSummary(user: try UserTable.user(from: $0), openTickets: $0["open_tickets"])
            }
        }
    }

    public func agents(actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [AgentSummary] {
        try await read { db in
            try authorize(try UserTable.find(id: actorId, db))
            let roles = Role.allCases.filter(\.isStaff).map(\.rawValue)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT \(UserTable.selectColumns),
                        (SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE assignee_id = users.id AND deleted = 0
                            AND \(StatusSQL.active("status"))) AS open_assigned
                    FROM users WHERE role IN (\(roles.map { _ in "?" }.joined(separator: ", "))) ORDER BY role DESC, email
                    """,
                arguments: StatementArguments(roles)
            ).map { AgentSummary(user: try UserTable.user(from: $0), openAssigned: $0["open_assigned"]) }
        }
    }
}
