import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskWire
import Hummingbird
import JWTKit
import Testing

/// Registering, logging in, and who a token stands for.
struct AuthRouteTests {
    @Test func registerAnswers201WithTheUserAndTheNewUserCanLogIn() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(
                .post, "/api/v1/auth/register", json: #"{"email": "New@X.test", "username": "Newcomer", "password": "password1"}"#)
            #expect(response.status == .created)
            let user = try response.decode(WireUser.self)
            #expect(user.email == "new@x.test")
            #expect(user.name == "Newcomer")
            #expect(user.role == .customer)
            #expect(response.object["password"] == nil && !response.text.contains("password1"))
            let token = try await api.login("new@x.test")
            let me = try await api.send(.get, "/api/v1/auth/me", token: token)
            #expect(try me.decode(WireUser.self).email == "new@x.test")
        }
    }

    @Test func registerRefusalsNameTheirCode() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let bad = try await api.send(.post, "/api/v1/auth/register", json: #"{"email": "nope", "name": "", "password": "short"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.error?.code == .validation)
            #expect(Set(bad.error?.errors.keys.map { $0 } ?? []) == ["email", "name", "password"])
            let taken = try await api.send(
                .post, "/api/v1/auth/register", json: #"{"email": "dan@x.test", "name": "Dan", "password": "password1"}"#)
            #expect(taken.status == .conflict)
            #expect(taken.error?.code == .conflict)
            let both = try await api.send(
                .post, "/api/v1/auth/register", json: #"{"email": "z@x.test", "name": "Z", "username": "Z", "password": "password1"}"#)
            #expect(both.status == .badRequest)
            #expect(both.error?.errors["username"] != nil)
        }
    }

    @Test func loginGrantsABearerTokenOfFifteenMinutes() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "alice@x.test", "password": "password1"}"#)
            #expect(response.status == .ok)
            let grant = try response.decode(WireTokenGrant.self)
            #expect(grant.tokenType == "Bearer")
            #expect(grant.expiresIn == 900)
            #expect(grant.user.email == "alice@x.test")
            #expect(grant.user.role == .agent)
            #expect(Set(response.object.keys) == ["access_token", "refresh_token", "token_type", "expires_in", "user"])
            let claims = try await AccessTokens(key: fixture.key).verify(grant.accessToken, at: fixture.start)
            #expect(claims.sub.value == String(fixture.alice.id))
            #expect(claims.cv == fixture.alice.credentialVersion)
            #expect(claims.exp.value == fixture.start.addingTimeInterval(900))
            #expect(claims.iss.value == AccessTokens.issuer)
            #expect(!claims.sid.isEmpty)
        }
    }

    @Test func wrongPasswordAndUnknownEmailGetTheSameUnauthorized() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let wrong = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "wrong-password"}"#)
            let unknown = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "who@x.test", "password": "wrong-password"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.error?.code == .unauthorized)
            #expect(wrong.body == unknown.body)
        }
    }

    @Test func meNeedsAToken() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let none = try await api.send(.get, "/api/v1/auth/me")
            #expect(none.status == .unauthorized)
            #expect(none.error?.code == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            let garbage = try await api.send(.get, "/api/v1/auth/me", token: "not-a-jwt")
            #expect(garbage.error?.code == .unauthorized)
        }
    }

    @Test func aTokenExpiresAfterFifteenMinutesOfTheInjectedClock() async throws {
        let fixture = try await APIFixture()
        let token = try await fixture.client { api in try await api.login("dan@x.test") }
        let justBefore = try await fixture.client(minutes: 14.9) { api in try await api.send(.get, "/api/v1/auth/me", token: token) }
        #expect(justBefore.status == .ok)
        let after = try await fixture.client(minutes: 15) { api in try await api.send(.get, "/api/v1/auth/me", token: token) }
        #expect(after.status == .unauthorized)
        #expect(after.error?.code == .unauthorized)
    }

    @Test func aTamperedTokenIsRefused() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("dan@x.test")
            let parts = token.split(separator: ".").map(String.init)
            // The payload re-encoded to name the admin, the signature kept.
            let forged = try await AccessTokens(key: SigningKey.generate()).issue(for: fixture.admin, session: "x", at: fixture.start)
            let forgedPayload = forged.split(separator: ".").map(String.init)[1]
            let swapped = [parts[0], forgedPayload, parts[2]].joined(separator: ".")
            #expect(try await api.send(.get, "/api/v1/auth/me", token: swapped).error?.code == .unauthorized)
            // Signed with another key (and so another kid).
            #expect(try await api.send(.get, "/api/v1/auth/me", token: forged).error?.code == .unauthorized)
            // A flipped signature character.
            var signature = Array(parts[2])
            signature[0] = signature[0] == "A" ? "B" : "A"
            let flipped = [parts[0], parts[1], String(signature)].joined(separator: ".")
            #expect(try await api.send(.get, "/api/v1/auth/me", token: flipped).status == .unauthorized)
        }
    }

    @Test func anUnsignedAlgNoneTokenIsRefused() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("dan@x.test")
            let payload = token.split(separator: ".").map(String.init)[1]
            for header in [#"{"alg":"none","typ":"JWT","kid":"\#(fixture.key.kid)"}"#, #"{"alg":"none","typ":"JWT"}"#] {
                let encoded = Data(header.utf8).base64EncodedString()
                    .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                for unsigned in ["\(encoded).\(payload).", "\(encoded).\(payload).\(token.split(separator: ".")[2])"] {
                    let response = try await api.send(.get, "/api/v1/auth/me", token: unsigned)
                    #expect(response.status == .unauthorized)
                    #expect(response.error?.code == .unauthorized)
                }
            }
        }
    }

    @Test func aDeactivatedUsersTokenStopsAtOnce() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("dan@x.test")
            #expect(try await api.send(.get, "/api/v1/tickets", token: token).status == .ok)
            _ = try await fixture.helpdesk().setActive(email: "dan@x.test", active: false, by: fixture.admin)
            let response = try await api.send(.get, "/api/v1/tickets", token: token)
            #expect(response.status == .unauthorized)
            #expect(response.error?.code == .unauthorized)
            #expect(try await api.send(.get, "/api/v1/auth/me", token: token).status == .unauthorized)
        }
    }

    @Test func aRoleChangeRetiresTheTokensIssuedBefore() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("alice@x.test")
            _ = try await fixture.helpdesk().setRole(email: "alice@x.test", role: "customer", by: fixture.admin)
            #expect(try await api.send(.get, "/api/v1/auth/me", token: token).error?.code == .unauthorized)
            let fresh = try await api.login("alice@x.test")
            #expect(try await api.send(.get, "/api/v1/auth/me", token: fresh).decode(WireUser.self).role == .customer)
        }
    }
}
