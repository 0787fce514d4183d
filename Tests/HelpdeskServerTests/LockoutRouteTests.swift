import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskWire
import Hummingbird
import Testing

/// Issue 14: "API login failures lock the account for that client address only (a stranger on the
/// network cannot lock an admin out of the console), answered exactly like a wrong password".
struct LockoutRouteTests {
    static let stranger = "203.0.113.7"
    static let colleague = "198.51.100.20"

    private func login(_ api: APIClient, password: String, from address: String) async throws -> APIResponse {
        try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "admin@x.test", "password": "\#(password)"}"#, from: address)
    }

    @Test func fiveFailuresFromOneAddressLockItButNotAnotherAddressNorTheConsole() async throws {
        let fixture = try await APIFixture()
        var refusals: [String] = []
        for minute in 0..<5 {
            refusals.append(try await fixture.client(minutes: Double(minute)) { api in
                let response = try await login(api, password: "wrong-guess", from: Self.stranger)
                #expect(response.status == .unauthorized)
                #expect(response.error?.code == .unauthorized)
                return response.error?.message ?? ""
            })
        }
        refusals.append(try await fixture.client(minutes: 6) { api in
            let locked = try await login(api, password: APIFixture.password, from: Self.stranger)
            #expect(locked.status == .unauthorized, "the right password from the locked address is refused")
            let other = try await login(api, password: APIFixture.password, from: Self.colleague)
            #expect(other.status == .ok, "another address logs in: \(other.text)")
            return locked.error?.message ?? ""
        })
        #expect(Set(refusals) == [LoginLockout.refusal.message], "every refusal reads the same: \(Set(refusals))")
        let failed = try await fixture.helpdesk(minutes: 6).auditLog(limit: 100, by: fixture.admin)
            .filter { $0.action == "user.login-failed" && $0.detail == "from \(Self.stranger)" }
        #expect(failed.count == 6, "five wrong passwords and the right one refused while locked are audited")
        #expect(try await fixture.helpdesk(minutes: 6).login(email: "admin@x.test", password: APIFixture.password, origin: .local).id == fixture.admin.id)
        // The fifth failure came at minute 4: the address is open again at minute 19.
        let stillLocked = try await fixture.client(minutes: 18.9) { api in
            try await login(api, password: APIFixture.password, from: Self.stranger).status
        }
        #expect(stillLocked == .unauthorized)
        let open = try await fixture.client(minutes: 19) { api in
            try await login(api, password: APIFixture.password, from: Self.stranger).status
        }
        #expect(open == .ok)
    }

    @Test func aPasswordChangesWrongCurrentPasswordCountsTowardTheAddresssLockout() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("dan@x.test")
            for _ in 0..<5 {
                let refused = try await api.send(
                    .post, "/api/v1/auth/password", token: token,
                    json: #"{"current_password": "wrong-guess", "new_password": "a new password"}"#, from: Self.stranger)
                #expect(refused.status == .unauthorized)
                #expect(refused.error?.message == LoginLockout.refusal.message)
            }
            let login = try await api.send(
                .post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#, from: Self.stranger)
            #expect(login.status == .unauthorized, "the address is locked for logins too")
            #expect(try await api.login("dan@x.test").isEmpty == false, "another address logs in")
        }
    }
}
