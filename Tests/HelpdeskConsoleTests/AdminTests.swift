import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskStore
import Testing

struct AdminTests {
    @Test func usersAreListedAndDeactivationWarnsAboutAssignedTickets() throws {
        let fx = try ConsoleFixture()
        let number = try fx.file("Printer on fire", assignTo: "bob@x.test")
        let console = fx.console(as: fx.admin, width: 100, height: 30)
        console.press("3")
        #expect(console.screen.contains("Administration"))
        let bobRow = try #require(console.lines.first { $0.contains("bob@x.test") })
        #expect(bobRow.contains("Bob Agent") && bobRow.contains("agent") && bobRow.contains("active") && bobRow.contains(" 1 "))
        let index = try #require(fx.service.listUsers(role: nil, by: fx.admin).firstIndex { $0.user.email == "bob@x.test" })
        for _ in 0..<index { console.press("j") }
        console.press("d")
        #expect(console.screen.contains("Deactivate bob@x.test? Still assigned: \(number)"))
        console.press("j", "ret")
        #expect(console.screen.contains("Deactivated bob@x.test"))
        #expect(try fx.service.listUsers(role: "agent", by: fx.admin).first { $0.user.email == "bob@x.test" }?.user.isActive == false)
        #expect(try fx.service.ticket(number: number, by: fx.admin).assignee?.email == "bob@x.test", "their tickets stay")
        #expect(try fx.service.auditLog(by: fx.admin).first?.action == "user.deactivate")
    }

    @Test func adminsAddUsersThroughAForm() throws {
        let fx = try ConsoleFixture()
        let console = fx.console(as: fx.admin, width: 100, height: 30)
        console.press("3", "a")
        console.type("carol@x.test")
        console.press("tab")
        console.type("Carol")
        console.press("tab", "right", "tab")
        console.type("password1")
        console.press("C-s")
        #expect(console.screen.contains("Added carol@x.test as admin"))
        #expect(console.screen.contains("carol@x.test"))
    }

    @Test func theTrashRestoresAndPurgesWithConfirmation() throws {
        let fx = try ConsoleFixture()
        let first = try fx.file("Delete me then restore me")
        let second = try fx.file("Delete me for good")
        _ = try fx.service.deleteTicket(number: first, by: fx.admin)
        _ = try fx.service.deleteTicket(number: second, by: fx.admin)
        let console = fx.console(as: fx.admin, width: 100, height: 30)
        console.press("3", "tab")
        #expect(console.screen.contains("Trash (2)"))
        let restoreIndex = try #require(console.controller.state.admin.trash.firstIndex { $0.ticket.number == first })
        for _ in 0..<restoreIndex { console.press("j") }
        console.press("u", "j", "ret")
        #expect(try fx.service.ticket(number: first, by: fx.admin).ticket.deletedAt == nil)
        #expect(console.screen.contains("Trash (1)"))
        console.press("X")
        #expect(console.screen.contains("Erase \(second) for good?"))
        console.press("ret")
        #expect(try fx.service.listTickets({ var q = TicketQuery(); q.trash = true; return q }(), by: fx.admin).tickets.count == 1,
                "Cancel is the default choice")
        console.press("X", "j", "ret")
        expectError(.notFound, "purged for good") { try fx.service.ticket(number: second, by: fx.admin) }
        #expect(console.screen.contains("The trash is empty."))
    }

    @Test func settingsSwitchAutomaticAssignment() throws {
        let fx = try ConsoleFixture()
        let console = fx.console(as: fx.admin, width: 100, height: 30)
        console.press("3", "tab", "tab")
        #expect(console.screen.contains("[ ] off"))
        console.press("space")
        #expect(console.screen.contains("[x] on"))
        #expect(try fx.service.settings(by: fx.admin).autoAssign)
        let agent = fx.console(as: fx.alice, width: 100, height: 30)
        agent.press("3")
        #expect(agent.screen.contains("User management is for admins"))
    }
}
