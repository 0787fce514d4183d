import Foundation
import GRDB
import HelpdeskCore

/// Maps `User` to the `users` table. The password hash is read only by the login path.
enum UserTable {
    static let selectColumns = "id, email, name, role, is_active, created_at, credential_version, time_zone"

    static func user(from row: Row) throws -> User {
        guard let role = Role(rawValue: row["role"] ?? "") else {
            throw HelpdeskError(.internalError, "Malformed stored user: role")
        }
        return User(
            id: row["id"], email: row["email"], name: row["name"], role: role,
            isActive: row["is_active"], createdAt: row["created_at"], credentialVersion: row["credential_version"],
            timeZone: row["time_zone"])
    }

    static func find(email: String, _ db: Database) throws -> User? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT \(selectColumns) FROM users WHERE email = ?"), arguments: [email])
            .map(user(from:))
    }

    static func find(id: Int64, _ db: Database) throws -> User? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT \(selectColumns) FROM users WHERE id = ?"), arguments: [id])
            .map(user(from:))
    }

    static func require(email: String, field: String, _ db: Database) throws -> User {
        let normalized = try Validator.email(email, field: field)
        guard let user = try find(email: normalized, db) else {
            throw HelpdeskError.notFound("User \(normalized)")
        }
        return user
    }

    static func ref(_ user: User) -> UserRef {
        UserRef(id: user.id, email: user.email, name: user.name, role: user.role)
    }

    /// Inserts an account; a concurrent insert of the same email fails on the UNIQUE index
    /// (`CONFLICT`), the use case having refused a taken email already.
    static func insert(email: String, name: String, role: Role, passwordHash: String?, at now: Date, _ db: Database) throws -> User {
        try db.execute(
            sql: "INSERT INTO users (email, name, role, is_active, password_hash, created_at) VALUES (?, ?, ?, 1, ?, ?)",
            arguments: [email, name, role.rawValue, passwordHash, now])
        return User(id: db.lastInsertedRowID, email: email, name: name, role: role, isActive: true, createdAt: now)
    }
}
