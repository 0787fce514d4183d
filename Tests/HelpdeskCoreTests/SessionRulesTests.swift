import Foundation
import HelpdeskCore
import Testing

/// The verdicts on a presented refresh token.
struct SessionRulesTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    var user: User { User(id: 7, email: "dan@x.test", name: "Dan", role: .customer, createdAt: start, credentialVersion: 3) }
    var session: SessionState { SessionState(id: "s", userId: 7, credentialVersion: 3, createdAt: start, lastUsedAt: start) }

    private func verdict(
        _ session: SessionState? = nil, user: User? = nil, usedAt: Date? = nil, replacementUsed: Bool = false, after seconds: TimeInterval
    ) -> SessionRules.RefreshVerdict {
        SessionRules.refresh(
            session ?? self.session, user: user ?? self.user, usedAt: usedAt, replacementUsed: replacementUsed,
            at: start.addingTimeInterval(seconds))
    }

    @Test func anUnusedTokenRotatesUntilTheSessionExpires() {
        #expect(verdict(after: 60) == .rotate)
        #expect(verdict(after: SessionRules.idleLifetime - 1) == .rotate)
        #expect(verdict(after: SessionRules.idleLifetime) == .refuse)
        var refreshed = session
        refreshed.lastUsedAt = start.addingTimeInterval(20 * 86_400)
        #expect(verdict(refreshed, after: 29 * 86_400) == .rotate)
        #expect(verdict(refreshed, after: SessionRules.absoluteLifetime) == .refuse)
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
        #expect(!SessionRules.isLive(session, for: demoted, at: start))
        #expect(SessionRules.isLive(session, for: user, at: start))
    }
}
