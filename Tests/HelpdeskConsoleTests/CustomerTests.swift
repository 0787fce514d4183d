import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

struct CustomerTests {
    @Test func aCustomerRegistersFromTheLoginScreenWithErrorsBesideTheFields() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil, width: 100, height: 30)
        await console.press("C-n")
        #expect(console.screen.contains("Create an account"))
        await console.type("not-an-email")
        await console.press("tab")
        await console.type("Zoe")
        await console.press("tab")
        await console.type("short")
        await console.press("tab")
        await console.type("short")
        await console.press("C-s")
        #expect(console.screen.contains("must be a valid email address"))
        #expect(console.screen.contains("must be at least 8 characters"))
        #expect(console.screen.contains("Zoe"), "nothing typed is lost")
        await console.press("S-tab", "S-tab", "S-tab", "C-u")
        await console.type("zoe@x.test")
        await console.press("tab", "tab", "C-u")
        await console.type("long enough")
        await console.press("tab", "C-u")
        await console.type("long enoug")
        await console.press("C-s")
        #expect(console.screen.contains("does not match the password"))
        await console.press("C-u")
        await console.type("long enough")
        await console.press("C-s")
        #expect(console.screen.contains("Zoe (customer)"))
        #expect(try await fx.service.login(email: "zoe@x.test", password: "long enough", origin: .local).role == .customer)
    }

    @Test func aCustomerFilesATicketAndSeesItOpen() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        await console.press("n")
        await console.type("Hi")
        await console.press("tab")
        await console.type("My invoice lists a plan\nI never ordered.")
        await console.press("tab", "right", "right", "tab", "right", "right")
        await console.press("C-s")
        #expect(console.screen.contains("must be at least 5 characters"))
        #expect(console.screen.contains("I never ordered."), "the description survives the error")
        await console.press("tab")
        await console.type(" there, billing")
        await console.press("C-s")
        #expect(console.screen.contains("Created TICK-20261129-0001"))
        let ticket = try await fx.service.ticket(number: "TICK-20261129-0001", by: fx.dan).ticket
        #expect(ticket.subject == "Hi there, billing")
        #expect(ticket.description == "My invoice lists a plan\nI never ordered.")
        #expect(ticket.category == .technical)
        #expect(ticket.priority == .urgent)
        #expect(console.screen.contains("┌ TICK-20261129-0001"))
    }

    @Test func aCancelledNewTicketKeepsItsDraft() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        await console.press("n")
        await console.type("Half written subject")
        await console.press("esc", "n")
        #expect(console.screen.contains("Half written subject"))
    }
}

struct UnreadMarkerTests {
    @Test func myTicketsMarkStaffRepliesUntilTheCustomerLooks() async throws {
        let fx = try await ConsoleFixture()
        let first = try await fx.file("First problem")
        let second = try await fx.file("Second problem")
        _ = try await fx.service.addComment(number: first, body: "A reply you have not read", isInternal: false, by: fx.alice)
        _ = try await fx.service.addComment(number: second, body: "Only a note", isInternal: true, by: fx.alice)
        fx.now = fx.now.addingTimeInterval(60)
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        let header = try #require(console.lines.first { $0.contains("NUMBER") })
        #expect(header.contains("SUBJECT") && header.contains("STATUS") && header.contains("UPDATED") && !header.contains("SLA"))
        func row(_ number: String, in console: ConsoleDriver) throws -> String {
            try #require(console.lines.first { $0.contains(number) }, "no row for \(number)")
        }
        #expect(try row(first, in: console).hasPrefix("│●"), "staff replied since the customer last looked")
        #expect(try !row(second, in: console).contains("●"), "an internal note is no news to the customer")
        let index = try #require(console.controller.state.rows.firstIndex { $0.ticket.number == first })
        if console.controller.state.selected != index { await console.press(index > console.controller.state.selected ? "j" : "k") }
        #expect(try !row(first, in: console).contains("●"), "looking at it clears the marker")
        let again = await fx.console(as: fx.dan, width: 100, height: 30)
        #expect(try !row(first, in: again).contains("●"), "the marker is kept per user in the database")
        #expect(await fx.console(as: fx.admin, width: 160, height: 30).controller.state.rows.allSatisfy { !$0.unread || $0.ticket.number == first })
    }
}
