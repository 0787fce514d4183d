import Foundation
import Testing
@testable import HelpdeskCore

struct WorkflowTests {
    /// The README's "Workflow" paragraph, written out here independently of `Workflow.transitions`.
    static let spec: [String: Set<String>] = [
        "open": ["assigned", "closed"],
        "assigned": ["in_progress", "closed"],
        "in_progress": ["waiting", "resolved", "closed"],
        "waiting": ["in_progress"],
        "resolved": ["closed", "reopened"],
        "closed": ["reopened"],
        "reopened": ["in_progress"],
    ]
    static let pairs = TicketStatus.allCases.flatMap { from in TicketStatus.allCases.map { (from, $0) } }

    @Test func theSpecCoversEveryStatusPair() {
        #expect(Self.pairs.count == 49)
        #expect(Set(Self.spec.keys) == Set(TicketStatus.allCases.map(\.rawValue)))
        #expect(Self.spec.values.joined().allSatisfy { TicketStatus(rawValue: $0) != nil })
    }

    @Test func theSpecIsTheReadmesWorkflowParagraph() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let start = try #require(readme.range(of: "the only moves are "))
        let end = try #require(readme.range(of: ". Any other move", range: start.upperBound..<readme.endIndex))
        var documented: [String: Set<String>] = [:]
        for move in readme[start.upperBound..<end.lowerBound].split(separator: ";") {
            let sides = move.components(separatedBy: "→")
            let targets = sides.last?.replacingOccurrences(of: #"\(.*\)"#, with: "", options: .regularExpression) ?? ""
            documented[sides[0].trimmingCharacters(in: .whitespaces)] = Set(targets.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        #expect(documented == Self.spec)
    }

    @Test("each of the 49 status pairs is allowed exactly when the README lists it", arguments: pairs)
    func everyPair(from: TicketStatus, to: TicketStatus) throws {
        let ticket = Fixture.ticket(status: from)
        let allowedTargets = try #require(Self.spec[from.rawValue])
        var copy = ticket
        let move = { try TicketRules.changeStatus(&copy, to: to, by: Fixture.admin, at: Fixture.t0.addingTimeInterval(60)) }
        if allowedTargets.contains(to.rawValue) {
            let changes = try move()
            #expect(copy.status == to)
            #expect(changes == [Change(.changed, field: "status", old: from.rawValue, new: to.rawValue)])
        } else {
            let error = expectError(.validation, field: "status", "\(from.rawValue) -> \(to.rawValue) must be refused", move)
            #expect(copy == ticket, "a refused change leaves the ticket as it was")
            let named = error?.message.components(separatedBy: "allowed: ").last?.components(separatedBy: ", ")
            #expect(Set(named ?? []) == allowedTargets, "the error names exactly the allowed moves: \(error?.message ?? "")")
        }
    }

    @Test func closedTicketReopensOnlyWithinSevenDays() throws {
        let closed = Fixture.ticket(status: .closed)
        var inside = closed
        _ = try TicketRules.changeStatus(&inside, to: .reopened, by: Fixture.customer, at: Fixture.t0.addingTimeInterval(7 * 86400))
        #expect(inside.status == .reopened)
        #expect(inside.closedAt == nil)
        var outside = closed
        let late = expectError(.validation, field: "status") {
            try TicketRules.changeStatus(&outside, to: .reopened, by: Fixture.customer, at: Fixture.t0.addingTimeInterval(7 * 86400 + 1))
        }
        #expect(late?.message.contains("7 days") == true)
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
        expectError(.validation, field: "status") { try TicketRules.changeStatus(&ticket, to: .assigned, by: Fixture.admin, at: Fixture.t0) }
        #expect(ticket.status == .open)
    }

    @Test func requesterReplyOnWaitingTicketPutsItBackInProgress() throws {
        var ticket = Fixture.ticket(status: .waiting)
        let (_, changes) = try TicketRules.addComment(&ticket, body: "Here it is", isInternal: false, by: Fixture.customer, at: Fixture.t0)
        #expect(ticket.status == .inProgress)
        #expect(changes.contains(Change(.changed, field: "status", old: "waiting", new: "in_progress", reason: Change.requesterReplied)))
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

    // Issue 11, §8: a customer's words never vanish.

    @Test func aRequestersReplyReopensAResolvedTicketAndHistorySaysWhy() throws {
        let t0 = Fixture.t0
        var ticket = Fixture.ticket(status: .inProgress, priority: .urgent)
        _ = try TicketRules.addComment(&ticket, body: "Fixed?", isInternal: false, by: Fixture.agent, at: t0.addingTimeInterval(3600))
        _ = try TicketRules.changeStatus(&ticket, to: .resolved, by: Fixture.agent, at: t0.addingTimeInterval(10 * 3600))
        let (_, changes) = try TicketRules.addComment(
            &ticket, body: "Still broken", isInternal: false, by: Fixture.customer, at: t0.addingTimeInterval(30 * 3600))
        #expect(ticket.status == .reopened)
        #expect(ticket.resolvedAt == nil)
        #expect(changes.map(\.action) == [.commented, .changed])
        #expect(changes.last?.oldValue == "resolved" && changes.last?.newValue == "reopened")
        #expect(changes.last?.reason == "the requester replied")
        // The resolution clock resumes where it stopped: 14 h left at resolution, the 20 h resolved do not count.
        let clock = SLAPolicy.readings(for: ticket, at: t0.addingTimeInterval(30 * 3600)).resolution
        #expect(!clock.isFinished && !clock.isPaused)
        #expect(clock.secondsLeft == 14 * 3600)
    }

    /// Staff who file for an address with no account are recorded as its requester, but write as
    /// staff: their reply meets first response and never reopens or is refused as the customer's.
    @Test func staffWhoFiledForAnUnregisteredAddressWriteAsStaff() throws {
        let t0 = Fixture.t0, day = 86400.0
        var ticket = Fixture.ticket(requester: Fixture.agent, assignee: Fixture.agent)
        ticket.customerEmail = "zed@else.test"
        _ = try TicketRules.addComment(&ticket, body: "Called back", isInternal: false, by: Fixture.agent, at: t0.addingTimeInterval(1800))
        #expect(ticket.firstResponseAt == t0.addingTimeInterval(1800), "the reply meets the first-response clock")
        var closed = Fixture.ticket(status: .closed, requester: Fixture.agent)
        closed.customerEmail = "zed@else.test"
        let (_, changes) = try TicketRules.addComment(&closed, body: "Logged the call", isInternal: false, by: Fixture.agent, at: t0.addingTimeInterval(9 * day))
        #expect(closed.status == .closed, "staff replies move nothing")
        #expect(changes.map(\.action) == [.commented])
    }

    @Test func aRequestersReplyReopensAClosedTicketOnlyWithinSevenDays() throws {
        let t0 = Fixture.t0, day = 86400.0
        var recent = Fixture.ticket(status: .closed)
        _ = try TicketRules.addComment(&recent, body: "One more thing", isInternal: false, by: Fixture.customer, at: t0.addingTimeInterval(6 * day))
        #expect(recent.status == .reopened)
        #expect(recent.closedAt == nil)
        var old = Fixture.ticket(status: .closed)
        let before = old
        let error = expectError(.ticketClosed) {
            try TicketRules.addComment(&old, body: "One more thing", isInternal: false, by: Fixture.customer, at: t0.addingTimeInterval(8 * day))
        }
        #expect(error?.message.contains("more than 7 days ago") == true)
        #expect(error?.message.contains("File a new ticket") == true)
        #expect(old == before, "nothing changes")
    }

    @Test func staffRepliesAndNotesLeaveAFinishedTicketAsItIs() throws {
        let t0 = Fixture.t0
        var resolved = Fixture.ticket(status: .resolved)
        _ = try TicketRules.addComment(&resolved, body: "Glad it works", isInternal: false, by: Fixture.agent, at: t0.addingTimeInterval(3600))
        _ = try TicketRules.addComment(&resolved, body: "note", isInternal: true, by: Fixture.agent, at: t0.addingTimeInterval(3600))
        #expect(resolved.status == .resolved)
        var old = Fixture.ticket(status: .closed)
        _ = try TicketRules.addComment(&old, body: "For the record", isInternal: false, by: Fixture.agent, at: t0.addingTimeInterval(30 * 86400))
        #expect(old.status == .closed, "staff may still write on an old closed ticket")
    }
}
