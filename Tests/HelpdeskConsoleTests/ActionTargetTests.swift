import Foundation
import Testing
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases

/// Issue 11 §1: every menu, prompt and editor acts on the ticket and version the user was looking at
/// when it opened; when another process changed that ticket meanwhile, the action is refused once
/// (`CONFLICT`), shown, nothing typed is lost, and the next attempt uses the version now shown.
struct ActionTargetTests {
    /// Three unassigned tickets, the console of an admin on the Unassigned view with the third selected.
    func unassignedView(_ fx: ConsoleFixture) async throws -> (ConsoleDriver, [String]) {
        var numbers: [String] = []
        for subject in ["First of three", "Second of three", "Third of three"] {
            numbers.append(try await fx.file(subject, assignTo: nil))
        }
        let console = await fx.console(as: fx.admin, width: 120, height: 30)
        await console.press("1", "h", "j", "j", "j", "j", "j", "l")
        #expect(console.screen.contains("Unassigned 1/3"))
        await console.press("G")
        #expect(console.screen.contains("Unassigned 3/3"))
        #expect(console.controller.state.selectedTicket?.ticket.number == numbers[2])
        return (console, numbers)
    }

    @Test func theDeleteDialogTrashesTheTicketItNamedOrNothing() async throws {
        let fx = try await ConsoleFixture()
        let (console, numbers) = try await unassignedView(fx)
        await console.press("D")
        #expect(console.screen.contains("Delete \(numbers[2])?"))
        // Another process assigns the third ticket: it leaves the view and the rows move under the dialog.
        _ = try await fx.otherProcess().assign(number: numbers[2], to: "bob@x.test", by: fx.admin)
        await console.announceChange()
        await console.press("j", "ret")
        for number in numbers {
            #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.deletedAt == nil, "\(number) is not in the trash")
        }
        #expect(console.screen.contains("Not saved: \(numbers[2]) changed since you opened it"))
    }

    @Test func theStatusMenuChangesTheTicketItNamed() async throws {
        let fx = try await ConsoleFixture()
        let (console, numbers) = try await unassignedView(fx)
        await console.press("s")
        #expect(console.screen.contains("Status of \(numbers[2])"))
        _ = try await fx.otherProcess().assign(number: numbers[2], to: "bob@x.test", by: fx.admin)
        await console.announceChange()
        await console.press("ret")
        #expect(try await fx.service.ticket(number: numbers[0], by: fx.admin).ticket.status == .open, "the first ticket is untouched")
        #expect(try await fx.service.ticket(number: numbers[1], by: fx.admin).ticket.status == .open, "the second ticket is untouched")
        #expect(try await fx.service.ticket(number: numbers[2], by: fx.admin).ticket.status == .assigned, "refused: it changed since")
        #expect(console.screen.contains("Not saved: \(numbers[2]) changed since you opened it"))
    }

    @Test func theSubjectPromptKeepsItsTextOnAConflictAndSavesOnTheSecondTry() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("e", "C-u")
        await console.type("Printer on fire, third floor")
        _ = try await fx.otherProcess().updateTicket(
            number: number, subject: "Printer on fire (admin's words)", description: nil, category: nil, by: fx.admin)
        await console.press("ret")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.subject == "Printer on fire (admin's words)")
        #expect(console.screen.contains("Not saved: \(number) changed since you opened it"))
        #expect(console.screen.contains("Subject of \(number): Printer on fire, third floor"), "the prompt is back with the text")
        await console.press("ret")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.subject == "Printer on fire, third floor")
    }

    @Test func theOpenTicketStaysWhenAChangeMovesItOutOfTheView() async throws {
        let fx = try await ConsoleFixture()
        let first = try await fx.file("Printer on fire")
        let second = try await fx.file("Scanner jammed")
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        // Open the first row in the ticket pane, then close it: it leaves "My open tickets".
        let open = console.controller.state.selectedTicket?.ticket.number
        #expect(open == first || open == second)
        await console.press("ret", "s")
        let resolvedIndex = console.controller.state.overlay.flatMap { overlay -> Int? in
            if case .menu(let menu) = overlay { return menu.values.firstIndex(of: "closed") }
            return nil
        }
        for _ in 0..<(resolvedIndex ?? 0) { await console.press("j") }
        await console.press("ret")
        #expect(try await fx.service.ticket(number: open ?? "", by: fx.admin).ticket.status == .closed)
        #expect(console.controller.state.detail?.ticket.number == open, "the ticket pane still shows the ticket the agent chose")
        #expect(console.screen.contains("\(open ?? "") (not in this view)"))
        await console.press("i")
        await console.type("Closed the loop with facilities")
        await console.press("C-s")
        let other = open == first ? second : first
        #expect(try await fx.service.comments(number: other, by: fx.admin).isEmpty, "nothing landed on the other ticket")
        #expect(try await fx.service.comments(number: open ?? "", by: fx.admin).map(\.comment.body) == ["Closed the loop with facilities"])
    }

    @Test func theAssignMenuOffersAgentsAsStoredNowAndNamesTheAutomaticPick() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire", assignTo: nil)
        let console = await fx.console(as: fx.admin, width: 120, height: 30)
        let other = try fx.otherProcess()
        _ = try await other.setActive(email: "bob@x.test", active: false, by: fx.admin)
        _ = try await other.addUser(email: "carol@x.test", name: "Carol Agent", role: "agent", password: "password1", by: fx.admin)
        await console.press("1", "h", "j", "j", "j", "j", "l")
        #expect(console.controller.state.selectedTicket?.ticket.number == number)
        await console.press("a")
        #expect(console.screen.contains("Assign \(number) to"))
        #expect(console.screen.contains("Carol Agent <carol@x.test>"), "an agent added after login is offered")
        #expect(!console.screen.contains("Bob Agent <bob@x.test>"), "a deactivated agent is not offered")
        await console.press("ret")
        let assignee = try await fx.service.ticket(number: number, by: fx.admin).assignee
        #expect(assignee != nil)
        #expect(console.screen.contains("\(number) assigned automatically to \(assignee?.name ?? "?") <\(assignee?.email ?? "?")>"))
    }
}
