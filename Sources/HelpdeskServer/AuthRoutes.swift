import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// `POST /api/v1/auth/register` (201, the user), `POST /api/v1/auth/login` (200, a token grant
/// that opens a session), `POST /api/v1/auth/refresh` (the refresh token traded for a new grant,
/// rotated), `POST /api/v1/auth/logout` (204, the session ended), `POST /api/v1/auth/logout-all`
/// (204, every session of the user ended), `GET /api/v1/auth/sessions` (the user's live sessions),
/// `DELETE /api/v1/auth/sessions/:id` (204), `POST /api/v1/auth/password` (one's own password
/// changed: every session ends, the caller gets a new grant) and `GET /api/v1/auth/me` (the token's
/// user as stored now).
enum AuthRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.post, "/api/v1/auth/register", .register) { request, _ in
                let body = try await JSONBody.decode(RegisterBody.self, from: request)
                let user = try await helpdesk.register(email: body.email, name: body.name, password: body.password)
                return JSONResponse.make(WireUser(user), status: .created)
            },
            Endpoint(.post, "/api/v1/auth/login", .login) { request, context in
                let body = try await JSONBody.decode(LoginBody.self, from: request)
                let user = try await helpdesk.login(email: body.email, password: body.password, origin: .address(context.clientAddress))
                let refresh = RefreshTokens.generate(helpdesk.digest)
                let session = try await helpdesk.openSession(for: user, id: Self.newSessionId(), refreshDigest: refresh.digest)
                return try await grant(user: user, session: session.id, refreshToken: refresh.token, helpdesk: helpdesk, auth: auth)
            },
            Endpoint(.post, "/api/v1/auth/refresh", .refresh) { request, context in
                let presented = try await refreshToken(request)
                let replacement = RefreshTokens.generate(helpdesk.digest)
                let (user, session) = try await helpdesk.refreshSession(
                    digest: RefreshTokens.digest(presented, helpdesk.digest), replacement: replacement.digest,
                    origin: .address(context.clientAddress))
                return try await grant(user: user, session: session.id, refreshToken: replacement.token, helpdesk: helpdesk, auth: auth)
            },
            Endpoint(.post, "/api/v1/auth/logout", .logout) { request, context in
                let caller = try await auth.authenticate(request)
                try await helpdesk.closeSession(id: caller.session, ending: .logout, origin: .address(context.clientAddress), by: caller.user)
                return Response(status: .noContent)
            },
            Endpoint(.post, "/api/v1/auth/logout-all", .logoutAll) { request, context in
                let caller = try await auth.authenticate(request)
                try await helpdesk.closeAllSessions(origin: .address(context.clientAddress), by: caller.user)
                return Response(status: .noContent)
            },
            Endpoint(.get, "/api/v1/auth/sessions", .listSessions) { request, _ in
                let caller = try await auth.authenticate(request)
                let sessions = try await helpdesk.sessions(by: caller.user)
                return JSONResponse.make(WireSessionList(sessions: sessions.map { WireSession($0, current: $0.id == caller.session) }))
            },
            Endpoint(.delete, "/api/v1/auth/sessions/:id", .endSession) { request, context in
                let caller = try await auth.authenticate(request)
                guard let id = context.parameters.get("id") else { throw HelpdeskError.validation("id", "is required") }
                try await helpdesk.closeSession(id: id, ending: .revoke, origin: .address(context.clientAddress), by: caller.user)
                return Response(status: .noContent)
            },
            Endpoint(.post, "/api/v1/auth/password", .changePassword) { request, context in
                let caller = try await auth.authenticate(request)
                let body = try await JSONBody.decode(PasswordChangeBody.self, from: request)
                let user = try await helpdesk.changePassword(
                    current: body.current, new: body.new, origin: .address(context.clientAddress), by: caller.user)
                // Every session ended with the old credential version; the caller goes on in a new one.
                let refresh = RefreshTokens.generate(helpdesk.digest)
                let session = try await helpdesk.openSession(for: user, id: Self.newSessionId(), refreshDigest: refresh.digest)
                return try await grant(user: user, session: session.id, refreshToken: refresh.token, helpdesk: helpdesk, auth: auth)
            },
            Endpoint(.get, "/api/v1/auth/me", .me) { request, _ in
                JSONResponse.make(WireUser(try await auth.user(request)))
            },
        ]
    }

    /// The login's answer: a fresh access token for `session` and the refresh token; never cached.
    private static func grant(user: User, session: String, refreshToken: String, helpdesk: Helpdesk, auth: Authentication) async throws -> Response {
        let token = try await auth.tokens.issue(for: user, session: session, at: helpdesk.clock.now())
        let grant = WireTokenGrant(
            accessToken: token, refreshToken: refreshToken, expiresIn: Int(AccessTokens.lifetime), user: WireUser(user))
        return JSONResponse.make(grant, headers: [.cacheControl: "no-store"])
    }

    /// The refresh token of `POST /auth/refresh`: `Authorization: Bearer …`, else the body's `refresh_token`.
    /// - Throws: `UNAUTHORIZED` when there is none (no header and no body, as a body without the
    ///   token); the body's errors.
    private static func refreshToken(_ request: Request) async throws -> String {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
        }
        guard let token = try await JSONBody.decodeIfPresent(RefreshBody.self, from: request)?.refreshToken else {
            throw HelpdeskError(.unauthorized, "Send the refresh token as Authorization: Bearer … or {\"refresh_token\": …}")
        }
        return token
    }

    /// 128 random bits, hex: names the login in its tokens' `sid`.
    static func newSessionId() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
