import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Guest entry over SSH: an admin's switch and limit, the key that may enter as a guest, a guest's
/// logins in the audit log, and a customer linking the guest key to their account.
struct SSHGuestTests {
    /// `SSHKeyTests.k1`'s type and base64, as sshd's `%t %k` give them.
    static let type = "ssh-ed25519"
    static let base64 = String(SSHKeyTests.k1.split(separator: " ")[1])

    static func guestsOn(_ fx: StoreFixture) async throws {
        _ = try await fx.service.setSSHGuests(true, by: fx.admin)
    }

    @Test(arguments: Engine.allCases) func guestsAreOffByDefaultAndOnlyAdminsSwitchThemAndTheirLimit(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let initial = try await fx.service.settings(by: fx.alice)
        #expect(!initial.sshGuests && initial.sshGuestLimit == SSHGuestRules.defaultLimit)
        await expectError(.forbidden) { try await fx.service.setSSHGuests(true, by: fx.alice) }
        await expectError(.forbidden) { try await fx.service.setSSHGuestLimit(5, by: fx.alice) }
        for refused in [0, -1, 1_001] {
            await expectError(.validation, field: "ssh_guest_limit", "\(refused)") { try await fx.service.setSSHGuestLimit(refused, by: fx.admin) }
        }
        _ = try await fx.service.setSSHGuests(true, by: fx.admin)
        let changed = try await fx.service.setSSHGuestLimit(3, by: fx.admin)
        #expect(changed.sshGuests && changed.sshGuestLimit == 3 && !changed.autoAssign)
        // Each switch keeps the others as they were.
        let auto = try await fx.service.setAutoAssign(true, by: fx.admin)
        #expect(auto.sshGuests && auto.sshGuestLimit == 3 && auto.autoAssign)
        let audit = try await fx.service.auditLog(by: fx.admin).prefix(3).map { [$0.action, $0.detail] }
        #expect(audit == [["settings.auto-assign", "on"], ["settings.ssh-guest-limit", "3"], ["settings.ssh-guests", "on"]])
    }

    @Test(arguments: Engine.allCases) func onlyAStrangersValidKeyGetsInAndOnlyWhileGuestsAreOn(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        #expect(try await fx.service.sshGuestKey(type: Self.type, base64: Self.base64) == nil, "guests off")
        try await Self.guestsOn(fx)
        #expect(try await fx.service.sshGuestKey(type: Self.type, base64: Self.base64)?.text == "\(Self.type) \(Self.base64)")
        #expect(try await fx.service.sshGuestKey(type: "ssh-dss", base64: Self.base64) == nil, "a type the core refuses")
        #expect(try await fx.service.sshGuestKey(type: Self.type, base64: "AAAA") == nil, "not a key")
        // A key someone holds, even a deactivated someone, is nobody's guest key.
        _ = try await fx.service.addSSHKey(email: "erin@x.test", key: SSHKeyTests.k1, by: fx.admin)
        _ = try await fx.service.setActive(email: "erin@x.test", active: false, by: fx.admin)
        #expect(try await fx.service.sshGuestKey(type: Self.type, base64: Self.base64) == nil)
    }

    @Test(arguments: Engine.allCases) func aGuestSessionReadsTheSwitchAgainAndIsAudited(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await expectError(.unauthorized, "guests off") { try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64) }
        try await Self.guestsOn(fx)
        _ = try await fx.service.setSSHGuestLimit(7, by: fx.admin)
        let entry = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        #expect(entry.fingerprint == SSHKeyTests.f1 && entry.limit == 7)
        let connect = try #require(try await fx.service.auditLog(by: fx.admin).first)
        #expect([connect.action, connect.actorEmail, connect.detail] == ["ssh.guest-connect", Helpdesk.guestActor, SSHKeyTests.f1])
        _ = try await fx.service.setSSHGuests(false, by: fx.admin)
        await expectError(.unauthorized, "switched off since the line was given") {
            try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        }
    }

    @Test(arguments: Engine.allCases) func aGuestsLoginsAndFailuresAreAuditedWithTheKeysFingerprint(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        try await Self.guestsOn(fx)
        let entry = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        await expectError(.unauthorized) { try await fx.service.guestLogin(email: "DAN@x.test", password: "wrong-password", guest: entry) }
        let dan = try await fx.service.guestLogin(email: "dan@x.test", password: "password1", guest: entry)
        #expect(dan.id == fx.dan.id)
        let audit = try await fx.service.auditLog(by: fx.admin).prefix(2).map { [$0.action, $0.actorEmail, $0.target, $0.detail] }
        #expect(audit == [
            ["ssh.guest-login", "dan@x.test", "dan@x.test", SSHKeyTests.f1],
            ["ssh.guest-login-failed", Helpdesk.guestActor, "dan@x.test", SSHKeyTests.f1],
        ])
    }

    @Test(arguments: Engine.allCases) func aCustomerLinksTheGuestKeyOnceAndStaffNever(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        try await Self.guestsOn(fx)
        let entry = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        await expectError(.forbidden, "an agent") { try await fx.service.linkGuestKey(entry, email: "alice@x.test", password: "password1") }
        await expectError(.forbidden, "an admin") { try await fx.service.linkGuestKey(entry, email: "admin@x.test", password: "password1") }
        await expectError(.unauthorized, "the password is checked again") {
            try await fx.service.linkGuestKey(entry, email: "dan@x.test", password: "not-dans-password")
        }
        let linked = try await fx.service.linkGuestKey(entry, email: "dan@x.test", password: "password1")
        #expect(linked.userEmail == "dan@x.test" && linked.fingerprint == SSHKeyTests.f1)
        #expect(try await fx.service.sshKeys(email: nil, by: fx.dan).map(\.fingerprint) == [SSHKeyTests.f1])
        let link = try #require(try await fx.service.auditLog(by: fx.admin).first)
        #expect([link.action, link.actorEmail, link.target, link.detail] == ["ssh-key.link", "dan@x.test", "dan@x.test", SSHKeyTests.f1])
        // The key is Dan's now: the next connection with it is his (openSSHSession), not a guest's.
        #expect(try await fx.service.openSSHSession(keyId: linked.id).id == fx.dan.id)
        await expectError(.conflict, field: "key") { try await fx.service.linkGuestKey(entry, email: "erin@x.test", password: "password1") }
        await expectError(.unauthorized) { try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64) }
    }

    /// A linked key was proved by a password alone: a password change, or a promotion to staff,
    /// ends it (the next connection with it is refused, the key removed and the unlink audited), so
    /// a stranger who once knew the password keeps nothing. A key an admin added is not affected.
    @Test(arguments: Engine.allCases) func aLinkedKeyEndsWithThePasswordOrRoleItWasLinkedUnder(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        try await Self.guestsOn(fx)
        let entry = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        let linked = try await fx.service.linkGuestKey(entry, email: "dan@x.test", password: "password1")
        let added = try await fx.service.addSSHKey(email: "dan@x.test", key: SSHKeyTests.k2, by: fx.admin)
        #expect(try await fx.service.openSSHSession(keyId: linked.id).id == fx.dan.id)
        _ = try await fx.service.changePassword(current: "password1", new: "a-new-password-9", origin: .local, by: fx.dan)
        await expectError(.unauthorized, "the linked key after the password changed") { try await fx.service.openSSHSession(keyId: linked.id) }
        #expect(try await fx.service.sshKeys(email: "dan@x.test", by: fx.admin).map(\.fingerprint) == [added.fingerprint], "the linked key is gone")
        let unlink = try #require(try await fx.service.auditLog(by: fx.admin).first)
        #expect([unlink.action, unlink.target] == ["ssh-key.unlink", "dan@x.test"])
        #expect(try await fx.service.openSSHSession(keyId: added.id).id == fx.dan.id, "the admin's key still works")
        // The key is a stranger's again: it may enter as a guest.
        #expect(try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64).fingerprint == SSHKeyTests.f1)

        // A customer promoted after linking: the key never opens a staff console.
        let again = try await fx.service.linkGuestKey(entry, email: "dan@x.test", password: "a-new-password-9")
        _ = try await fx.service.setRole(email: "dan@x.test", role: "agent", by: fx.admin)
        await expectError(.unauthorized, "the linked key after a promotion") { try await fx.service.openSSHSession(keyId: again.id) }
    }

    /// A guest's failed logins lock the account for that client only: a stranger guessing an
    /// admin's password locks themselves out, never the admin, and a fresh key from the same client
    /// brings no fresh guesses (a key costs nothing to make; `SSHGuestEntry.origin`).
    @Test(arguments: Engine.allCases) func fiveFailuresFromOneGuestClientLockOnlyThatClientOut(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        try await Self.guestsOn(fx)
        let keyB64 = String(SSHKeyTests.k2.split(separator: " ")[1])
        let keyA = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64, clientAddress: "2001:db8:7:7::1")
        // The same /64, another address and another key: the same client.
        let sameClient = try await fx.service.openSSHGuestSession(type: "ssh-ed25519", base64: keyB64, clientAddress: "2001:db8:7:7::beef")
        let otherClient = try await fx.service.openSSHGuestSession(type: "ssh-ed25519", base64: keyB64, clientAddress: "192.0.2.10")
        for attempt in 1...5 {
            await expectError(.unauthorized, "attempt \(attempt)") {
                try await fx.service.guestLogin(email: "admin@x.test", password: "guessing-\(attempt)", guest: keyA)
            }
        }
        await expectError(.unauthorized, "the client is locked out, even with the right password") {
            try await fx.service.guestLogin(email: "admin@x.test", password: "password1", guest: keyA)
        }
        await expectError(.unauthorized, "a new key from the same client is locked out too") {
            try await fx.service.guestLogin(email: "admin@x.test", password: "password1", guest: sameClient)
        }
        #expect(try await fx.service.guestLogin(email: "admin@x.test", password: "password1", guest: otherClient).id == fx.admin.id)
        #expect(try await fx.service.login(email: "admin@x.test", password: "password1", origin: .local).id == fx.admin.id)
        // An hour on, the client may try again.
        #expect(try await fx.at(1).guestLogin(email: "admin@x.test", password: "password1", guest: keyA).id == fx.admin.id)
    }

    /// Without sshd's address (a session not started by sshd), a guest's failures lock by its key.
    @Test(arguments: Engine.allCases) func withoutAnAddressTheKeyIsTheOrigin(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        try await Self.guestsOn(fx)
        let keyA = try await fx.service.openSSHGuestSession(type: Self.type, base64: Self.base64)
        let keyB = try await fx.service.openSSHGuestSession(type: "ssh-ed25519", base64: String(SSHKeyTests.k2.split(separator: " ")[1]))
        for attempt in 1...5 {
            await expectError(.unauthorized, "attempt \(attempt)") {
                try await fx.service.guestLogin(email: "admin@x.test", password: "guessing-\(attempt)", guest: keyA)
            }
        }
        await expectError(.unauthorized, "key A is locked out") { try await fx.service.guestLogin(email: "admin@x.test", password: "password1", guest: keyA) }
        #expect(try await fx.service.guestLogin(email: "admin@x.test", password: "password1", guest: keyB).id == fx.admin.id)
    }
}
