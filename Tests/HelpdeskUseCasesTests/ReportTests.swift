import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

struct ReportTests {
    /// Three tickets on day one: A answered and resolved in time, B answered late and resolved late,
    /// C left open and unassigned until it breaches.
    func scenario(_ engine: Engine) async throws -> (StoreFixture, a: String, b: String, c: String) {
        let fx = try await StoreFixture(engine, start: ISO8601DateFormatter().date(from: "2026-11-20T08:00:00Z")!)
        let a = try await fx.file("Ticket A for reports", priority: "urgent")
        let b = try await fx.file("Ticket B for reports", priority: "urgent")
        let c = try await fx.file("Ticket C for reports", priority: "urgent", hours: 1)
        for number in [a, b] { _ = try await fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin) }
        for number in [a, b] { _ = try await fx.at(0.2).changeStatus(number: number, to: "in_progress", by: fx.alice) }
        _ = try await fx.at(1).addComment(number: a, body: "Answer A", isInternal: false, by: fx.alice)
        _ = try await fx.at(3).addComment(number: b, body: "Answer B", isInternal: false, by: fx.alice)
        _ = try await fx.at(5).changeStatus(number: a, to: "resolved", by: fx.alice)
        _ = try await fx.at(30).changeStatus(number: b, to: "resolved", by: fx.alice)
        return (fx, a, b, c)
    }

    @Test(arguments: Engine.allCases) func dashboardCountsTilesAndBacklog(engine: Engine) async throws {
        let (fx, _, _, _) = try await scenario(engine)
        let now = fx.at(30.5)
        let admin = try await now.dashboard(by: fx.admin)
        #expect(admin.open == 1)
        #expect(admin.unassigned == 1)
        #expect(admin.breachedNow == 1)
        #expect(admin.atRisk == 0)
        #expect(admin.createdToday == 0, "the clock is on the next day")
        #expect(admin.resolvedToday == 1)
        #expect(admin.byStatus["resolved"] == 2)
        #expect(admin.byStatus["open"] == 1)
        #expect(admin.byPriority["urgent"] == 1)
        let atRisk = try await fx.at(2.6).dashboard(by: fx.admin)
        #expect(atRisk.atRisk == 1, "C has 24 minutes of its 2 hours left")
        #expect(atRisk.breachedNow == 0)
        let alice = try await now.dashboard(by: fx.alice)
        #expect(alice.open == 0, "agents see their own figures only")
        #expect(alice.byStatus["resolved"] == 2)
    }

    @Test(arguments: Engine.allCases) func slaComplianceAndTimes(engine: Engine) async throws {
        let (fx, _, _, _) = try await scenario(engine)
        let period = try ReportPeriod.parse(from: "2026-11-20", to: "2026-11-21", now: fx.at(31).clock.now())
        let report = try await fx.at(31).slaReport(period, by: fx.admin)
        #expect(report.firstResponse.total == 2)
        #expect(report.firstResponse.met == 1)
        #expect(report.firstResponse.compliancePercent == 50)
        #expect(report.firstResponse.meanSeconds == 7200.0)
        #expect(report.firstResponse.medianSeconds == 7200.0)
        #expect(report.resolution.total == 2)
        #expect(report.resolution.met == 1)
        #expect(report.resolution.medianSeconds == 17.5 * 3600.0)
    }

    /// The reports measure resolution times as the core's clock does: to the instant it stops
    /// (resolved, or closed without passing resolved, and after a reopen the later resolution), not
    /// counting the time the ticket spent resolved before the reopen.
    @Test(arguments: Engine.allCases) func reportsMeasureResolutionWhereTheClockStops(engine: Engine) async throws {
        let (fx, a, b, _) = try await scenario(engine)
        let closedDirectly = try await fx.file("Closed without a resolution", priority: "urgent", hours: 0.5)
        _ = try await fx.at(0.6).assign(number: closedDirectly, to: "alice@x.test", by: fx.admin)
        _ = try await fx.at(7).changeStatus(number: closedDirectly, to: "closed", by: fx.admin)
        _ = try await fx.at(31).changeStatus(number: a, to: "reopened", by: fx.alice)
        _ = try await fx.at(32).changeStatus(number: a, to: "in_progress", by: fx.alice)
        _ = try await fx.at(39).changeStatus(number: a, to: "resolved", by: fx.alice)
        let now = fx.at(41)
        let period = try ReportPeriod.parse(from: "2026-11-20", to: "2026-11-21", now: now.clock.now())
        var finished: [Double] = []
        for number in [a, b, closedDirectly] {
            let ticket = try await now.ticket(number: number, by: fx.admin).ticket
            finished.append(try #require(ticket.sla.resolutionSeconds, "\(number) is finished"))
        }
        finished.sort()
        let report = try await now.slaReport(period, by: fx.admin)
        #expect(report.resolution.total == 3)
        #expect(report.resolution.medianSeconds == finished[1])
        #expect(report.resolution.meanSeconds == (finished.reduce(0, +) / 3).rounded())
        let agents = try await now.agentsReport(period, by: fx.admin)
        #expect(agents.first { $0.email == "alice@x.test" }?.medianResolutionSeconds == finished[1])
        let hours: [Double] = [6.5, 13, 30]
        #expect(
            finished == hours.map { $0 * 3600 },
            "closed directly after 6.5 h; A resolved at 5 h, then 8 h after its reopen at 31 h (the 26 h resolved do not count); B at 30 h")
    }

    /// The dashboard asks for two periods in one pass; each must be what it would be on its own,
    /// with tickets outside a period left out of it.
    @Test(arguments: Engine.allCases) func severalPeriodsInOnePassMatchEachAlone(engine: Engine) async throws {
        let (fx, _, _, _) = try await scenario(engine)
        let d = try await fx.file("Ticket D two days later", priority: "urgent", hours: 50)
        _ = try await fx.at(50.1).assign(number: d, to: "bob@x.test", by: fx.admin)
        _ = try await fx.at(50.2).changeStatus(number: d, to: "in_progress", by: fx.bob)
        _ = try await fx.at(50.3).changeStatus(number: d, to: "resolved", by: fx.bob)
        let now = fx.at(60).clock.now()
        let periods = [
            try ReportPeriod.parse(from: "2026-11-20", to: "2026-11-20", now: now),
            try ReportPeriod.parse(from: "2026-11-22", to: "2026-11-22", now: now),
            try ReportPeriod.parse(from: "2026-11-19", to: "2026-11-22", now: now),
        ]
        let together = try await fx.at(60).slaReports(periods, by: fx.admin)
        var alone: [SLAReport] = []
        for period in periods { alone.append(try await fx.at(60).slaReport(period, by: fx.admin)) }
        #expect(together == alone)
        #expect(together.map(\.resolution.total) == [2, 1, 3])
    }

    @Test(arguments: Engine.allCases) func volumeListsEveryDayAndAgentsReportIsScoped(engine: Engine) async throws {
        let (fx, _, _, _) = try await scenario(engine)
        let now = fx.at(31)
        let period = try ReportPeriod.parse(from: "2026-11-19", to: "2026-11-21", now: now.clock.now())
        let days = try await now.volume(period, by: fx.admin)
        #expect(days == [
            VolumeDay(date: "2026-11-19", created: 0, resolved: 0),
            VolumeDay(date: "2026-11-20", created: 3, resolved: 1),
            VolumeDay(date: "2026-11-21", created: 0, resolved: 1),
        ])
        let agents = try await now.agentsReport(period, by: fx.admin)
        let alice = try #require(agents.first { $0.email == "alice@x.test" })
        #expect(alice.resolvedInPeriod == 2)
        #expect(alice.slaCompliancePercent == 50)
        #expect(alice.openAssigned == 0)
        #expect(try await now.agentsReport(period, by: fx.bob).map(\.email) == ["bob@x.test"])
        await expectError(.forbidden) { try await now.volume(period, by: fx.dan) }
        expectError(.validation, field: "from") { try ReportPeriod.parse(from: "2026-11-31", to: nil, now: now.clock.now()) }
    }

    /// Issue 11, §5: a staff reply while the ticket waits on the customer meets the first-response
    /// clock with the margin it had when it paused, and `report sla` agrees with the clock.
    @Test(arguments: Engine.allCases) func aReplyWhileWaitingIsMetAndTheReportSaysSo(engine: Engine) async throws {
        let fx = try await StoreFixture(engine, start: ISO8601DateFormatter().date(from: "2026-11-20T09:00:00Z")!)
        let number = try await fx.file("Medium ticket waiting on the customer")
        _ = try await fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.at(20.0 / 60).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(2).changeStatus(number: number, to: "waiting", by: fx.alice)
        _ = try await fx.at(11).addComment(number: number, body: "Try this fix", isInternal: false, by: fx.alice)
        let ticket = try await fx.at(11).ticket(number: number, by: fx.alice).ticket
        let clock = SLAPolicy.readings(for: ticket, at: fx.at(11).clock.now()).firstResponse
        #expect(clock.state == .met)
        #expect(clock.secondsLeft == 6 * 3600)
        let period = try ReportPeriod.parse(from: "2026-11-20", to: "2026-11-20", now: fx.at(12).clock.now())
        let report = try await fx.at(12).slaReport(period, by: fx.admin)
        #expect(report.firstResponse.total == 1)
        #expect(report.firstResponse.compliancePercent == 100)
        #expect(report.firstResponse.meanSeconds == 2 * 3600.0, "the clock ran 09:00 to 11:00; the 9 h waiting do not count")
        #expect(report.firstResponse.medianSeconds == 2 * 3600.0)
    }
}
