import Foundation
import GRDB
import HelpdeskCore

/// Maps `User` to the `users` table. The password hash is read only by the login path.
enum UserTable {
    static let selectColumns = "id, email, name, role, is_active, created_at, credential_version, time_zone"

    /// Reads a user from a row holding `selectColumns`.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no account can hold (`StoredRow`).
    static func user(from row: Row) throws -> User {
        let stored = StoredRow(row, table: "users")
        return User(
            id: try stored.integer("id"), email: try stored.text("email"), name: try stored.text("name"), role: try stored.choice("role"),
            isActive: try stored.bool("is_active"), createdAt: try stored.date("created_at"),
            credentialVersion: try stored.count("credential_version"), timeZone: try stored.optionalText("time_zone"))
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
