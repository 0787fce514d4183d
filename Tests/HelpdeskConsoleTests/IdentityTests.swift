import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// What the console does when its user's rights change in another process. The change feed is off
/// here: what happens follows from the use cases' own check on the next action, or from a change
/// announced by hand.
struct IdentityTests {
    @Test(arguments: [("r", false), ("i", true)])
    func aDeactivatedAgentsSendIsRefusedAndTheConsoleSignsOut(key: String, isInternal: Bool) async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        await console.press("ret", key)
        await console.type("Written before the deactivation")
        _ = try await fx.otherProcess().setActive(email: "alice@x.test", active: false, by: fx.admin)
        await console.press("C-s")
        #expect(console.screen.contains("Signed out: The account alice@x.test is deactivated"))
        #expect(console.controller.state.user == nil, "back at the login")
        #expect(try await fx.service.comments(number: number, by: fx.admin).isEmpty, "nothing stored (internal: \(isInternal))")
    }

    @Test func aDemotedAdminsAdminScreenClosesWhenTheChangeIsAnnounced() async throws {
        let fx = try await ConsoleFixture()
        _ = try await fx.service.addUser(email: "root@x.test", name: "Root", role: "admin", password: "password1", by: fx.admin)
        let console = await fx.console(as: fx.admin)
        await console.press("3")
        #expect(console.screen.contains("root@x.test"))
        _ = try await fx.otherProcess().setRole(email: "admin@x.test", role: "agent", by: fx.admin)
        await console.announceChange()
        #expect(console.screen.contains("Your role is now agent: the admin screen closed"))
        #expect(!console.screen.contains("root@x.test"), "the user list is gone")
        await console.press("3")
        #expect(console.screen.contains("User management is for admins"))
    }

    @Test func aDemotedAdminWhoseScreenIsStaleIsStillRefused() async throws {
        let fx = try await ConsoleFixture()
        _ = try await fx.service.addUser(email: "root@x.test", name: "Root", role: "admin", password: "password1", by: fx.admin)
        let console = await fx.console(as: fx.admin)
        await console.press("3")
        // Demoted and deactivated without the console hearing of it: the next action is refused.
        let other = try fx.otherProcess()
        let root = try await other.actor(email: "root@x.test")
        _ = try await other.setRole(email: "admin@x.test", role: "customer", by: root)
        _ = try await other.setActive(email: "admin@x.test", active: false, by: root)
        await console.press("d", "j", "ret")
        #expect(console.screen.contains("Signed out"))
        let admin = try #require(try await fx.service.listUsers(role: nil, by: root).first { $0.user.email == "admin@x.test" })
        #expect(!admin.user.isActive && admin.user.role == .customer)
    }
}
