import Foundation
import GRDB
import HelpdeskCore
import Testing
@testable import HelpdeskStore

struct TicketStoreTests {
    @Test func numbersRunPerUTCDayAndGrowPastFourDigits() throws {
        let fx = try StoreFixture(start: ISO8601DateFormatter().date(from: "2026-11-29T23:59:58Z")!)
        #expect(try fx.file() == "TICK-20261129-0001")
        #expect(try fx.file() == "TICK-20261129-0002")
        #expect(try fx.file(hours: 2.0 / 3600) == "TICK-20261130-0001", "the sequence restarts on the next UTC day")
        try fx.database.writer.write { try $0.execute(sql: "UPDATE ticket_sequences SET last = 9998 WHERE day = '20261129'") }
        #expect(try fx.file() == "TICK-20261129-9999")
        #expect(try fx.file() == "TICK-20261129-10000")
    }

    @Test func creationIsStoredWithHistoryAndSearchIndexInOneGo() throws {
        let fx = try StoreFixture()
        let number = try fx.file("Refund for the duplicate invoice")
        let shown = try fx.service.ticket(number: number, by: fx.dan)
        #expect(shown.ticket.status == .open)
        #expect(shown.requester.email == "dan@x.test")
        #expect(shown.ticket.customerEmail == "dan@x.test")
        let history = try fx.service.history(number: number, by: fx.dan)
        #expect(history.map(\.entry.action) == [.created])
        var query = TicketQuery()
        query.search = "duplicate"
        #expect(try fx.service.listTickets(query, by: fx.dan).tickets.map(\.ticket.number) == [number])
    }

    @Test func staffFilingForAKnownCustomerMakesThemTheRequester() throws {
        let fx = try StoreFixture()
        let listing = try fx.service.createTicket(
            NewTicketInput(subject: "Phoned in: login fails", description: "Customer called about login.", customerEmail: "erin@x.test"),
            by: fx.alice)
        #expect(listing.requester.email == "erin@x.test")
        #expect(try fx.service.ticket(number: listing.ticket.number, by: fx.erin).ticket.number == listing.ticket.number)
        expectError(.forbidden) {
            try fx.service.createTicket(
                NewTicketInput(subject: "On behalf of someone", description: "Not allowed for customers", customerEmail: "erin@x.test"),
                by: fx.dan)
        }
    }

    @Test func staleVersionIsRefusedAndNothingIsWritten() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        let assigned = try fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        let version = assigned.ticket.version
        _ = try fx.at(1).changeStatus(number: number, to: "in_progress", expectedVersion: version, by: fx.alice)
        let historyBefore = try fx.service.history(number: number, by: fx.admin).count
        do {
            _ = try fx.at(2).changePriority(number: number, to: "urgent", expectedVersion: version, by: fx.admin)
            Issue.record("a change from a stale version must be refused")
        } catch let error as HelpdeskError {
            #expect(error.code == .conflict)
        }
        let after = try fx.service.ticket(number: number, by: fx.admin).ticket
        #expect(after.priority == .medium)
        #expect(after.version == version + 1)
        #expect(try fx.service.history(number: number, by: fx.admin).count == historyBefore)
    }

    @Test func everyChangeIsRecordedWithActorOldAndNewValues() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        _ = try fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try fx.at(0.2).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try fx.at(0.3).changePriority(number: number, to: "high", by: fx.alice)
        _ = try fx.at(0.4).updateTicket(number: number, subject: "Printer is smoking", description: nil, category: "technical", by: fx.dan)
        _ = try fx.at(0.5).addComment(number: number, body: "On my way", isInternal: false, by: fx.alice)
        let rows = try fx.service.history(number: number, by: fx.admin).map {
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

    @Test func refusedChangesLeaveNoTrace() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        let before = try fx.count("SELECT COUNT(*) FROM history")
        expectError(.validation, field: "status") { try fx.service.changeStatus(number: number, to: "resolved", by: fx.admin) }
        expectError(.forbidden) { try fx.service.changeStatus(number: number, to: "closed", by: fx.dan) }
        expectError(.validation, field: "body") { try fx.service.addComment(number: number, body: "", isInternal: false, by: fx.dan) }
        #expect(try fx.count("SELECT COUNT(*) FROM history") == before)
        #expect(try fx.count("SELECT COUNT(*) FROM comments") == 0)
        #expect(try fx.service.ticket(number: number, by: fx.admin).ticket.version == 1)
    }

    @Test func deleteMovesToTrashRestoreBringsBackPurgeErases() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        _ = try fx.service.addComment(number: number, body: "hello", isInternal: false, by: fx.dan)
        expectError(.conflict) { try fx.service.purgeTicket(number: number, by: fx.admin) }
        _ = try fx.service.deleteTicket(number: number, by: fx.admin)
        #expect(try fx.service.listTickets(TicketQuery(), by: fx.admin).tickets.isEmpty)
        var trash = TicketQuery()
        trash.trash = true
        #expect(try fx.service.listTickets(trash, by: fx.admin).tickets.map(\.ticket.number) == [number])
        expectError(.forbidden) { try fx.service.listTickets(trash, by: fx.alice) }
        #expect(throws: HelpdeskError(.notFound, "Ticket \(number) not found")) { try fx.service.ticket(number: number, by: fx.dan) }
        _ = try fx.service.restoreTicket(number: number, by: fx.admin)
        #expect(try fx.service.ticket(number: number, by: fx.dan).ticket.deletedAt == nil)
        _ = try fx.service.deleteTicket(number: number, by: fx.admin)
        try fx.service.purgeTicket(number: number, by: fx.admin)
        #expect(try fx.count("SELECT COUNT(*) FROM tickets") == 0)
        #expect(try fx.count("SELECT COUNT(*) FROM comments") == 0)
        #expect(try fx.count("SELECT COUNT(*) FROM history") == 0)
        #expect(try fx.count("SELECT COUNT(*) FROM comment_fts WHERE comment_fts MATCH 'hello'") == 0)
    }

    @Test func automaticAssignmentBalancesLoadWhenSwitchedOn() throws {
        let fx = try StoreFixture()
        let first = try fx.file()
        #expect(try fx.service.ticket(number: first, by: fx.admin).assignee == nil, "off by default")
        expectError(.forbidden) { try fx.service.setAutoAssign(true, by: fx.alice) }
        _ = try fx.service.setAutoAssign(true, by: fx.admin)
        let a = try fx.at(1).createTicket(NewTicketInput(subject: "One more thing", description: "Something broke again"), by: fx.dan)
        let b = try fx.at(2).createTicket(NewTicketInput(subject: "Another thing", description: "Something else broke"), by: fx.dan)
        #expect(a.ticket.status == .assigned)
        #expect(Set([a.assignee?.email, b.assignee?.email]) == ["alice@x.test", "bob@x.test"], "the second goes to the idle agent")
        _ = try fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        let c = try fx.at(3).createTicket(NewTicketInput(subject: "Third thing", description: "Yet another breakage"), by: fx.dan)
        #expect(c.assignee?.email == "alice@x.test", "deactivated agents are skipped")
    }

    @Test func manualAssignmentNeedsAnActiveStaffMember() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        expectError(.validation, field: "assignee") { try fx.service.assign(number: number, to: "erin@x.test", by: fx.admin) }
        _ = try fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        expectError(.validation, field: "assignee") { try fx.service.assign(number: number, to: "bob@x.test", by: fx.admin) }
        #expect(try fx.service.assign(number: number, to: nil, by: fx.admin).assignee?.email == "alice@x.test")
    }
}
