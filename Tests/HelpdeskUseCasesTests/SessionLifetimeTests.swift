import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// `settings token-idle-days N` and `settings token-max-days N`: admins set how long API sessions
/// live, and every refresh and request applies the values set now.
struct SessionLifetimeTests {
    private func digest(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    @Test(arguments: Engine.allCases)
    func theDefaultsAreFourteenAndThirtyDays(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let settings = try await fx.service.settings(by: fx.alice)
        #expect(settings.sessionLifetimes == .standard)
        #expect(settings.sessionLifetimes.idleDays == 14 && settings.sessionLifetimes.maxDays == 30)
    }

    @Test(arguments: Engine.allCases)
    func shorterLifetimesEndSessionsAtTheirNextRefreshAndRequest(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.openSession(for: fx.dan, id: "idle", refreshDigest: digest(1))
        _ = try await fx.service.openSession(for: fx.erin, id: "busy", refreshDigest: digest(10))
        // Three days on, both still live under the defaults.
        _ = try await fx.at(72).liveSession(id: "idle", by: fx.dan)
        _ = try await fx.at(72).refreshSession(digest: digest(10), replacement: digest(11), origin: .local)
        let settings = try await fx.service.setSessionLifetimes(idleDays: 2, maxDays: nil, by: fx.admin)
        #expect(settings.sessionLifetimes.idleDays == 2 && settings.sessionLifetimes.maxDays == 30)
        await expectError(.unauthorized, "three days idle is past two") { try await fx.at(72).liveSession(id: "idle", by: fx.dan) }
        await expectError(.unauthorized) { try await fx.at(72).refreshSession(digest: digest(1), replacement: digest(2), origin: .local) }
        // Refreshed at hour 72: live until hour 120.
        _ = try await fx.at(119).liveSession(id: "busy", by: fx.erin)
        _ = try await fx.service.setSessionLifetimes(idleDays: nil, maxDays: 4, by: fx.admin)
        await expectError(.unauthorized, "four days from the login") { try await fx.at(96).liveSession(id: "busy", by: fx.erin) }
        let audit = try await fx.service.auditLog(limit: 2, by: fx.admin)
        #expect(audit.map(\.action) == ["settings.token-max-days", "settings.token-idle-days"])
        #expect(audit.map { $0.detail ?? "" } == ["max 4 days", "idle 2 days"])
    }

    @Test(arguments: Engine.allCases)
    func badLifetimesAreRefusedByFieldAndOnlyAdminsSetThem(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await expectError(.validation, field: "token_idle_days") { try await fx.service.setSessionLifetimes(idleDays: 0, maxDays: nil, by: fx.admin) }
        await expectError(.validation, field: "token_max_days") { try await fx.service.setSessionLifetimes(idleDays: nil, maxDays: 366, by: fx.admin) }
        await expectError(.validation, field: "token_idle_days", "idle beyond the stored max") {
            try await fx.service.setSessionLifetimes(idleDays: 31, maxDays: nil, by: fx.admin)
        }
        await expectError(.validation, field: "token_max_days", "a max below the stored idle") {
            try await fx.service.setSessionLifetimes(idleDays: nil, maxDays: 13, by: fx.admin)
        }
        await expectError(.forbidden) { try await fx.service.setSessionLifetimes(idleDays: 7, maxDays: nil, by: fx.alice) }
        #expect(try await fx.service.settings(by: fx.admin).sessionLifetimes == .standard, "nothing was stored")
    }
}
