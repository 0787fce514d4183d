import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

struct DashboardTests {
    /// Two urgent tickets: one answered and resolved in time, one left to breach; one low ticket.
    func scenario() async throws -> ConsoleFixture {
        let fx = try await ConsoleFixture()
        let fast = try await fx.file("Answered quickly", priority: "urgent")
        try await fx.file("Left waiting", priority: "urgent", assignTo: nil)
        try await fx.file("Low one", priority: "low", assignTo: "bob@x.test")
        fx.now = fx.now.addingTimeInterval(3600)
        _ = try await fx.service.changeStatus(number: fast, to: "in_progress", by: fx.alice)
        _ = try await fx.service.addComment(number: fast, body: "Fixed it", isInternal: false, by: fx.alice)
        _ = try await fx.service.changeStatus(number: fast, to: "resolved", by: fx.alice)
        fx.now = fx.now.addingTimeInterval(2 * 3600)
        return fx
    }

    @Test func adminsStartOnTheDashboardAt80x24() async throws {
        let fx = try await scenario()
        let console = await fx.console(as: fx.admin, width: 80, height: 24)
        let lines = console.lines
        #expect(lines[0].hasPrefix(" Helpdesk · Ada Admin (admin) · Dashboard"))
        #expect(lines[1] == TextWidth.fit(" Open 2  Unassigned 1  Breached 1  At risk 0  New today 3  Resolved today 1", to: 80))
        #expect(lines.contains { $0.contains("Response 30d 100.0% ") })
        #expect(lines.contains { $0.contains("│resolved         1 ") })
        #expect(lines.contains { $0.contains("│urgent           1 ") })
        #expect(lines.contains { $0.contains("│low              1 ") })
        #expect(lines.contains { $0.contains("Alice Agent") && $0.contains(" 1     ") && $0.contains("100.0%") })
        for line in lines { #expect(TextWidth.of(line) == 80) }
        #expect(lines.last?.contains("x Export CSV reports") == true)
        #expect(lines.last?.contains("o Sort") == true)
    }

    @Test func theDashboardFiguresMatchTheReportsAndUseALargeTerminal() async throws {
        let fx = try await scenario()
        let console = await fx.console(as: fx.admin, width: 160, height: 50)
        let report = try await fx.service.dashboard(by: fx.admin)
        #expect(console.lines[1].contains("Open \(report.open)  Unassigned \(report.unassigned)  Breached \(report.breachedNow)"))
        #expect(console.lines.contains { $0.contains("Response median 1h00m mean 1h00m") }, "taller terminals show times too")
        #expect(console.lines.filter { $0.contains("Agent ") }.count >= 2)
        await console.press("o")
        #expect(console.screen.contains("sort: resolved"))
        await console.press("1")
        #expect(console.screen.contains("┌ Queues"))
        await console.press("2")
        #expect(console.screen.contains("Dashboard"))
    }

    @Test func asciiTerminalsGetASCIIBarsAndSparklines() async throws {
        let fx = try await scenario()
        var config = ConsoleFixture.config()
        config.glyphs = .ascii
        let console = await fx.console(as: fx.admin, width: 100, height: 30, config: config)
        #expect(!console.screen.contains("█") && !console.screen.contains("▁") && !console.screen.contains("┌"))
        #expect(console.screen.contains("#"))
    }

    @Test func agentsSeeTheirOwnStatsAndCustomersNone() async throws {
        let fx = try await scenario()
        let agent = await fx.console(as: fx.alice, width: 100, height: 30)
        await agent.press("2")
        #expect(agent.screen.contains("My stats"))
        #expect(agent.screen.contains("Alice Agent") && !agent.screen.contains("Bob Agent"))
        let customer = await fx.console(as: fx.dan, width: 100, height: 30)
        await customer.press("2")
        #expect(customer.screen.contains("Reports are for agents and admins"))
        #expect(!customer.screen.contains("Dashboard"))
    }

    @Test func exportWritesTheCSVTheCommandLinePrints() async throws {
        let fx = try await scenario()
        let directory = fx.directory.appendingPathComponent("reports")
        let console = await fx.console(as: fx.admin, width: 100, height: 30, exportDirectory: directory)
        await console.press("x")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["agents-2026-10-31-2026-11-29.csv", "sla-2026-10-31-2026-11-29.csv", "volume-2026-10-31-2026-11-29.csv"])
        let period = try ReportPeriod.parse(from: nil, to: nil, now: fx.now)
        let volume = try String(contentsOf: directory.appendingPathComponent(files[2]), encoding: .utf8)
        #expect(volume == ReportCSV.volume(try await fx.service.volume(period, by: fx.admin)))
        #expect(console.screen.contains("Wrote \(directory.path)"))
    }

    @Test func thePeriodCanBeChosenAndIsValidated() async throws {
        let fx = try await scenario()
        let console = await fx.console(as: fx.admin, width: 120, height: 40)
        await console.press("P")
        await console.type("2026-11-28 2026-11-29")
        await console.press("ret")
        #expect(console.screen.contains("Volume, 2026-11-28 to 2026-11-29"))
        #expect(console.screen.contains("Agents, 2026-11-28 to 2026-11-29"))
        await console.press("P", "C-u")
        await console.type("2026-02-30")
        await console.press("ret")
        #expect(console.screen.contains("from: must be a date like 2026-01-31"))
        #expect(console.screen.contains("Volume, 2026-11-28 to 2026-11-29"), "a bad period changes nothing")
    }
}
