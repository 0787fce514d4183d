import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

struct TicketStoreTests {
    @Test(arguments: Engine.allCases) func numbersRunPerUTCDay(engine: Engine) async throws {
        let fx = try await StoreFixture(engine, start: ISO8601DateFormatter().date(from: "2026-11-29T23:59:58Z")!)
        #expect(try await fx.file() == "TICK-20261129-0001")
        #expect(try await fx.file() == "TICK-20261129-0002")
        #expect(try await fx.file(hours: 2.0 / 3600) == "TICK-20261130-0001", "the sequence restarts on the next UTC day")
        #expect(try await fx.file() == "TICK-20261129-0003", "and goes on where it was on the day before")
    }

    @Test(arguments: Engine.allCases) func creationIsStoredWithHistoryAndSearchIndexInOneGo(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file("Refund for the duplicate invoice")
        let shown = try await fx.service.ticket(number: number, by: fx.dan)
        #expect(shown.ticket.status == .open)
        #expect(shown.requester.email == "dan@x.test")
        #expect(shown.ticket.customerEmail == "dan@x.test")
        let history = try await fx.service.history(number: number, by: fx.dan)
        #expect(history.map(\.entry.action) == [.created])
        var query = TicketQuery()
        query.search = "duplicate"
        #expect(try await fx.service.listTickets(query, by: fx.dan).tickets.map(\.ticket.number) == [number])
    }

    @Test(arguments: Engine.allCases) func staffFilingForAKnownCustomerMakesThemTheRequester(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let listing = try await fx.service.createTicket(
            NewTicketInput(subject: "Phoned in: login fails", description: "Customer called about login.", customerEmail: "erin@x.test"),
            by: fx.alice)
        #expect(listing.requester.email == "erin@x.test")
        #expect(try await fx.service.ticket(number: listing.ticket.number, by: fx.erin).ticket.number == listing.ticket.number)
        await expectError(.forbidden) {
            try await fx.service.createTicket(
                NewTicketInput(subject: "On behalf of someone", description: "Not allowed for customers", customerEmail: "erin@x.test"),
                by: fx.dan)
        }
    }

    @Test(arguments: Engine.allCases) func staleVersionIsRefusedAndNothingIsWritten(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        let assigned = try await fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        let version = assigned.ticket.version
        _ = try await fx.at(1).changeStatus(number: number, to: "in_progress", expectedVersion: version, by: fx.alice)
        let historyBefore = try await fx.service.history(number: number, by: fx.admin).count
        do {
            _ = try await fx.at(2).changePriority(number: number, to: "urgent", expectedVersion: version, by: fx.admin)
            Issue.record("a change from a stale version must be refused")
        } catch let error as HelpdeskError {
            #expect(error.code == .conflict)
        }
        let after = try await fx.service.ticket(number: number, by: fx.admin).ticket
        #expect(after.priority == .medium)
        #expect(after.version == version + 1)
        #expect(try await fx.service.history(number: number, by: fx.admin).count == historyBefore)
    }

    @Test(arguments: Engine.allCases) func everyChangeIsRecordedWithActorOldAndNewValues(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        _ = try await fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.at(0.2).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(0.3).changePriority(number: number, to: "high", by: fx.alice)
        _ = try await fx.at(0.4).updateTicket(number: number, subject: "Printer is smoking", description: nil, category: "technical", by: fx.dan)
        _ = try await fx.at(0.5).addComment(number: number, body: "On my way", isInternal: false, by: fx.alice)
        let rows = try await fx.service.history(number: number, by: fx.admin).map {
            [$0.actor.email, $0.entry.action.rawValue, $0.entry.field ?? "", $0.entry.oldValue ?? "", $0.entry.newValue ?? ""]
        }
        #expect(rows == [
            ["dan@x.test", "created", "", "", ""],
            ["admin@x.test", "assigned", "assignee", "", "alice@x.test"],
            ["admin@x.test", "changed", "status", "open", "assigned"],
            ["alice@x.test", "changed", "status", "assigned", "in_progress"],
            ["alice@x.test", "changed", "priority", "medium", "high"],
            ["dan@x.test", "changed", "subject", "Printer is on fire", "Printer is smoking"],
            ["dan@x.test", "changed", "category", "general", "technical"],
            ["alice@x.test", "commented", "comment", "", "public"],
        ])
    }

    @Test(arguments: Engine.allCases) func refusedChangesLeaveNoTrace(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        let before = try await fx.service.history(number: number, by: fx.admin).count
        await expectError(.validation, field: "status") { try await fx.service.changeStatus(number: number, to: "resolved", by: fx.admin) }
        await expectError(.forbidden) { try await fx.service.changeStatus(number: number, to: "closed", by: fx.dan) }
        await expectError(.validation, field: "body") { try await fx.service.addComment(number: number, body: "", isInternal: false, by: fx.dan) }
        #expect(try await fx.service.history(number: number, by: fx.admin).count == before)
        #expect(try await fx.service.comments(number: number, by: fx.admin).isEmpty)
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.version == 1)
    }

    @Test(arguments: Engine.allCases) func deleteMovesToTrashRestoreBringsBackPurgeErases(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        _ = try await fx.service.addComment(number: number, body: "hello", isInternal: false, by: fx.dan)
        await expectError(.conflict) { try await fx.service.purgeTicket(number: number, by: fx.admin) }
        _ = try await fx.service.deleteTicket(number: number, by: fx.admin)
        #expect(try await fx.service.listTickets(TicketQuery(), by: fx.admin).tickets.isEmpty)
        var trash = TicketQuery()
        trash.trash = true
        #expect(try await fx.service.listTickets(trash, by: fx.admin).tickets.map(\.ticket.number) == [number])
        await expectError(.forbidden) { try await fx.service.listTickets(trash, by: fx.alice) }
        await #expect(throws: HelpdeskError(.notFound, "Ticket \(number) not found")) { try await fx.service.ticket(number: number, by: fx.dan) }
        _ = try await fx.service.restoreTicket(number: number, by: fx.admin)
        #expect(try await fx.service.ticket(number: number, by: fx.dan).ticket.deletedAt == nil)
        _ = try await fx.service.deleteTicket(number: number, by: fx.admin)
        try await fx.service.purgeTicket(number: number, by: fx.admin)
        #expect(try await fx.allTickets().isEmpty)
        await expectError(.notFound) { try await fx.service.comments(number: number, by: fx.admin) }
        await expectError(.notFound) { try await fx.service.history(number: number, by: fx.admin) }
        var search = TicketQuery()
        search.search = "hello"
        #expect(try await fx.service.listTickets(search, by: fx.admin).tickets.isEmpty, "its comments left the search index")
    }

    @Test(arguments: Engine.allCases) func automaticAssignmentBalancesLoadWhenSwitchedOn(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let first = try await fx.file()
        #expect(try await fx.service.ticket(number: first, by: fx.admin).assignee == nil, "off by default")
        await expectError(.forbidden) { try await fx.service.setAutoAssign(true, by: fx.alice) }
        _ = try await fx.service.setAutoAssign(true, by: fx.admin)
        let a = try await fx.at(1).createTicket(NewTicketInput(subject: "One more thing", description: "Something broke again"), by: fx.dan)
        let b = try await fx.at(2).createTicket(NewTicketInput(subject: "Another thing", description: "Something else broke"), by: fx.dan)
        #expect(a.ticket.status == .assigned)
        #expect(Set([a.assignee?.email, b.assignee?.email]) == ["alice@x.test", "bob@x.test"], "the second goes to the idle agent")
        _ = try await fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        let c = try await fx.at(3).createTicket(NewTicketInput(subject: "Third thing", description: "Yet another breakage"), by: fx.dan)
        #expect(c.assignee?.email == "alice@x.test", "deactivated agents are skipped")
    }

    @Test(arguments: Engine.allCases) func manualAssignmentNeedsAnActiveStaffMember(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        await expectError(.validation, field: "assignee") { try await fx.service.assign(number: number, to: "erin@x.test", by: fx.admin) }
        _ = try await fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        await expectError(.validation, field: "assignee") { try await fx.service.assign(number: number, to: "bob@x.test", by: fx.admin) }
        #expect(try await fx.service.assign(number: number, to: nil, by: fx.admin).assignee?.email == "alice@x.test")
    }

    /// Automatic assignment picks only what the core allows: an active agent, never an admin or a
    /// deactivated agent, however idle.
    @Test(arguments: Engine.allCases) func automaticAssignmentPicksOnlyActiveAgents(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let busy = try await fx.file("Busy agent's ticket")
        _ = try await fx.service.assign(number: busy, to: "bob@x.test", by: fx.admin)
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        let number = try await fx.file()
        #expect(try await fx.service.assign(number: number, to: nil, by: fx.admin).assignee?.email == "bob@x.test")
        _ = try await fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        let other = try await fx.file("Nobody to take it")
        let error = await #expect(throws: HelpdeskError.self) { try await fx.service.assign(number: other, to: nil, by: fx.admin) }
        #expect(error?.code == .validation)
        #expect(error?.fieldErrors["assignee"] != nil)
    }

    /// Issue 11, §8: a customer's reply to a resolved ticket reopens it, so it is back in the
    /// assignee's open queue, and history says why; a reply to a ticket closed more than 7 days ago
    /// is refused with `TICKET_CLOSED` and nothing is stored.
    @Test(arguments: Engine.allCases) func aCustomersReplyReopensOrIsRefusedButNeverVanishes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        _ = try await fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.at(0.2).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(1).changeStatus(number: number, to: "resolved", by: fx.alice)
        _ = try await fx.at(2).addComment(number: number, body: "It broke again this morning", isInternal: false, by: fx.dan)
        let reopened = try await fx.at(2).ticket(number: number, by: fx.alice).ticket
        #expect(reopened.status == .reopened)
        var open = TicketQuery()
        open.statuses = TicketStatus.allCases.filter(\.isActive)
        open.assignee = .me
        #expect(try await fx.at(2).listTickets(open, by: fx.alice).tickets.map(\.ticket.number) == [number])
        let history = try await fx.at(2).history(number: number, by: fx.dan)
        let last = try #require(history.last?.entry)
        #expect(last.field == "status" && last.oldValue == "resolved" && last.newValue == "reopened")
        #expect(last.reason == "the requester replied")
        #expect(history.last?.actor.id == fx.dan.id)

        _ = try await fx.at(3).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(4).changeStatus(number: number, to: "closed", by: fx.alice)
        let comments = try await fx.service.comments(number: number, by: fx.dan).count
        await expectError(.ticketClosed) {
            try await fx.at(4 + 8 * 24).addComment(number: number, body: "Hello? Anyone?", isInternal: false, by: fx.dan)
        }
        #expect(try await fx.service.comments(number: number, by: fx.dan).count == comments, "the refused reply is not stored")
        #expect(try await fx.at(4 + 8 * 24).ticket(number: number, by: fx.dan).ticket.status == .closed)
        _ = try await fx.at(5).addComment(number: number, body: "Within the week", isInternal: false, by: fx.dan)
        #expect(try await fx.at(5).ticket(number: number, by: fx.dan).ticket.status == .reopened)
    }

    /// Issue 11, §10: an agent who files a ticket for a registered customer can go on reading it,
    /// finds it in their lists and counts, and history and the ticket name them as its submitter;
    /// another agent still may not see it.
    @Test(arguments: Engine.allCases) func anAgentReadsWhatTheyFiledForACustomer(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let filed = try await fx.service.createTicket(
            NewTicketInput(subject: "Phoned in: login fails", description: "Customer called about login.", customerEmail: "erin@x.test"),
            by: fx.alice)
        let number = filed.ticket.number
        #expect(filed.requester.id == fx.erin.id)
        #expect(filed.submitter.id == fx.alice.id)
        let read = try await fx.service.ticket(number: number, by: fx.alice)
        #expect(read.submitter.email == "alice@x.test")
        #expect(try await fx.service.listTickets(TicketQuery(), by: fx.alice).tickets.map(\.ticket.number) == [number])
        #expect(try await fx.service.countTickets(TicketQuery(), by: fx.alice) == 1)
        _ = try await fx.service.addComment(number: number, body: "We are on it", isInternal: false, by: fx.alice)
        await expectError(.forbidden) { try await fx.service.ticket(number: number, by: fx.bob) }
        #expect(try await fx.service.countTickets(TicketQuery(), by: fx.bob) == 0)
        await expectError(.forbidden) { try await fx.service.assign(number: number, to: "alice@x.test", by: fx.alice) }
        let created = try #require(try await fx.service.history(number: number, by: fx.erin).first)
        #expect(created.entry.action == .created)
        #expect(created.entry.field == "submitter" && created.entry.newValue == "alice@x.test")
        #expect(created.actor.id == fx.alice.id)
        // Once assigned to someone else, the submitter still sees it, and counts it once.
        _ = try await fx.service.assign(number: number, to: "bob@x.test", by: fx.admin)
        #expect(try await fx.service.countTickets(TicketQuery(), by: fx.alice) == 1)
        #expect(try await fx.service.countTickets(TicketQuery(), by: fx.bob) == 1)
        _ = try await fx.service.ticket(number: number, by: fx.alice)
    }
}
