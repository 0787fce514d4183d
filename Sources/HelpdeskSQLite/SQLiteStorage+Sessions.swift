import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    public func openSession(_ session: SessionState, refreshDigest: [UInt8]) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_sessions (id, user_id, credential_version, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [session.id, session.userId, session.credentialVersion, session.createdAt, session.lastUsedAt])
            try db.execute(
                sql: "INSERT INTO api_refresh_tokens (digest, session_id, created_at) VALUES (?, ?, ?)",
                arguments: [Data(refreshDigest), session.id, session.createdAt])
        }
    }

    public func useRefreshToken(
        digest: [UInt8], replacement: [UInt8], at now: Date,
        decide: @escaping @Sendable (RefreshSnapshot?) -> SessionRules.RefreshVerdict,
        audit: @escaping @Sendable (RefreshSnapshot, SessionRules.RefreshVerdict) -> AuditRecord?
    ) async throws -> (snapshot: RefreshSnapshot?, verdict: SessionRules.RefreshVerdict) {
        try await write { db in
            guard
                let token = try Row.fetchOne(
                    db, sql: "SELECT session_id, used_at, replaced_by FROM api_refresh_tokens WHERE digest = ?", arguments: [Data(digest)]),
                let session = try Self.findSession(id: try StoredRow(token, table: "api_refresh_tokens").text("session_id"), db)
            else { return (nil, decide(nil)) }
            let usedAt = try StoredRow(token, table: "api_refresh_tokens").optionalDate("used_at")
            let replacedBy: Data? = token["replaced_by"]
            var replacementUsed = false
            if usedAt != nil {
                let replacement = try replacedBy.flatMap {
                    try Row.fetchOne(db, sql: "SELECT used_at FROM api_refresh_tokens WHERE digest = ?", arguments: [$0])
                }
                replacementUsed = try replacement.map { try StoredRow($0, table: "api_refresh_tokens").optionalDate("used_at") != nil } ?? true
            }
            let snapshot = RefreshSnapshot(
                session: session, user: try UserTable.find(id: session.userId, db), usedAt: usedAt, replacementUsed: replacementUsed,
                lifetimes: try Self.sessionLifetimes(db))
            let verdict = decide(snapshot)
            switch verdict {
            case .rotate, .reissue:
                if verdict == .reissue, let replacedBy {
                    // The undelivered replacement is revoked by marking it used with no successor (not
                    // deleted): whoever presents it later shows that two parties hold the session, and
                    // `decide` ends the session. The presented token keeps pointing at it, so a third
                    // presentation finds its replacement "used" and ends the session too: the grace
                    // yields exactly one fresh token.
                    try db.execute(
                        sql: "UPDATE api_refresh_tokens SET used_at = coalesce(used_at, ?) WHERE digest = ?",
                        arguments: [now, replacedBy])
                } else {
                    try db.execute(
                        sql: "UPDATE api_refresh_tokens SET used_at = coalesce(used_at, ?), replaced_by = ? WHERE digest = ?",
                        arguments: [now, Data(replacement), Data(digest)])
                }
                try db.execute(
                    sql: "INSERT INTO api_refresh_tokens (digest, session_id, created_at) VALUES (?, ?, ?)",
                    arguments: [Data(replacement), session.id, now])
                try db.execute(sql: "UPDATE api_sessions SET last_used_at = ? WHERE id = ?", arguments: [now, session.id])
            case .revokeFamily:
                try db.execute(sql: "UPDATE api_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, session.id])
            case .refuse:
                break
            }
            if let record = audit(snapshot, verdict) { try Self.audit(record, by: snapshot.user, at: now, db) }
            return (snapshot, verdict)
        }
    }

    public func revokeSession(id: String, at now: Date, audit: AuditRecord) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE api_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            try Self.audit(audit, by: nil, at: now, db)
        }
    }

    public func session(id: String) async throws -> SessionState? {
        try await read { db in try Self.findSession(id: id, db) }
    }

    public func openSessions(userId: Int64) async throws -> [SessionState] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.sessionColumns) FROM api_sessions WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id",
                arguments: [userId]
            ).map(Self.session(from:))
        }
    }

    public func revokeSessions(userId: Int64, at now: Date, audit: AuditRecord) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE api_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", arguments: [now, userId])
            try Self.audit(audit, by: nil, at: now, db)
        }
    }

    public func sessionLifetimes() async throws -> SessionLifetimes {
        try await read { db in try Self.sessionLifetimes(db) }
    }

    private static let sessionColumns = "id, user_id, credential_version, created_at, last_used_at, revoked_at"

    private static func findSession(id: String, _ db: Database) throws -> SessionState? {
        try Row.fetchOne(db, sql: "SELECT \(sessionColumns) FROM api_sessions WHERE id = ?", arguments: [id]).map(session(from:))
    }

    private static func session(from row: Row) throws -> SessionState {
        let stored = StoredRow(row, table: "api_sessions")
        return SessionState(
            id: try stored.text("id"), userId: try stored.integer("user_id"), credentialVersion: try stored.count("credential_version"),
            createdAt: try stored.date("created_at"), lastUsedAt: try stored.date("last_used_at"),
            revokedAt: try stored.optionalDate("revoked_at"))
    }
}
