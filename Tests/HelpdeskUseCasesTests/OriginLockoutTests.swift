import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 14: failures from an API client's address (or an SSH guest's key) lock the account for
/// that origin only; failures on the machine itself lock the account as before.
struct OriginLockoutTests {
    static let addressA = LoginOrigin.address("203.0.113.7")
    static let addressB = LoginOrigin.address("198.51.100.20")

    /// Five wrong passwords from `origin`, a minute apart from `fx`'s start.
    private func fail(_ fx: StoreFixture, from origin: LoginOrigin, times: Int = 5, email: String = "admin@x.test") async {
        for minute in 0..<times {
            await #expect(throws: LoginLockout.refusal) {
                try await fx.at(Double(minute) / 60).login(email: email, password: "wrong-guess", origin: origin)
            }
        }
    }

    @Test(arguments: Engine.allCases) func fiveFailuresFromOneAddressLockThatAddressOnly(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await fail(fx, from: Self.addressA)
        let later = fx.at(6.0 / 60)
        await #expect(throws: LoginLockout.refusal, "the right password from the locked address reads like a wrong one") {
            try await later.login(email: "admin@x.test", password: "password1", origin: Self.addressA)
        }
        #expect(try await later.login(email: "admin@x.test", password: "password1", origin: Self.addressB).id == fx.admin.id)
        #expect(try await later.login(email: "admin@x.test", password: "password1", origin: .local).id == fx.admin.id)
        #expect(try await later.login(email: "admin@x.test", password: "password1", origin: .sshGuestKey(fingerprint: "SHA256:abc")).id == fx.admin.id)
    }

    @Test(arguments: Engine.allCases) func anAddressLockEndsFifteenMinutesAfterTheFailureThatSetIt(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await fail(fx, from: Self.addressA)
        // The fifth failure came at minute 4: locked until minute 19.
        await #expect(throws: LoginLockout.refusal) {
            try await fx.at((19.0 - 1.0 / 60) / 60).login(email: "admin@x.test", password: "password1", origin: Self.addressA)
        }
        #expect(try await fx.at(19.0 / 60).login(email: "admin@x.test", password: "password1", origin: Self.addressA).id == fx.admin.id)
    }

    @Test(arguments: Engine.allCases) func anSSHGuestKeyIsLockedOnItsOwn(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let guest = LoginOrigin.sshGuestKey(fingerprint: "SHA256:guest-one")
        await fail(fx, from: guest, email: "dan@x.test")
        await #expect(throws: LoginLockout.refusal) {
            try await fx.at(0.1).login(email: "dan@x.test", password: "password1", origin: guest)
        }
        #expect(try await fx.at(0.1).login(email: "dan@x.test", password: "password1", origin: .sshGuestKey(fingerprint: "SHA256:guest-two")).id == fx.dan.id)
        #expect(try await fx.at(0.1).login(email: "dan@x.test", password: "password1", origin: Self.addressA).id == fx.dan.id)
    }

    /// The machine's own lockout is the account's, as before: it binds every origin.
    @Test(arguments: Engine.allCases) func failuresOnTheMachineLockTheAccountEverywhere(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await fail(fx, from: .local, email: "dan@x.test")
        for origin in [LoginOrigin.local, Self.addressB, .sshGuestKey(fingerprint: "SHA256:k")] {
            await #expect(throws: LoginLockout.refusal, "\(origin)") {
                try await fx.at(0.1).login(email: "dan@x.test", password: "password1", origin: origin)
            }
        }
    }

    /// A success forgets its own origin's failures and nobody else's.
    @Test(arguments: Engine.allCases) func aSuccessForgetsItsOwnOriginsFailuresOnly(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await fail(fx, from: Self.addressA, times: 4)
        await fail(fx, from: Self.addressB, times: 4)
        let now = fx.at(5.0 / 60)
        #expect(try await now.login(email: "admin@x.test", password: "password1", origin: Self.addressB).id == fx.admin.id)
        // B starts again from nothing: one more failure leaves it open.
        await #expect(throws: LoginLockout.refusal) { try await now.login(email: "admin@x.test", password: "wrong", origin: Self.addressB) }
        #expect(try await now.login(email: "admin@x.test", password: "password1", origin: Self.addressB).id == fx.admin.id)
        // A kept its four: the fifth locks it.
        await #expect(throws: LoginLockout.refusal) { try await now.login(email: "admin@x.test", password: "wrong", origin: Self.addressA) }
        await #expect(throws: LoginLockout.refusal) { try await now.login(email: "admin@x.test", password: "password1", origin: Self.addressA) }
    }

    /// Checking the current password of a password change is a login from the caller's origin.
    @Test(arguments: Engine.allCases) func aPasswordChangesWrongCurrentPasswordCountsForItsOrigin(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        for minute in 0..<5 {
            await #expect(throws: LoginLockout.refusal) {
                try await fx.at(Double(minute) / 60).changePassword(current: "wrong-guess", new: "a new password", origin: Self.addressA, by: fx.dan)
            }
        }
        await #expect(throws: LoginLockout.refusal) {
            try await fx.at(0.1).changePassword(current: "password1", new: "a new password", origin: Self.addressA, by: fx.dan)
        }
        _ = try await fx.at(0.1).changePassword(current: "password1", new: "a new password", origin: Self.addressB, by: fx.dan)
        #expect(try await fx.at(0.1).login(email: "dan@x.test", password: "a new password", origin: .local).id == fx.dan.id)
    }
}
