import Foundation
import HelpdeskCore
import Testing
import HelpdeskUseCases

struct AccountTests {
    @Test(arguments: Engine.allCases) func loginLocksAfterFiveFailuresAndUnlocksAfterFifteenMinutes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        #expect(try await fx.service.login(email: "dan@x.test", password: "password1").email == "dan@x.test")
        for minute in 0..<5 {
            await expectError(.unauthorized) { try await fx.at(Double(minute) / 60).login(email: "dan@x.test", password: "wrong-one") }
        }
        do {
            _ = try await fx.at(10.0 / 60).login(email: "dan@x.test", password: "password1")
            Issue.record("a locked account must not log in, even with the right password")
        } catch let error as HelpdeskError {
            #expect(error.code == .unauthorized)
            #expect(error.message.contains("locked"))
        }
        #expect(try await fx.at(20.0 / 60).login(email: "dan@x.test", password: "password1").email == "dan@x.test")
    }

    @Test(arguments: Engine.allCases) func wrongEmailAndWrongPasswordSayTheSame(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await #expect(throws: HelpdeskError(.unauthorized, "Wrong email or password")) { try await fx.service.login(email: "nobody@x.test", password: "whatever1") }
        await #expect(throws: HelpdeskError(.unauthorized, "Wrong email or password")) { try await fx.service.login(email: "dan@x.test", password: "whatever1") }
    }

    @Test(arguments: Engine.allCases) func onlyAdminsManageUsersAndTheLastAdminStays(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await expectError(.forbidden) { try await fx.service.addUser(email: "eve@x.test", name: "Eve", role: "admin", password: "password1", by: fx.alice) }
        await expectError(.unauthorized) { try await fx.service.addUser(email: "eve@x.test", name: "Eve", role: "admin", password: "password1", by: nil) }
        await expectError(.conflict) { try await fx.service.setActive(email: "admin@x.test", active: false, by: fx.admin) }
        await expectError(.conflict) { try await fx.service.setRole(email: "admin@x.test", role: "agent", by: fx.admin) }
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        await expectError(.unauthorized) { try await fx.service.actor(email: "alice@x.test") }
        do {
            _ = try await fx.service.register(email: "dan@x.test", name: "Dan again", password: "password1")
            Issue.record("duplicate email accepted")
        } catch let error as HelpdeskError {
            #expect(error.code == .conflict)
        }
    }

    /// Every admin action is in the audit log, settings too.
    @Test(arguments: Engine.allCases) func switchingAutomaticAssignmentIsAudited(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.setAutoAssign(true, by: fx.admin)
        _ = try await fx.service.setAutoAssign(false, by: fx.admin)
        let entries = try await fx.service.auditLog(limit: 2, by: fx.admin)
        #expect(entries.map(\.action) == ["settings.auto-assign", "settings.auto-assign"])
        #expect(entries.map(\.detail) == ["off", "on"], "newest first")
        #expect(entries.allSatisfy { $0.actorEmail == "admin@x.test" })
        await expectError(.forbidden) { try await fx.service.setAutoAssign(true, by: fx.alice) }
        #expect(try await fx.service.auditLog(by: fx.admin).count == entries.count + 3, "three users added, and the two switches")
    }
}
