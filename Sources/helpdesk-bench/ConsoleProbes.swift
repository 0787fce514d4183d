import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskStore

/// What the child processes do: start the console and draw its first frame, or work a long session
/// and report the memory it peaked at.
enum ConsoleProbes {
    /// Opens the database, loads the configuration, signs the agent in and draws the queue once.
    static func firstFrame(path: String) throws {
        TextWidth.adoptLocale("C.UTF-8")
        let setup = try BenchSetup(path: path)
        let backend = TestBackend(width: 120, height: 40)
        let controller = ConsoleController(
            service: setup.service, config: ConsoleOperations.config(), scheduler: InlineScheduler(), inbox: Inbox(),
            width: 120, height: 40, user: setup.agent)
        controller.applyFinishedWork()
        let frame = controller.frame()
        backend.draw(frame.buffer, cursor: frame.cursor)
        guard backend.lines.contains(where: { $0.contains("TICK-") }) else { throw BenchError("the first frame shows no ticket") }
    }

    /// An admin scrolls 2,000 pages down the whole helpdesk, opens tickets, searches and views the
    /// dashboard; prints the peak resident memory in MB.
    static func memory(path: String) throws -> Double {
        TextWidth.adoptLocale("C.UTF-8")
        let setup = try BenchSetup(path: path)
        var config = ConsoleOperations.config()
        config.views = [SavedView(name: "All I can see", query: TicketQuery())]
        let controller = ConsoleController(
            service: setup.service, config: config, scheduler: InlineScheduler(), inbox: Inbox(), width: 120, height: 40,
            user: setup.admin)
        func press(_ key: Key) {
            _ = controller.handle(.key(key))
            controller.applyFinishedWork()
            controller.applyFinishedWork()
            blackHole(controller.frame())
        }
        controller.applyFinishedWork()
        for round in 0..<2_000 {
            press(.pageDown)
            if round % 40 == 0 {
                press(.enter)
                press(.escape)
            }
        }
        press(.char("2"))
        press(.char("1"))
        return peakResidentMB()
    }
}
