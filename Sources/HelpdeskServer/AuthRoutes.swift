import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// `POST /api/v1/auth/register` (201, the user), `POST /api/v1/auth/login` (200, a token grant) and
/// `GET /api/v1/auth/me` (the token's user as stored now).
enum AuthRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.post, "/api/v1/auth/register") { request, _ in
                let body = try await JSONBody.decode(RegisterBody.self, from: request)
                let user = try await helpdesk.register(email: body.email, name: body.name, password: body.password)
                return JSONResponse.make(WireUser(user), status: .created)
            },
            Endpoint(.post, "/api/v1/auth/login") { request, _ in
                let body = try await JSONBody.decode(LoginBody.self, from: request)
                let user = try await helpdesk.login(email: body.email, password: body.password)
                let token = try await auth.tokens.issue(for: user, session: Self.newSessionId(), at: helpdesk.clock.now())
                let grant = WireTokenGrant(
                    accessToken: token, refreshToken: nil, expiresIn: Int(AccessTokens.lifetime), user: WireUser(user))
                return JSONResponse.make(grant, headers: [.cacheControl: "no-store"])
            },
            Endpoint(.get, "/api/v1/auth/me") { request, _ in
                JSONResponse.make(WireUser(try await auth.user(request)))
            },
        ]
    }

    /// 128 random bits, hex: names the login in its tokens' `sid`.
    static func newSessionId() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
