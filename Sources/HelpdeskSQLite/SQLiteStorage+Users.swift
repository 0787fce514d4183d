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

    public func credentials(email: String, origin: LoginOrigin) async throws -> StoredCredentials? {
        try await read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(UserTable.selectColumns), password_hash, locked_until FROM users WHERE email = ?", arguments: [email])
            else { return nil }
            let stored = StoredRow(row, table: "users")
            let user = try UserTable.user(from: row)
            return StoredCredentials(
                user: user, passwordHash: try stored.optionalText("password_hash"),
                lockedUntil: try Self.lock(of: user.id, origin: origin, account: try stored.optionalDate("locked_until"), db))
        }
    }

    public func recordLogin(
        userId: Int64, origin: LoginOrigin, at now: Date, decide: @escaping @Sendable (LoginSnapshot) throws -> LoginRecord
    ) async throws -> (snapshot: LoginSnapshot, saved: LoginRecord) {
        try await write { db in
            try Self.dropSpentOriginLockouts(at: now, db)
            let row = try Row.fetchOne(
                db, sql: "SELECT \(UserTable.selectColumns), password_hash, locked_until FROM users WHERE id = ?", arguments: [userId])
            let stored = row.map { StoredRow($0, table: "users") }
            let snapshot = LoginSnapshot(
                user: try row.map { try UserTable.user(from: $0) }, passwordHash: try stored?.optionalText("password_hash"),
                failures: try Self.failures(of: userId, origin: origin, db),
                lockedUntil: try Self.lock(of: userId, origin: origin, account: try stored?.optionalDate("locked_until"), db))
            let record = try decide(snapshot)
            if let audit = record.audit { try Self.audit(audit, by: nil, at: now, db) }
            // A locked attempt changes nothing (and must not copy the account's lock to the origin).
            if snapshot.user == nil { return (snapshot, record) }
            if case .locked = record.verdict { return (snapshot, record) }
            try Self.saveLockout(of: userId, origin: origin, failures: record.failures, lockedUntil: record.lockedUntil, db)
            if let hash = record.passwordHash {
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userId])
            }
            return (snapshot, record)
        }
    }

    /// The stored lock of `userId` for `origin`: the account's own (`account`, read from its row),
    /// which binds every origin, or for another origin than `.local` that origin's, whichever ends later.
    private static func lock(of userId: Int64, origin: LoginOrigin, account: Date?, _ db: Database) throws -> Date? {
        guard let key = origin.lockoutKey else { return account }
        let own = try Row.fetchOne(
            db, sql: "SELECT locked_until FROM origin_lockouts WHERE user_id = ? AND origin = ?", arguments: [userId, key]
        ).map { try StoredRow($0, table: "origin_lockouts", name: "of user \(userId)").date("locked_until") }
        return [account, own].compactMap { $0 }.max()
    }

    /// The stored failures of `userId` from `origin`, oldest first.
    private static func failures(of userId: Int64, origin: LoginOrigin, _ db: Database) throws -> [Date] {
        guard let key = origin.lockoutKey else {
            return try Row.fetchAll(db, sql: "SELECT rowid AS id, at FROM login_failures WHERE user_id = ? ORDER BY at", arguments: [userId])
                .map { try StoredRow($0, table: "login_failures").date("at") }
        }
        return try Row.fetchAll(
            db, sql: "SELECT rowid AS id, at FROM origin_login_failures WHERE user_id = ? AND origin = ? ORDER BY at",
            arguments: [userId, key]
        ).map { try StoredRow($0, table: "origin_login_failures").date("at") }
    }

    /// Replaces the failures and the lock of `userId` for `origin` (a nil lock removes it).
    private static func saveLockout(of userId: Int64, origin: LoginOrigin, failures: [Date], lockedUntil: Date?, _ db: Database) throws {
        guard let key = origin.lockoutKey else {
            try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [userId])
            for failure in failures {
                try db.execute(sql: "INSERT INTO login_failures (user_id, at) VALUES (?, ?)", arguments: [userId, failure])
            }
            try db.execute(sql: "UPDATE users SET locked_until = ? WHERE id = ?", arguments: [lockedUntil, userId])
            return
        }
        try db.execute(sql: "DELETE FROM origin_login_failures WHERE user_id = ? AND origin = ?", arguments: [userId, key])
        for failure in failures {
            try db.execute(sql: "INSERT INTO origin_login_failures (user_id, origin, at) VALUES (?, ?, ?)", arguments: [userId, key, failure])
        }
        if let lockedUntil {
            try db.execute(
                sql: "INSERT OR REPLACE INTO origin_lockouts (user_id, origin, locked_until) VALUES (?, ?, ?)",
                arguments: [userId, key, lockedUntil])
        } else {
            try db.execute(sql: "DELETE FROM origin_lockouts WHERE user_id = ? AND origin = ?", arguments: [userId, key])
        }
    }

    /// Drops every origin's failures too old to count (`LoginLockout.window`) and every lock that
    /// has ended: what any number of addresses or keys can leave behind is what they did in the
    /// last 15 minutes.
    private static func dropSpentOriginLockouts(at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM origin_login_failures WHERE at <= ?", arguments: [now.addingTimeInterval(-LoginLockout.window)])
        try db.execute(sql: "DELETE FROM origin_lockouts WHERE locked_until <= ?", arguments: [now])
    }

    public func appendAudit(_ record: AuditRecord, at now: Date) async throws {
        try await write { db in try Self.audit(record, by: nil, at: now, db) }
    }

    private static func clearLockout(_ userId: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM login_failures WHERE user_id = ?", arguments: [userId])
        try db.execute(sql: "UPDATE users SET locked_until = NULL WHERE id = ?", arguments: [userId])
        try db.execute(sql: "DELETE FROM origin_login_failures WHERE user_id = ?", arguments: [userId])
        try db.execute(sql: "DELETE FROM origin_lockouts WHERE user_id = ?", arguments: [userId])
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
                UserSummary(user: try UserTable.user(from: $0), openTickets: try StoredRow($0, table: "users").count("open_tickets"))
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
            ).map { AgentSummary(user: try UserTable.user(from: $0), openAssigned: try StoredRow($0, table: "ticket_tally").count("open_assigned")) }
        }
    }
}
