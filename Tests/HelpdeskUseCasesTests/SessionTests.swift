import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// API sessions through the use cases, on every engine: rotation, reuse, expiry, logout.
struct SessionTests {
    private func digest(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    @Test(arguments: Engine.allCases)
    func aRefreshTokenRotatesAndItsReuseEndsTheSession(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let session = try await fx.service.openSession(for: fx.dan, id: "s1", refreshDigest: digest(1))
        #expect(session.userId == fx.dan.id)
        let (user, renewed) = try await fx.at(1).refreshSession(digest: digest(1), replacement: digest(2), origin: .local)
        #expect(user.id == fx.dan.id)
        #expect(renewed.lastUsedAt == fx.start.addingTimeInterval(3600))
        await #expect(throws: HelpdeskError.self) { try await fx.at(2).refreshSession(digest: digest(1), replacement: digest(3), origin: .local) }
        // The reuse ended the session: its newest token and its access are refused too.
        await #expect(throws: HelpdeskError.self) { try await fx.at(2).refreshSession(digest: digest(2), replacement: digest(4), origin: .local) }
        await #expect(throws: HelpdeskError.self) { try await fx.at(2).liveSession(id: "s1", by: fx.dan) }
    }

    /// The grace for a client that lost the answer yields one fresh token, once: a thief replaying
    /// a rotated token inside the grace gets it, but the rightful client's next refresh (with the
    /// token the reissue revoked) ends the session for both; and a second replay ends it too.
    @Test(arguments: Engine.allCases)
    func theReuseGraceYieldsOneTokenAndTheRevokedOneEndsTheSession(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let seconds = { (s: Double) in fx.at(1 + s / 3600) }
        _ = try await fx.service.openSession(for: fx.dan, id: "thief", refreshDigest: digest(1))
        _ = try await seconds(0).refreshSession(digest: digest(1), replacement: digest(2), origin: .local)  // the client: 1 → 2
        _ = try await seconds(3).refreshSession(digest: digest(1), replacement: digest(3), origin: .local)  // a replay within 10 s: 3, and 2 revoked
        await expectError(.unauthorized, "the revoked token") { try await seconds(4).refreshSession(digest: digest(2), replacement: digest(4), origin: .local) }
        // Presenting the revoked token proved two holders: the thief's reissued token is dead too.
        await expectError(.unauthorized, "the reissued token") { try await seconds(5).refreshSession(digest: digest(3), replacement: digest(5), origin: .local) }
        await expectError(.unauthorized, "the session") { try await seconds(5).liveSession(id: "thief", by: fx.dan) }

        _ = try await fx.service.openSession(for: fx.dan, id: "twice", refreshDigest: digest(10))
        _ = try await seconds(0).refreshSession(digest: digest(10), replacement: digest(11), origin: .local)
        _ = try await seconds(1).refreshSession(digest: digest(10), replacement: digest(12), origin: .local)  // the one reissue
        await expectError(.unauthorized, "a second replay") { try await seconds(2).refreshSession(digest: digest(10), replacement: digest(13), origin: .local) }
        await expectError(.unauthorized, "the session") { try await seconds(2).liveSession(id: "twice", by: fx.dan) }

        // A client that really lost the answer goes on with its reissued token.
        _ = try await fx.service.openSession(for: fx.dan, id: "lost", refreshDigest: digest(20))
        _ = try await seconds(0).refreshSession(digest: digest(20), replacement: digest(21), origin: .local)
        _ = try await seconds(2).refreshSession(digest: digest(20), replacement: digest(22), origin: .local)
        let (_, session) = try await seconds(60).refreshSession(digest: digest(22), replacement: digest(23), origin: .local)
        #expect(session.id == "lost")
    }

    @Test(arguments: Engine.allCases)
    func aSessionEndsAtLogoutAfterThirtyDaysAndWithTheCredentialVersion(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.openSession(for: fx.dan, id: "out", refreshDigest: digest(1))
        await #expect(throws: HelpdeskError.self) { try await fx.service.closeSession(id: "out", ending: .revoke, origin: .local, by: fx.erin) }
        try await fx.service.closeSession(id: "out", ending: .revoke, origin: .local, by: fx.dan)
        await #expect(throws: HelpdeskError.self) { try await fx.service.liveSession(id: "out", by: fx.dan) }

        _ = try await fx.service.openSession(for: fx.dan, id: "long", refreshDigest: digest(5))
        var byte: UInt8 = 5
        for day in stride(from: 10.0, through: 29.0 * 24, by: 10 * 24) {
            _ = try await fx.at(day).refreshSession(digest: digest(byte), replacement: digest(byte + 1), origin: .local)
            byte += 1
        }
        await #expect(throws: HelpdeskError.self) { try await fx.at(30 * 24).refreshSession(digest: digest(byte), replacement: digest(99), origin: .local) }

        _ = try await fx.service.openSession(for: fx.alice, id: "role", refreshDigest: digest(50))
        _ = try await fx.service.setRole(email: "alice@x.test", role: "admin", by: fx.admin)
        await #expect(throws: HelpdeskError.self) { try await fx.service.liveSession(id: "role", by: fx.alice) }
        await #expect(throws: HelpdeskError.self) { try await fx.at(1).refreshSession(digest: digest(50), replacement: digest(51), origin: .local) }
    }
}
