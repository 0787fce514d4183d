import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Who a request acts for: only a verified access token says, and the user and the token's session
/// are re-read as stored now on every request, so a deactivated user, an ended session (logout, a
/// reused refresh token) or a credential version that moved on (a password reset, a role change) is
/// refused at once with 401.
struct Authentication: Sendable {
    let helpdesk: Helpdesk
    let tokens: AccessTokens

    /// The user behind `request`'s `Authorization: Bearer …`.
    /// - Throws: `UNAUTHORIZED` (no token, a bad or expired one, an ended session, an inactive user,
    ///   a stale credential version).
    func user(_ request: Request) async throws -> User {
        try await authenticate(request).user
    }

    /// The user and session behind `request`'s access token (see `user(_:)`).
    func authenticate(_ request: Request) async throws -> Authenticated {
        guard let header = request.headers[.authorization] else {
            throw HelpdeskError(.unauthorized, "Authentication required: send Authorization: Bearer <access token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AccessTokens.refusal }
        let claims = try await tokens.verify(String(parts[1]), at: helpdesk.clock.now())
        guard let id = Int64(claims.sub.value) else { throw AccessTokens.refusal }
        let (user, _) = try await helpdesk.liveSession(id: claims.sid, by: TokenSubject(actorId: id))
        guard user.credentialVersion == claims.cv else { throw AccessTokens.refusal }
        return Authenticated(user: user, session: claims.sid)
    }
}

/// Who a verified request acts for, and in which session.
struct Authenticated {
    let user: User
    let session: String
}

/// The user id a verified token names.
struct TokenSubject: ActorReference {
    let actorId: Int64
}
