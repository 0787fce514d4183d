import Foundation
import HelpdeskCore

extension Helpdesk {
    /// The one refusal of a refresh token or a session that is not accepted, whatever the reason.
    static let sessionRefusal = HelpdeskError(.unauthorized, "The session has ended or the token is not valid; log in again")

    /// Opens an API session for `user` (just logged in) under the face's random `id`, with the
    /// digest of its first refresh token (the face keeps the token; the store keeps only the digest).
    /// - Throws: `UNAUTHORIZED` when the user can no longer act; `INTERNAL_ERROR`.
    public func openSession(for user: User, id: String, refreshDigest: [UInt8]) async throws -> SessionState {
        let me = try await currentUser(user)
        let now = try now()
        let session = SessionState(id: id, userId: me.id, credentialVersion: me.credentialVersion, createdAt: now, lastUsedAt: now)
        try await storage.openSession(session, refreshDigest: refreshDigest)
        return session
    }

    /// Trades the refresh token with `digest` for `replacement` (`SessionRules.refresh`): the user
    /// as stored now and the session on success. A token used before ends its whole session, unless
    /// presented again within `SessionRules.reuseGrace` of its rotation with its replacement unused.
    /// A trade is audited (`session.refresh`, `from <origin>`), and so is the end of a session by the
    /// reuse of a rotated token (`session.reuse-revoked`), in the same transaction.
    /// - Throws: `UNAUTHORIZED` (`sessionRefusal`) for an unknown, used, expired or ended token, or a
    ///   user who can no longer act or whose credential version moved on.
    public func refreshSession(digest: [UInt8], replacement: [UInt8], origin: LoginOrigin) async throws -> (User, SessionState) {
        let now = try now()
        let (snapshot, verdict) = try await storage.useRefreshToken(
            digest: digest, replacement: replacement, at: now,
            decide: { snapshot in
                guard let snapshot else { return .refuse }
                return SessionRules.refresh(
                    snapshot.session, user: snapshot.user, usedAt: snapshot.usedAt, replacementUsed: snapshot.replacementUsed, at: now,
                    lifetimes: snapshot.lifetimes)
            },
            audit: { snapshot, verdict in
                let action: String
                switch verdict {
                case .rotate, .reissue: action = "session.refresh"
                case .revokeFamily: action = "session.reuse-revoked"
                case .refuse: return nil
                }
                return Self.sessionAudit(action, session: snapshot.session.id, of: snapshot.user?.email, origin: origin)
            })
        guard verdict == .rotate || verdict == .reissue, let snapshot, let user = snapshot.user else { throw Self.sessionRefusal }
        var session = snapshot.session
        session.lastUsedAt = now
        return (user, session)
    }

    /// The acting user as stored now and their session `id`, if it may still act
    /// (`SessionRules.isLive`): the HTTP face asks on every request.
    /// - Throws: `UNAUTHORIZED` (`sessionRefusal`) for an ended, expired or foreign session, or a user
    ///   who can no longer act.
    public func liveSession(id: String, by actor: some ActorReference) async throws -> (User, SessionState) {
        let me: User
        do {
            me = try await currentUser(actor)
        } catch let error as HelpdeskError where error.code == .unauthorized {
            throw Self.sessionRefusal
        }
        guard let session = try await storage.session(id: id),
            SessionRules.isLive(session, for: me, at: try now(), lifetimes: try await storage.sessionLifetimes())
        else {
            throw Self.sessionRefusal
        }
        return (me, session)
    }

    /// Ends the acting user's own session `id`; its refresh tokens stop working at once. Audited
    /// with `origin`: `session.logout` when `ending` is `.logout` (the caller's own session),
    /// `session.revoke` when `.revoke` (one of their sessions, by id).
    /// - Throws: `NOT_FOUND` when the actor has no session `id` (another user's is not told apart);
    ///   `UNAUTHORIZED`.
    public func closeSession(id: String, ending: SessionEnding, origin: LoginOrigin, by actor: some ActorReference) async throws {
        let me = try await currentUser(actor)
        guard let session = try await storage.session(id: id), session.userId == me.id else { throw HelpdeskError.notFound("Session") }
        let action = ending == .logout ? "session.logout" : "session.revoke"
        try await storage.revokeSession(id: id, at: try now(), audit: Self.sessionAudit(action, session: id, of: me.email, origin: origin))
    }

    /// How `closeSession` ends a session, as the audit log names it.
    public enum SessionEnding: Sendable {
        /// The caller logs out of the session its token names.
        case logout
        /// The caller ends one of its sessions by id.
        case revoke
    }

    /// A session event's audit entry: by and about the session's user, naming the session (its
    /// public id, which grants nothing) and the origin; never a token.
    private static func sessionAudit(_ action: String, session: String, of email: String?, origin: LoginOrigin) -> AuditRecord {
        AuditRecord(
            action, target: email ?? "(a removed user)", detail: "session \(session) from \(origin.auditDescription)",
            actor: email ?? "(a removed user)")
    }

    /// The acting user's sessions that may still act, newest first.
    /// - Throws: `UNAUTHORIZED`.
    public func sessions(by actor: some ActorReference) async throws -> [SessionState] {
        let me = try await currentUser(actor)
        let now = try now()
        let lifetimes = try await storage.sessionLifetimes()
        return try await storage.openSessions(userId: me.id).filter { SessionRules.isLive($0, for: me, at: now, lifetimes: lifetimes) }
    }

    /// Ends every session of the acting user (logout everywhere); audited (`session.logout-all`,
    /// `from <origin>`).
    /// - Throws: `UNAUTHORIZED`.
    public func closeAllSessions(origin: LoginOrigin, by actor: some ActorReference) async throws {
        let me = try await currentUser(actor)
        try await storage.revokeSessions(
            userId: me.id, at: try now(),
            audit: AuditRecord("session.logout-all", target: me.email, detail: "from \(origin.auditDescription)", actor: me.email))
    }
}
