import Foundation

/// A login through the HTTP API: the session its tokens name (`sid`), as stored.
public struct SessionState: Sendable, Equatable {
    /// The public id, random; access tokens carry it.
    public var id: String
    /// Whose session it is.
    public var userId: Int64
    /// The user's credential version when the session was opened: a later role change,
    /// deactivation or password reset ends the session.
    public var credentialVersion: Int
    /// When the login happened.
    public var createdAt: Date
    /// The last refresh (or the login).
    public var lastUsedAt: Date
    /// When it was ended (logout, reuse of a rotated refresh token); nil while live.
    public var revokedAt: Date?

    /// A session as stored.
    public init(id: String, userId: Int64, credentialVersion: Int, createdAt: Date, lastUsedAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.userId = userId
        self.credentialVersion = credentialVersion
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// How API sessions live and end. Each refresh token is used once and replaced by a new one
/// (rotation); presenting one already used means it was copied, so the whole session (the family of
/// its tokens) is ended, except within `reuseGrace` of its rotation while its replacement has not
/// been used: then the client most likely lost the answer, and gets a fresh replacement instead (the
/// undelivered one is revoked). A session ends after the `SessionLifetimes` set (14 days without a
/// refresh or 30 days after the login, unless an admin changed them), and when the user's credential
/// version moves on (role change, deactivation, password reset).
public enum SessionRules {
    /// How long after its rotation a refresh token may be presented again for a client that lost
    /// the answer: 10 seconds.
    public static let reuseGrace: TimeInterval = 10

    /// What presenting a refresh token does.
    public enum RefreshVerdict: Sendable, Equatable {
        /// Accepted: the token is marked used and its replacement stored.
        case rotate
        /// Refused; nothing changes (an ended or expired session).
        case refuse
        /// Refused, and the session is ended (a used token again, or a user who may no longer act as it).
        case revokeFamily
        /// Accepted again within the grace: the unused replacement is revoked and a new one stored.
        case reissue
    }

    /// The verdict on a token of `session` whose user is stored as `user`: `usedAt` is when it was
    /// rotated (nil if never), `replacementUsed` whether the token that replaced it was used since;
    /// `lifetimes` as set now.
    public static func refresh(
        _ session: SessionState, user: User?, usedAt: Date?, replacementUsed: Bool, at now: Date, lifetimes: SessionLifetimes
    ) -> RefreshVerdict {
        if session.revokedAt != nil { return .refuse }
        guard let user, user.isActive, user.credentialVersion == session.credentialVersion else { return .revokeFamily }
        if let usedAt {
            let sinceRotation = now.timeIntervalSince(usedAt)
            guard !replacementUsed, sinceRotation >= 0, sinceRotation < reuseGrace else { return .revokeFamily }
            return isExpired(session, at: now, lifetimes) ? .refuse : .reissue
        }
        return isExpired(session, at: now, lifetimes) ? .refuse : .rotate
    }

    /// Whether an access token of `session` may still act for `user` at `now` under `lifetimes`.
    public static func isLive(_ session: SessionState, for user: User, at now: Date, lifetimes: SessionLifetimes) -> Bool {
        session.revokedAt == nil && session.userId == user.id && session.credentialVersion == user.credentialVersion
            && !isExpired(session, at: now, lifetimes)
    }

    private static func isExpired(_ session: SessionState, at now: Date, _ lifetimes: SessionLifetimes) -> Bool {
        now >= session.createdAt.addingTimeInterval(lifetimes.maxSeconds) || now >= session.lastUsedAt.addingTimeInterval(lifetimes.idleSeconds)
    }
}
