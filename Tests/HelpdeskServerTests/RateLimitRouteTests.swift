import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskWire
import Hummingbird
import Synchronization
import Testing

/// A monotonic clock the test moves by hand.
final class HandClock: MonotonicClock {
    private let now = Mutex<Double>(0)

    func seconds() -> Double { now.withLock { $0 } }

    func advance(by seconds: Double) { now.withLock { $0 += seconds } }
}

/// Issue 14: "a per-address rate limit on `auth/*` (429 with `Retry-After`) uses the socket's peer
/// address (never `X-Forwarded-For`) and a monotonic clock (not `--now`)".
struct RateLimitRouteTests {
    static let first = "203.0.113.7"
    static let second = "198.51.100.20"

    private func me(_ api: APIClient, from address: String, headers: HTTPFields = [:]) async throws -> APIResponse {
        try await api.send(.get, "/api/v1/auth/me", headers: headers, from: address)
    }

    @Test func theEleventhRequestFromOneAddressIs429UntilTheBucketRefills() async throws {
        let fixture = try await APIFixture()
        let clock = HandClock()
        let limit = AuthRateLimit(clock: clock)
        try await fixture.client(rateLimit: limit) { api in
            for index in 1...10 {
                let response = try await me(api, from: Self.first)
                #expect(response.status == .unauthorized, "request \(index) passes the limit (and lacks a token): \(response.text)")
            }
            let limited = try await me(api, from: Self.first)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.error?.code == .rateLimited)
            #expect(limited.headers[.retryAfter] == "6", "one token comes back in 6 s")
            #expect(try await me(api, from: Self.second).status == .unauthorized, "another address has its own bucket")
            // `--now` plays no part: only the monotonic clock refills.
            clock.advance(by: 5.9)
            #expect(try await me(api, from: Self.first).status == .tooManyRequests)
            clock.advance(by: 0.1)
            #expect(try await me(api, from: Self.first).status == .unauthorized, "a token came back after 6 s")
            #expect(try await me(api, from: Self.first).status == .tooManyRequests)
        }
    }

    /// The router skips empty segments, so `/api/v1//auth/login` reaches the login: it must count
    /// against the same bucket, as must every address of one IPv6 /64 (found in review).
    @Test func extraSlashesAndFreshIPv6AddressesDoNotEscapeTheLimit() async throws {
        let fixture = try await APIFixture()
        let limit = AuthRateLimit(clock: HandClock())
        try await fixture.client(rateLimit: limit) { api in
            let paths = ["/api/v1/auth/me", "/api/v1//auth/me", "//api/v1/auth/me", "/api//v1/auth/me/", "/api/v1/%61uth/me"]
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<12 {
                statuses.append(try await api.send(.get, paths[index % paths.count], from: "2001:db8:5:5::\(index + 1)").status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 != .tooManyRequests }, "\(statuses)")
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            #expect(try await me(api, from: "2001:db8:5:6::1").status == .unauthorized, "another /64 has its own bucket")
        }
    }

    @Test func otherPathsAreNotLimited() async throws {
        let fixture = try await APIFixture()
        let limit = AuthRateLimit(clock: HandClock())
        try await fixture.client(rateLimit: limit) { api in
            for _ in 0..<15 {
                let status = try await api.send(.get, "/api/v1/health", from: Self.first).status
                #expect(status == .ok)
            }
        }
    }

    @Test func theTableOfAddressesStaysBounded() {
        let clock = HandClock()
        let limit = AuthRateLimit(capacity: 2, refillSeconds: 10, maximumAddresses: 100, clock: clock)
        for index in 0..<1_000 {
            #expect(limit.take(for: "10.0.\(index / 256).\(index % 256)") == nil)
            #expect(limit.rememberedAddresses <= 100)
        }
        // An address with debt is remembered while there is room for it.
        #expect(limit.take(for: "10.9.9.9") == nil)
        #expect(limit.take(for: "10.9.9.9") == nil)
        #expect(limit.take(for: "10.9.9.9") == 10)
    }

    /// The live server keys the limit by the socket's peer: a client that claims another address in
    /// `X-Forwarded-For` is still the loopback address it connects from.
    @Test func theLiveServerKeysByTheSocketPeerNotXForwardedFor() async throws {
        let fixture = try await APIFixture()
        let limit = AuthRateLimit(clock: HandClock())
        try await fixture.client(setup: .live, clientAddress: .socketPeer, rateLimit: limit) { api in
            for index in 0..<10 {
                let forwarded: HTTPFields = [HTTPFields.Element.Name("X-Forwarded-For")!: "198.51.100.\(index)"]
                let status = try await api.send(.get, "/api/v1/auth/me", headers: forwarded).status
                #expect(status == .unauthorized)
            }
            let forwarded: HTTPFields = [HTTPFields.Element.Name("X-Forwarded-For")!: "198.51.100.200"]
            let status = try await api.send(.get, "/api/v1/auth/me", headers: forwarded).status
            #expect(status == .tooManyRequests)
        }
    }
}
