import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird
import Testing

/// Issue 14: "Logins, refreshes, logouts and password changes go to the audit log with the address."
struct AuditRouteTests {
    static let address = "203.0.113.7"

    @Test func everyAuthEventIsAuditedWithTheAddressAndNeverATokenOrPassword() async throws {
        let fixture = try await APIFixture()
        let secrets = try await fixture.client { api in
            let from = Self.address
            var secrets = ["password1", "wrong-guess", "a new password"]
            _ = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "wrong-guess"}"#, from: from)
            _ = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "nobody@x.test", "password": "wrong-guess"}"#, from: from)
            let first = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#, from: from)
            let grant = try first.decode(WireTokenGrant.self)
            let second = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#, from: from)
            let other = try second.decode(WireTokenGrant.self)
            let refreshed = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(grant.refreshToken ?? "")"}"#, from: from)
            let renewed = try refreshed.decode(WireTokenGrant.self)
            let sessions = try await api.send(.get, "/api/v1/auth/sessions", token: renewed.accessToken, from: from)
            let otherId = try sessions.decode(WireSessionList.self).sessions.first { !$0.current }?.id ?? ""
            #expect(try await api.send(.delete, "/api/v1/auth/sessions/\(otherId)", token: renewed.accessToken, from: from).status == .noContent)
            #expect(try await api.send(.post, "/api/v1/auth/logout", token: renewed.accessToken, from: from).status == .noContent)
            let third = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#, from: from)
            let last = try third.decode(WireTokenGrant.self)
            #expect(try await api.send(.post, "/api/v1/auth/logout-all", token: last.accessToken, from: from).status == .noContent)
            let fourth = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#, from: from)
            let changer = try fourth.decode(WireTokenGrant.self)
            let changed = try await api.send(
                .post, "/api/v1/auth/password", token: changer.accessToken,
                json: #"{"current_password": "password1", "new_password": "a new password"}"#, from: from)
            #expect(changed.status == .ok, "\(changed.text)")
            for grant in [grant, other, renewed, last, changer] { secrets += [grant.accessToken, grant.refreshToken ?? ""].filter { !$0.isEmpty } }
            return secrets
        }
        let entries = try await fixture.helpdesk().auditLog(limit: 100, by: fixture.admin).reversed()
        let mine = entries.filter { $0.action.hasPrefix("session.") || ["user.login", "user.login-failed", "user.password-change"].contains($0.action) }
        #expect(mine.map(\.action) == [
            "user.login-failed", "user.login-failed", "user.login", "user.login", "session.refresh", "session.revoke",
            "session.logout", "user.login", "session.logout-all", "user.login",
            // The current password of a change is checked as a login is, and recorded as one.
            "user.login", "user.password-change",
        ])
        #expect(mine.allSatisfy { $0.detail?.contains("from \(Self.address)") == true }, "\(mine.map { $0.detail ?? "" })")
        #expect(mine.map(\.target) == [
            "dan@x.test", "nobody@x.test", "dan@x.test", "dan@x.test", "dan@x.test", "dan@x.test", "dan@x.test", "dan@x.test",
            "dan@x.test", "dan@x.test", "dan@x.test", "dan@x.test",
        ])
        #expect(mine.first?.actorEmail == "(anonymous)")
        #expect(mine.last?.actorEmail == "dan@x.test")
        let everything = entries.map { "\($0.actorEmail) \($0.action) \($0.target) \($0.detail ?? "")" }.joined(separator: "\n")
        for secret in secrets {
            #expect(!everything.contains(secret), "the audit log holds a secret: \(secret.prefix(6))…")
        }
    }

    /// Reusing a rotated refresh token after the grace ends its session; the audit log says so.
    @Test func aReusedRefreshTokenIsAudited() async throws {
        let fixture = try await APIFixture()
        let used = try await fixture.client { api in
            let login = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "erin@x.test", "password": "password1"}"#)
            let token = try login.decode(WireTokenGrant.self).refreshToken ?? ""
            let status = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(token)"}"#).status
            #expect(status == .ok)
            return token
        }
        let status = try await fixture.client(minutes: 1) { api in
            try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(used)"}"#, from: Self.address).status
        }
        #expect(status == .unauthorized)
        let last = try await fixture.helpdesk(minutes: 1).auditLog(limit: 1, by: fixture.admin).first
        #expect(last?.action == "session.reuse-revoked")
        #expect(last?.target == "erin@x.test")
        #expect(last?.detail?.hasSuffix("from \(Self.address)") == true)
    }
}
