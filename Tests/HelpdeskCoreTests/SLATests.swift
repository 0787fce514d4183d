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
}
