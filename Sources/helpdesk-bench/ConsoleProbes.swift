import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite

/// What the child processes do: start the console and draw its first frame, or work a long session
/// and report the memory it peaked at.
enum ConsoleProbes {
    /// Opens the database, loads the configuration, signs the agent in and draws the queue once.
    static func firstFrame(path: String) async throws {
        TextWidth.adoptLocale("C.UTF-8")
        let setup = try await BenchSetup(path: path)
        let backend = TestBackend(width: 120, height: 40)
        let scheduler = ManualScheduler()
        let controller = ConsoleController(
            service: setup.service, config: ConsoleOperations.config(), scheduler: scheduler, inbox: Inbox(),
            width: 120, height: 40, user: setup.agent, followsChanges: false)
        for _ in 0..<2 {
            await scheduler.runAll()
            controller.applyFinishedWork()
        }
        let frame = controller.frame()
        backend.draw(frame.buffer, cursor: frame.cursor)
        guard backend.lines.contains(where: { $0.contains("TICK-") }) else { throw BenchError("the first frame shows no ticket") }
    }

    /// An admin scrolls 2,000 pages down the whole helpdesk, opens tickets, searches and views the
    /// dashboard; prints the peak resident memory in MB.
    static func memory(path: String) async throws -> Double {
        TextWidth.adoptLocale("C.UTF-8")
        let setup = try await BenchSetup(path: path)
        var config = ConsoleOperations.config()
        config.views = [SavedView(name: "All I can see", query: TicketQuery())]
        let scheduler = ManualScheduler()
        let controller = ConsoleController(
            service: setup.service, config: config, scheduler: scheduler, inbox: Inbox(), width: 120, height: 40,
            user: setup.admin, followsChanges: false)
        func settle() async {
            for _ in 0..<2 {
                await scheduler.runAll()
                controller.applyFinishedWork()
            }
        }
        func press(_ key: Key) async {
            _ = controller.handle(.key(key))
            await settle()
            blackHole(controller.frame())
        }
        await settle()
        for round in 0..<2_000 {
            await press(.pageDown)
            if round % 40 == 0 {
                await press(.enter)
                await press(.escape)
            }
        }
        await press(.char("2"))
        await press(.char("1"))
        return peakResidentMB()
    }
}
