import Foundation
import Testing
@testable import HelpdeskCore

/// SLA clocks read with an injected clock: no test waits for time to pass.
struct SLATests {
    let t0 = Fixture.t0
    func at(_ hours: Double) -> Date { t0.addingTimeInterval(Fixture.hours(hours)) }

    @Test func targetsFollowTheSeed() {
        #expect(Priority.urgent.targets == SLATargets(firstResponse: 2 * 3600, resolution: 24 * 3600))
        #expect(Priority.high.targets == SLATargets(firstResponse: 4 * 3600, resolution: 48 * 3600))
        #expect(Priority.medium.targets == SLATargets(firstResponse: 8 * 3600, resolution: 120 * 3600))
        #expect(Priority.low.targets == SLATargets(firstResponse: 24 * 3600, resolution: 240 * 3600))
    }

    @Test func runningClockGoesPendingThenAtRiskThenBreached() {
        let ticket = Fixture.ticket(status: .assigned, priority: .urgent)
        let early = SLAPolicy.readings(for: ticket, at: at(1))
        #expect(early.firstResponse.state == .pending)
        #expect(early.firstResponse.secondsLeft == 3600)
        // 25% of 2 h is 30 min: at 1h31m there are 29 minutes left.
        #expect(SLAPolicy.readings(for: ticket, at: at(1.5)).firstResponse.state == .pending)
        #expect(SLAPolicy.readings(for: ticket, at: at(1.5 + 1.0 / 60)).firstResponse.state == .atRisk)
        let late = SLAPolicy.readings(for: ticket, at: at(3))
        #expect(late.firstResponse.state == .breached)
        #expect(late.firstResponse.secondsLeft == -3600)
        #expect(late.resolution.state == .pending)
        #expect(late.next?.secondsLeft == -3600, "the queue shows the clock that falls due first")
    }

    @Test func staffPublicReplyMeetsFirstResponseButInternalNoteDoesNot() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .high)
        _ = try TicketRules.addComment(&ticket, body: "note", isInternal: true, by: Fixture.agent, at: at(1))
        #expect(ticket.firstResponseAt == nil)
        _ = try TicketRules.addComment(&ticket, body: "me too", isInternal: false, by: Fixture.customer, at: at(1.5))
        #expect(ticket.firstResponseAt == nil, "the requester's own comment is not a response")
        _ = try TicketRules.addComment(&ticket, body: "On it", isInternal: false, by: Fixture.agent, at: at(2))
        #expect(ticket.firstResponseAt == at(2))
        let reading = SLAPolicy.readings(for: ticket, at: at(10)).firstResponse
        #expect(reading.state == .met)
        #expect(reading.secondsLeft == 2 * 3600)
        #expect(ticket.sla.firstResponseMet == true)
    }

    @Test func lateResponseStaysBreachedAfterItArrives() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .urgent)
        _ = try TicketRules.addComment(&ticket, body: "Sorry for the wait", isInternal: false, by: Fixture.agent, at: at(3))
        let reading = SLAPolicy.readings(for: ticket, at: at(4)).firstResponse
        #expect(reading.state == .breached)
        #expect(reading.secondsLeft == -3600)
        #expect(ticket.sla.firstResponseMet == false)
    }

    @Test func timeInWaitingDoesNotCount() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .urgent)
        _ = try TicketRules.changeStatus(&ticket, to: .waiting, by: Fixture.agent, at: at(1))
        let paused = SLAPolicy.readings(for: ticket, at: at(50))
        #expect(paused.firstResponse.isPaused)
        #expect(paused.firstResponse.state == .pending, "the clock is frozen at one hour left")
        #expect(paused.firstResponse.secondsLeft == 3600)
        #expect(ticket.sla.nextDue == nil, "a paused ticket does not sort as breaching")
        _ = try TicketRules.addComment(&ticket, body: "Here you go", isInternal: false, by: Fixture.customer, at: at(10))
        #expect(ticket.status == .inProgress)
        #expect(ticket.sla.firstResponseDue == at(2 + 9))
        #expect(ticket.sla.resolutionDue == at(24 + 9))
        #expect(SLAPolicy.readings(for: ticket, at: at(10.5)).firstResponse.secondsLeft == 1800)
    }

    @Test func priorityChangeRecomputesTargetsFromCreation() throws {
        var ticket = Fixture.ticket(status: .assigned, priority: .low)
        #expect(ticket.sla.firstResponseDue == at(24))
        _ = try TicketRules.changePriority(&ticket, to: .urgent, by: Fixture.agent, at: at(3))
        #expect(ticket.sla.firstResponseDue == at(2))
        #expect(ticket.sla.resolutionDue == at(24))
        #expect(SLAPolicy.readings(for: ticket, at: at(3)).firstResponse.state == .breached)
    }

    @Test func resolvingMeetsResolutionAndClosingWithoutResolvingToo() throws {
        var resolved = Fixture.ticket(status: .inProgress, priority: .high)
        _ = try TicketRules.changeStatus(&resolved, to: .resolved, by: Fixture.agent, at: at(47))
        #expect(SLAPolicy.readings(for: resolved, at: at(100)).resolution.state == .met)
        var closed = Fixture.ticket(status: .inProgress, priority: .high)
        _ = try TicketRules.changeStatus(&closed, to: .closed, by: Fixture.agent, at: at(49))
        let reading = SLAPolicy.readings(for: closed, at: at(100)).resolution
        #expect(reading.state == .breached)
        #expect(reading.secondsLeft == -3600)
        #expect(closed.sla.resolutionMet == false)
    }

    @Test func reopenResumesResolutionWithoutCountingTheResolvedTime() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .urgent)
        _ = try TicketRules.addComment(&ticket, body: "Fixed?", isInternal: false, by: Fixture.agent, at: at(1))
        _ = try TicketRules.changeStatus(&ticket, to: .resolved, by: Fixture.agent, at: at(10))
        _ = try TicketRules.changeStatus(&ticket, to: .reopened, by: Fixture.customer, at: at(30))
        #expect(ticket.sla.resolutionMet == nil)
        #expect(ticket.sla.resolutionDue == at(24 + 20))
        #expect(ticket.sla.firstResponseDue == at(2), "a met first-response clock is not shifted")
        #expect(SLAPolicy.readings(for: ticket, at: at(30)).resolution.secondsLeft == 14 * 3600)
        #expect(SLAPolicy.readings(for: ticket, at: at(30)).firstResponse.state == .met)
    }

    @Test func atRiskSortKeyMarksTheEarliestRunningClock() {
        let ticket = Fixture.ticket(status: .assigned, priority: .urgent)
        #expect(ticket.sla.nextDue == at(2))
        #expect(ticket.sla.nextRisk == at(1.5))
    }

    // Issue 11, §5: every transition of a clock, checked against the README's SLA rules.

    /// The example: medium (8 h first response) created 09:00, in progress at 09:20, waiting
    /// at 11:00, a staff reply at 20:00 while still waiting. Waiting does not count, so the reply
    /// meets the clock with the 6 h it had left when it paused.
    @Test func aStaffReplyWhileWaitingMeetsTheClockWithTheMarginItPausedWith() throws {
        var ticket = Fixture.ticket(status: .assigned, priority: .medium)
        _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: Fixture.agent, at: at(20.0 / 60))
        _ = try TicketRules.changeStatus(&ticket, to: .waiting, by: Fixture.agent, at: at(2))
        _ = try TicketRules.addComment(&ticket, body: "Here is the fix", isInternal: false, by: Fixture.agent, at: at(11))
        let reading = SLAPolicy.readings(for: ticket, at: at(11)).firstResponse
        #expect(reading.state == .met)
        #expect(reading.secondsLeft == 6 * 3600)
        #expect(ticket.sla.firstResponseMet == true)
        #expect(ticket.sla.firstResponseSeconds == 2 * 3600.0, "the clock ran from 09:00 to the pause at 11:00")
        #expect(ticket.status == .waiting, "a staff reply does not end the wait")
        // Leaving waiting later moves only the resolution clock; the first response stays as it finished.
        _ = try TicketRules.addComment(&ticket, body: "Thanks, trying it", isInternal: false, by: Fixture.customer, at: at(13))
        #expect(ticket.status == .inProgress)
        #expect(SLAPolicy.readings(for: ticket, at: at(13)).firstResponse.secondsLeft == 6 * 3600)
        #expect(ticket.sla.resolutionDue == at(120 + 11), "11 h waiting (11:00 to 22:00) move the resolution due time")
    }

    @Test func aPriorityChangeLeavesAFinishedClockAsItFinished() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .medium)
        _ = try TicketRules.addComment(&ticket, body: "On it", isInternal: false, by: Fixture.agent, at: at(3))
        _ = try TicketRules.changePriority(&ticket, to: .urgent, by: Fixture.agent, at: at(4))
        let after = SLAPolicy.readings(for: ticket, at: at(4))
        #expect(after.firstResponse.state == .met, "answered in 3 h of the 8 h it had; the new 2 h target does not apply")
        #expect(after.firstResponse.secondsLeft == 5 * 3600)
        #expect(after.resolution.due == at(24), "the running resolution clock takes the new target")
        // And once resolved, a priority change keeps the resolution verdict too.
        _ = try TicketRules.changeStatus(&ticket, to: .resolved, by: Fixture.agent, at: at(20))
        _ = try TicketRules.changePriority(&ticket, to: .low, by: Fixture.agent, at: at(21))
        #expect(SLAPolicy.readings(for: ticket, at: at(21)).resolution.secondsLeft == 4 * 3600)
        var late = Fixture.ticket(status: .inProgress, priority: .high)
        _ = try TicketRules.changeStatus(&late, to: .resolved, by: Fixture.agent, at: at(47))
        _ = try TicketRules.changePriority(&late, to: .urgent, by: Fixture.agent, at: at(48))
        let resolution = SLAPolicy.readings(for: late, at: at(48)).resolution
        #expect(resolution.state == .met, "resolved in 47 h of 48: met, whatever the priority says later")
        #expect(late.sla.resolutionMet == true)
    }

    @Test func aPriorityChangeWhilePausedMovesTheFrozenTimeLeft() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .low)
        _ = try TicketRules.changeStatus(&ticket, to: .waiting, by: Fixture.agent, at: at(1))
        _ = try TicketRules.changePriority(&ticket, to: .urgent, by: Fixture.agent, at: at(5))
        let paused = SLAPolicy.readings(for: ticket, at: at(8)).firstResponse
        #expect(paused.isPaused)
        #expect(paused.secondsLeft == 3600, "2 h target, 1 h used before the pause")
        #expect(ticket.sla.nextDue == nil)
        _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: Fixture.agent, at: at(10))
        #expect(ticket.sla.firstResponseDue == at(2 + 9))
        #expect(SLAPolicy.readings(for: ticket, at: at(10)).firstResponse.secondsLeft == 3600)
    }

    @Test func closingUnansweredStopsFirstResponseAndAReopenResumesIt() throws {
        var ticket = Fixture.ticket(status: .assigned, priority: .urgent)
        _ = try TicketRules.changeStatus(&ticket, to: .closed, by: Fixture.agent, at: at(1))
        let closed = SLAPolicy.readings(for: ticket, at: at(3)).firstResponse
        #expect(closed.state == .met)
        #expect(closed.secondsLeft == 3600)
        // A reply after the clock stopped changes nothing.
        _ = try TicketRules.addComment(&ticket, body: "Closing note", isInternal: false, by: Fixture.agent, at: at(2))
        #expect(ticket.firstResponseAt == nil)
        #expect(SLAPolicy.readings(for: ticket, at: at(3)).firstResponse.secondsLeft == 3600)
        _ = try TicketRules.changeStatus(&ticket, to: .reopened, by: Fixture.customer, at: at(5))
        let reopened = SLAPolicy.readings(for: ticket, at: at(5)).firstResponse
        #expect(!reopened.isFinished)
        #expect(reopened.secondsLeft == 3600, "resumes with the hour it had when the ticket closed")
        #expect(ticket.sla.firstResponseMet == nil)
        _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: Fixture.agent, at: at(5))
        _ = try TicketRules.addComment(&ticket, body: "Looking again", isInternal: false, by: Fixture.agent, at: at(5.5))
        #expect(SLAPolicy.readings(for: ticket, at: at(6)).firstResponse.secondsLeft == 1800)
        #expect(ticket.sla.firstResponseSeconds == 1.5 * 3600.0)
    }

    @Test func resolutionClockTimeLeavesOutWaitingAndTheTimeBeforeAReopen() throws {
        var ticket = Fixture.ticket(status: .inProgress, priority: .urgent)
        _ = try TicketRules.changeStatus(&ticket, to: .waiting, by: Fixture.agent, at: at(1))
        _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: Fixture.agent, at: at(4))
        _ = try TicketRules.changeStatus(&ticket, to: .resolved, by: Fixture.agent, at: at(6))
        #expect(ticket.sla.resolutionSeconds == 3 * 3600.0)
        _ = try TicketRules.changeStatus(&ticket, to: .reopened, by: Fixture.customer, at: at(30))
        #expect(ticket.sla.resolutionSeconds == nil)
        _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: Fixture.agent, at: at(31))
        _ = try TicketRules.changeStatus(&ticket, to: .resolved, by: Fixture.agent, at: at(33))
        #expect(ticket.sla.resolutionSeconds == 6 * 3600.0, "3 h, then 3 h after the reopen")
        #expect(SLAPolicy.readings(for: ticket, at: at(40)).resolution.secondsLeft == 18 * 3600)
    }
}
