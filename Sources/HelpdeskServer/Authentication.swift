import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Who a request acts for: only a verified access token says, and the user is re-read as stored now
/// on every request, so a deactivated user or one whose credential version moved on (a password
/// reset, a role change) is refused at once with 401.
struct Authentication: Sendable {
    let helpdesk: Helpdesk
    let tokens: AccessTokens

    /// The user behind `request`'s `Authorization: Bearer …`.
    /// - Throws: `UNAUTHORIZED` (no token, a bad or expired one, an inactive user, a stale credential version).
    func user(_ request: Request) async throws -> User {
        guard let header = request.headers[.authorization] else {
            throw HelpdeskError(.unauthorized, "Authentication required: send Authorization: Bearer <access token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AccessTokens.refusal }
        let claims = try await tokens.verify(String(parts[1]), at: helpdesk.clock.now())
        guard let id = Int64(claims.sub.value) else { throw AccessTokens.refusal }
        let user: User
        do {
            user = try await helpdesk.currentUser(TokenSubject(actorId: id))
        } catch let error as HelpdeskError where error.code == .unauthorized {
            throw AccessTokens.refusal
        }
        guard user.credentialVersion == claims.cv else { throw AccessTokens.refusal }
        return user
    }
}

/// The user id a verified token names.
struct TokenSubject: ActorReference {
    let actorId: Int64
}
