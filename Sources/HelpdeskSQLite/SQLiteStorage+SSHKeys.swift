import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// Maps `SSHKey` to the `ssh_keys` table (migration 14).
enum SSHKeyTable {
    static let selectColumns = """
        ssh_keys.id, ssh_keys.user_id, users.email, ssh_keys.key_type, ssh_keys.fingerprint, ssh_keys.created_at, ssh_keys.last_used_at,
        ssh_keys.linked_credential_version
        """
    static let from = "ssh_keys JOIN users ON users.id = ssh_keys.user_id"

    static func key(from row: Row) throws -> SSHKey {
        guard let type = SSHKeyType(rawValue: row["key_type"] ?? "") else {
            throw HelpdeskError(.internalError, "Malformed stored SSH key: type")
        }
        return SSHKey(
            id: row["id"], userId: row["user_id"], userEmail: row["email"], type: type, fingerprint: row["fingerprint"],
            createdAt: row["created_at"], lastUsedAt: row["last_used_at"],
            linkedCredentialVersion: try StoredRow(row, table: "ssh_keys").optionalInteger("linked_credential_version").map { Int($0) })
    }

    static func find(fingerprint: String, _ db: Database) throws -> SSHKey? {
        try Row.fetchOne(db, sql: "SELECT \(selectColumns) FROM \(from) WHERE ssh_keys.fingerprint = ?", arguments: [fingerprint])
            .map(key(from:))
    }

    static func find(id: Int64, _ db: Database) throws -> SSHKey? {
        try Row.fetchOne(db, sql: "SELECT \(selectColumns) FROM \(from) WHERE ssh_keys.id = ?", arguments: [id]).map(key(from:))
    }
}

extension SQLiteStorage {
    public func addSSHKey(
        _ record: NewSSHKeyRecord, actorId: Int64, at now: Date, decide: @escaping @Sendable (NewSSHKeySnapshot) throws -> AuditRecord
    ) async throws -> SSHKey {
        try await write { db in
            let actor = try UserTable.find(id: actorId, db)
            let owner = try UserTable.find(email: record.ownerEmail, db)
            let taken = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM ssh_keys WHERE key_base64 = ? OR fingerprint = ?)",
                arguments: [record.key.base64, record.fingerprint]) ?? false
            let audit = try decide(NewSSHKeySnapshot(actor: actor, owner: owner, keyTaken: taken))
            guard let owner else { throw HelpdeskError(.internalError, "A key was accepted without its owner") }
            try db.execute(
                sql: """
                    INSERT INTO ssh_keys (user_id, key_type, key_base64, fingerprint, created_at, linked_credential_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [owner.id, record.key.type.rawValue, record.key.base64, record.fingerprint, now, record.linkedCredentialVersion])
            let id = db.lastInsertedRowID
            try Self.audit(audit, by: actor, at: now, db)
            return SSHKey(
                id: id, userId: owner.id, userEmail: owner.email, type: record.key.type,
                fingerprint: record.fingerprint, createdAt: now, lastUsedAt: nil, linkedCredentialVersion: record.linkedCredentialVersion)
        }
    }

    public func sshKeys(
        ownerEmail: String?, actorId: Int64, decide: @escaping @Sendable (User?, User?) throws -> SSHKeyScope
    ) async throws -> [SSHKey] {
        try await read { db in
            let actor = try UserTable.find(id: actorId, db)
            let named = try ownerEmail.flatMap { try UserTable.find(email: $0, db) }
            let order = "ORDER BY users.email, ssh_keys.id"
            switch try decide(actor, named) {
            case .everyone:
                return try Row.fetchAll(db, sql: "SELECT \(SSHKeyTable.selectColumns) FROM \(SSHKeyTable.from) \(order)")
                    .map(SSHKeyTable.key(from:))
            case .owner(let id):
                return try Row.fetchAll(
                    db, sql: "SELECT \(SSHKeyTable.selectColumns) FROM \(SSHKeyTable.from) WHERE ssh_keys.user_id = ? \(order)",
                    arguments: [id]
                ).map(SSHKeyTable.key(from:))
            }
        }
    }

    public func removeSSHKey(
        fingerprint: String, actorId: Int64, at now: Date, decide: @escaping @Sendable (User?, SSHKey?) throws -> AuditRecord
    ) async throws -> SSHKey {
        try await write { db in
            let actor = try UserTable.find(id: actorId, db)
            let key = try SSHKeyTable.find(fingerprint: fingerprint, db)
            let audit = try decide(actor, key)
            guard let key else { throw HelpdeskError(.internalError, "A removal was decided without its key") }
            try db.execute(sql: "DELETE FROM ssh_keys WHERE id = ?", arguments: [key.id])
            try Self.audit(audit, by: actor, at: now, db)
            return key
        }
    }

    public func sshKeyIsRegistered(_ key: SSHPublicKey) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM ssh_keys WHERE key_type = ? AND key_base64 = ?)",
                arguments: [key.type.rawValue, key.base64]) ?? false
        }
    }

    public func sshKeyEntries(matching key: SSHPublicKey?) async throws -> [SSHKeyEntry] {
        try await read { db in
            var sql = "SELECT ssh_keys.id, key_type, key_base64 FROM \(SSHKeyTable.from) WHERE users.is_active = 1"
            var arguments: StatementArguments = []
            if let key {
                sql += " AND key_type = ? AND key_base64 = ?"
                arguments = [key.type.rawValue, key.base64]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY ssh_keys.id", arguments: arguments).map { row in
                // Stored re-serialised by the core; parsed again so a line is only ever written from a checked key.
                SSHKeyEntry(id: row["id"], key: try SSHPublicKey.parse(type: row["key_type"], base64: row["key_base64"]))
            }
        }
    }

    public func useSSHKey(
        id: Int64, at now: Date, decide: @escaping @Sendable (SSHKey?, User?) throws -> SSHKeyUse
    ) async throws -> User {
        let outcome: Result<User, HelpdeskError> = try await write { db in
            let key = try SSHKeyTable.find(id: id, db)
            let owner = try key.flatMap { try UserTable.find(id: $0.userId, db) }
            let use = try decide(key, owner)
            guard let owner else { throw HelpdeskError(.internalError, "A connection was accepted without its user") }
            switch use {
            case .admit(let audit):
                try db.execute(sql: "UPDATE ssh_keys SET last_used_at = ? WHERE id = ?", arguments: [now, id])
                try Self.audit(audit, by: owner, at: now, db)
                return .success(owner)
            case .forget(let audit, let refusal):
                try db.execute(sql: "DELETE FROM ssh_keys WHERE id = ?", arguments: [id])
                try Self.audit(audit, by: owner, at: now, db)
                return .failure(refusal)
            }
        }
        return try outcome.get()
    }
}
