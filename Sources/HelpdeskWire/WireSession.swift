import Foundation
import HelpdeskCore

/// One of the caller's API sessions (`GET /api/v1/auth/sessions`).
public struct WireSession: Codable, Sendable, Equatable {
    /// The session's id (the `sid` of its access tokens); `DELETE /api/v1/auth/sessions/:id` ends it.
    public var id: String
    /// When the login happened (UTC).
    public var createdAt: Date
    /// The last refresh, or the login (UTC).
    public var lastUsedAt: Date
    /// True for the session of the token that asked.
    public var current: Bool

    /// A session; `current` when it is the asking token's.
    public init(_ session: SessionState, current: Bool) {
        id = session.id
        createdAt = session.createdAt
        lastUsedAt = session.lastUsedAt
        self.current = current
    }

    private enum CodingKeys: String, CodingKey {
        case id, current
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }
}

/// `GET /api/v1/auth/sessions`: `{"sessions": [...]}`, newest first.
public struct WireSessionList: Codable, Sendable, Equatable {
    /// The sessions that may still act.
    public var sessions: [WireSession]

    /// The list.
    public init(sessions: [WireSession]) {
        self.sessions = sessions
    }
}
