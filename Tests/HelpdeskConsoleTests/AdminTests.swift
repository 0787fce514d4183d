import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

struct AdminTests {
    @Test func usersAreListedAndDeactivationWarnsAboutAssignedTickets() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire", assignTo: "bob@x.test")
        let console = await fx.console(as: fx.admin, width: 100, height: 30)
        await console.press("3")
        #expect(console.screen.contains("Administration"))
        let bobRow = try #require(console.lines.first { $0.contains("bob@x.test") })
        #expect(bobRow.contains("Bob Agent") && bobRow.contains("agent") && bobRow.contains("active") && bobRow.contains(" 1 "))
        let index = try #require(await fx.service.listUsers(role: nil, by: fx.admin).firstIndex { $0.user.email == "bob@x.test" })
        for _ in 0..<index { await console.press("j") }
        await console.press("d")
        #expect(console.screen.contains("Deactivate bob@x.test? Still assigned: \(number)"))
        await console.press("j", "ret")
        #expect(console.screen.contains("Deactivated bob@x.test"))
        #expect(try await fx.service.listUsers(role: "agent", by: fx.admin).first { $0.user.email == "bob@x.test" }?.user.isActive == false)
        #expect(try await fx.service.ticket(number: number, by: fx.admin).assignee?.email == "bob@x.test", "their tickets stay")
        #expect(try await fx.service.auditLog(by: fx.admin).first?.action == "user.deactivate")
    }

    @Test func adminsAddUsersThroughAForm() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.admin, width: 100, height: 30)
        await console.press("3", "a")
        await console.type("carol@x.test")
        await console.press("tab")
        await console.type("Carol")
        await console.press("tab", "right", "tab")
        await console.type("password1")
        await console.press("C-s")
        #expect(console.screen.contains("Added carol@x.test as admin"))
        #expect(console.screen.contains("carol@x.test"))
    }

    @Test func theTrashRestoresAndPurgesWithConfirmation() async throws {
        let fx = try await ConsoleFixture()
        let first = try await fx.file("Delete me then restore me")
        let second = try await fx.file("Delete me for good")
        _ = try await fx.service.deleteTicket(number: first, by: fx.admin)
        _ = try await fx.service.deleteTicket(number: second, by: fx.admin)
        let console = await fx.console(as: fx.admin, width: 100, height: 30)
        await console.press("3", "tab")
        #expect(console.screen.contains("Trash (2)"))
        let restoreIndex = try #require(console.controller.state.admin.trash.firstIndex { $0.ticket.number == first })
        for _ in 0..<restoreIndex { await console.press("j") }
        await console.press("u", "j", "ret")
        #expect(try await fx.service.ticket(number: first, by: fx.admin).ticket.deletedAt == nil)
        #expect(console.screen.contains("Trash (1)"))
        await console.press("X")
        #expect(console.screen.contains("Erase \(second) for good?"))
        await console.press("ret")
        #expect(try await fx.service.listTickets({ var q = TicketQuery(); q.trash = true; return q }(), by: fx.admin).tickets.count == 1,
                "Cancel is the default choice")
        await console.press("X", "j", "ret")
        await expectError(.notFound, "purged for good") { try await fx.service.ticket(number: second, by: fx.admin) }
        #expect(console.screen.contains("The trash is empty."))
    }

    @Test func settingsSwitchAutomaticAssignment() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.admin, width: 100, height: 30)
        await console.press("3", "tab", "tab")
        #expect(console.screen.contains("[ ] off"))
        await console.press("space")
        #expect(console.screen.contains("[x] on"))
        #expect(try await fx.service.settings(by: fx.admin).autoAssign)
        let agent = await fx.console(as: fx.alice, width: 100, height: 30)
        await agent.press("3")
        #expect(agent.screen.contains("User management is for admins"))
    }
}

/// Issue 11 §10: admin dialogs count and word what they are about.
struct AdminDialogTests {
    @Test func theDeactivateDialogCountsEveryOpenTicketNotTheFirstPage() async throws {
        let fx = try await ConsoleFixture()
        for index in 1...55 { try await fx.file("Ticket \(index) for Bob", assignTo: "bob@x.test") }
        let console = await fx.console(as: fx.admin, width: 150, height: 30)
        await console.press("3")
        let row = try #require(console.lines.firstIndex { $0.contains("bob@x.test") })
        let first = try #require(console.lines.firstIndex { $0.contains("@x.test") })
        for _ in first..<row { await console.press("j") }
        await console.press("d")
        #expect(console.screen.contains("+52 more"), "55 open tickets: three named, 52 more")
    }

    @Test func theLastAdminRefusalMentionsNoTicket() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.admin, width: 150, height: 30)
        await console.press("3")
        let row = try #require(console.lines.firstIndex { $0.contains("admin@x.test") })
        let first = try #require(console.lines.firstIndex { $0.contains("@x.test") })
        for _ in first..<row { await console.press("j") }
        await console.press("r", "j", "ret")  // admin -> the next role in the menu
        #expect(try await fx.service.listUsers(role: "admin", by: fx.admin).count == 1)
        #expect(!console.screen.contains("ticket"), "no ticket is involved: \(console.screen)")
        #expect(console.screen.contains("admin"))
    }
}
