import Foundation
import HelpdeskCore
import Testing

/// The verdicts on a presented refresh token.
struct SessionRulesTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    var user: User { User(id: 7, email: "dan@x.test", name: "Dan", role: .customer, createdAt: start, credentialVersion: 3) }
    var session: SessionState { SessionState(id: "s", userId: 7, credentialVersion: 3, createdAt: start, lastUsedAt: start) }

    private func verdict(
        _ session: SessionState? = nil, user: User? = nil, usedAt: Date? = nil, replacementUsed: Bool = false, after seconds: TimeInterval,
        lifetimes: SessionLifetimes = .standard
    ) -> SessionRules.RefreshVerdict {
        SessionRules.refresh(
            session ?? self.session, user: user ?? self.user, usedAt: usedAt, replacementUsed: replacementUsed,
            at: start.addingTimeInterval(seconds), lifetimes: lifetimes)
    }

    @Test func anUnusedTokenRotatesUntilTheSessionExpires() {
        #expect(verdict(after: 60) == .rotate)
        #expect(verdict(after: 14 * 86_400 - 1) == .rotate)
        #expect(verdict(after: 14 * 86_400) == .refuse)
        var refreshed = session
        refreshed.lastUsedAt = start.addingTimeInterval(20 * 86_400)
        #expect(verdict(refreshed, after: 29 * 86_400) == .rotate)
        #expect(verdict(refreshed, after: 30 * 86_400) == .refuse)
    }

    @Test func theLifetimesAdminsSetApply() throws {
        let short = try SessionLifetimes(idleDays: 2, maxDays: 3)
        #expect(verdict(after: 2 * 86_400 - 1, lifetimes: short) == .rotate)
        #expect(verdict(after: 2 * 86_400, lifetimes: short) == .refuse)
        var refreshed = session
        refreshed.lastUsedAt = start.addingTimeInterval(2 * 86_400)
        #expect(verdict(refreshed, after: 3 * 86_400 - 1, lifetimes: short) == .rotate)
        #expect(verdict(refreshed, after: 3 * 86_400, lifetimes: short) == .refuse)
        #expect(!SessionRules.isLive(session, for: user, at: start.addingTimeInterval(2 * 86_400), lifetimes: short))
        #expect(SessionRules.isLive(session, for: user, at: start.addingTimeInterval(2 * 86_400), lifetimes: .standard))
    }

    @Test func lifetimesOutsideTheirBoundsOrIdleBeyondMaxAreRefusedByField() {
        #expect(SessionLifetimes.standard.idleDays == 14 && SessionLifetimes.standard.maxDays == 30)
        for (idle, max, field) in [(0, 30, "token_idle_days"), (14, 366, "token_max_days"), (31, 30, "token_idle_days")] {
            let error = #expect(throws: HelpdeskError.self) { try SessionLifetimes(idleDays: idle, maxDays: max) }
            #expect(error?.code == .validation)
            #expect(error?.fieldErrors[field] != nil, "\(idle)/\(max): \(String(describing: error))")
        }
    }

    @Test func aUsedTokenIsForgivenOnlyWithinTheGraceAndWhileItsReplacementIsUnused() {
        #expect(verdict(usedAt: start, after: 0) == .reissue)
        #expect(verdict(usedAt: start, after: SessionRules.reuseGrace - 0.001) == .reissue)
        #expect(verdict(usedAt: start, after: SessionRules.reuseGrace) == .revokeFamily)
        #expect(verdict(usedAt: start, replacementUsed: true, after: 1) == .revokeFamily)
    }

    @Test func anEndedSessionOrAChangedUserEndsEverything() {
        var ended = session
        ended.revokedAt = start
        #expect(verdict(ended, after: 1) == .refuse)
        var demoted = user
        demoted.credentialVersion = 4
        #expect(verdict(user: demoted, after: 1) == .revokeFamily)
        var inactive = user
        inactive.isActive = false
        #expect(verdict(user: inactive, after: 1) == .revokeFamily)
        #expect(!SessionRules.isLive(session, for: demoted, at: start, lifetimes: .standard))
        #expect(SessionRules.isLive(session, for: user, at: start, lifetimes: .standard))
    }
}
