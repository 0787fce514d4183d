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
