import Foundation
import Testing
@testable import HelpdeskCore

struct WorkflowTests {
    static let allowed: Set<String> = [
        "open>assigned", "open>closed", "assigned>in_progress", "assigned>closed", "in_progress>waiting",
        "in_progress>resolved", "in_progress>closed", "waiting>in_progress", "resolved>closed", "resolved>reopened",
        "closed>reopened", "reopened>in_progress",
    ]
    static let pairs = TicketStatus.allCases.flatMap { from in TicketStatus.allCases.map { (from, $0) } }

    @Test("each of the 49 status pairs is allowed exactly when the seed lists it", arguments: pairs)
    func everyPair(from: TicketStatus, to: TicketStatus) throws {
        let ticket = Fixture.ticket(status: from)
        let expected = Self.allowed.contains("\(from.rawValue)>\(to.rawValue)")
        var copy = ticket
        let result = Result { try TicketRules.changeStatus(&copy, to: to, by: Fixture.admin, at: Fixture.t0.addingTimeInterval(60)) }
        switch result {
        case .success(let changes):
            #expect(expected, "\(from) -> \(to) should be refused")
            #expect(copy.status == to)
            #expect(changes == [Change(.changed, field: "status", old: from.rawValue, new: to.rawValue)])
        case .failure(let error as HelpdeskError):
            #expect(!expected, "\(from) -> \(to) should be allowed: \(error)")
            #expect(error.code == .validation)
            #expect(copy == ticket, "a refused change leaves the ticket as it was")
            let targets = Workflow.targets(from: from).map(\.rawValue)
            #expect(targets.allSatisfy { error.message.contains($0) }, "the error names the allowed targets")
        case .failure(let error):
            Issue.record("unexpected error \(error)")
        }
        #expect(Self.pairs.count == 49)
    }

    @Test func closedTicketReopensOnlyWithinSevenDays() throws {
        let closed = Fixture.ticket(status: .closed)
        var inside = closed
        _ = try TicketRules.changeStatus(&inside, to: .reopened, by: Fixture.customer, at: Fixture.t0.addingTimeInterval(Workflow.reopenWindow))
        #expect(inside.status == .reopened)
        #expect(inside.closedAt == nil)
        var outside = closed
        #expect(throws: HelpdeskError.self) {
            try TicketRules.changeStatus(&outside, to: .reopened, by: Fixture.customer, at: Fixture.t0.addingTimeInterval(Workflow.reopenWindow + 1))
        }
        #expect(outside.status == .closed)
    }

    @Test func assigningAnOpenTicketMovesItToAssigned() throws {
        var ticket = Fixture.ticket(status: .open, assignee: nil)
        let changes = try TicketRules.assign(&ticket, to: Fixture.agent, previous: nil, by: Fixture.admin, at: Fixture.t0)
        #expect(ticket.status == .assigned)
        #expect(ticket.assigneeId == Fixture.agent.id)
        #expect(changes.map(\.field) == ["assignee", "status"])
        var inProgress = Fixture.ticket(status: .inProgress)
        _ = try TicketRules.assign(&inProgress, to: Fixture.otherAgent, previous: Fixture.agent, by: Fixture.admin, at: Fixture.t0)
        #expect(inProgress.status == .inProgress, "reassigning does not move a ticket that is already being worked")
    }

    @Test func movingToAssignedWithoutAnAssigneeIsRefused() {
        var ticket = Fixture.ticket(status: .open, assignee: nil)
        #expect(throws: HelpdeskError.self) { try TicketRules.changeStatus(&ticket, to: .assigned, by: Fixture.admin, at: Fixture.t0) }
    }

    @Test func requesterReplyOnWaitingTicketPutsItBackInProgress() throws {
        var ticket = Fixture.ticket(status: .waiting)
        let (_, changes) = try TicketRules.addComment(&ticket, body: "Here it is", isInternal: false, by: Fixture.customer, at: Fixture.t0)
        #expect(ticket.status == .inProgress)
        #expect(changes.contains(Change(.changed, field: "status", old: "waiting", new: "in_progress")))
        var other = Fixture.ticket(status: .waiting)
        _ = try TicketRules.addComment(&other, body: "Still waiting", isInternal: false, by: Fixture.agent, at: Fixture.t0)
        #expect(other.status == .waiting, "a staff comment does not end the wait")
    }

    @Test func staleVersionIsAConflict() {
        let ticket = Fixture.ticket()
        #expect(throws: HelpdeskError(.conflict, "Ticket TICK-20260528-0001 changed since version 0 (now version 1); reload and try again")) {
            try TicketRules.requireVersion(ticket, expected: 0)
        }
        #expect(throws: Never.self) { try TicketRules.requireVersion(ticket, expected: 1) }
    }
}
