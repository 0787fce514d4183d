import Foundation
import HelpdeskCore

/// What a refresh transaction loads: the session of the presented token, its user as stored now,
/// when the token was rotated, and whether the token that replaced it was used since.
public struct RefreshSnapshot: Sendable, Equatable {
    /// The token's session.
    public var session: SessionState
    /// The session's user as stored now (nil if gone).
    public var user: User?
    /// When the token was rotated; nil while it has not been used.
    public var usedAt: Date?
    /// True when the token's replacement was used, revoked by a reissue, or is gone (a token revoked
    /// by a reissue reads as used with no replacement, so presenting it ends the session).
    public var replacementUsed: Bool
    /// The session lifetimes as set now.
    public var lifetimes: SessionLifetimes

    /// A snapshot.
    public init(session: SessionState, user: User?, usedAt: Date?, replacementUsed: Bool, lifetimes: SessionLifetimes) {
        self.session = session
        self.user = user
        self.usedAt = usedAt
        self.replacementUsed = replacementUsed
        self.lifetimes = lifetimes
    }
}

/// The HTTP API's sessions and refresh tokens; only SHA-256 digests of refresh tokens are stored.
public protocol SessionStorage: Sendable {
    /// Stores `session` with the digest of its first refresh token.
    func openSession(_ session: SessionState, refreshDigest: [UInt8]) async throws
    /// One write transaction: loads the snapshot of the token with `digest` (nil when there is none),
    /// calls `decide`, and applies its verdict: `rotate` marks the token used (replaced by
    /// `replacement`), stores `replacement` and sets the session's last use to `now`; `reissue`
    /// revokes the token's unused replacement (marks it used, leaving the presented token pointing at
    /// it, so neither can be traded again) and stores `replacement` as a fresh token of the session;
    /// `revokeFamily` ends the session at `now`; `refuse` changes nothing. `audit`'s entry for the
    /// snapshot and verdict, if any, is written in the same transaction. Returns the snapshot and the
    /// verdict.
    func useRefreshToken(
        digest: [UInt8], replacement: [UInt8], at now: Date,
        decide: @escaping @Sendable (RefreshSnapshot?) -> SessionRules.RefreshVerdict,
        audit: @escaping @Sendable (RefreshSnapshot, SessionRules.RefreshVerdict) -> AuditRecord?
    ) async throws -> (snapshot: RefreshSnapshot?, verdict: SessionRules.RefreshVerdict)
    /// Ends the session at `now` (one already ended keeps its time), with `audit` in the same transaction.
    func revokeSession(id: String, at now: Date, audit: AuditRecord) async throws
    /// The session with the public id, or nil.
    func session(id: String) async throws -> SessionState?
    /// Every session of the user that has not been ended, newest first.
    func openSessions(userId: Int64) async throws -> [SessionState]
    /// The session lifetimes as set now (`SessionLifetimes.standard` when never set).
    /// - Throws: `INTERNAL_ERROR` when a stored value is not a lifetime.
    func sessionLifetimes() async throws -> SessionLifetimes
    /// Ends every session of the user at `now`, with `audit` in the same transaction.
    func revokeSessions(userId: Int64, at now: Date, audit: AuditRecord) async throws
}
