import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite

/// The console's own work per key press: handling the key and drawing the frame, then drawing again
/// once the data it asked for has arrived. The queries themselves are the read operations' figures.
struct ConsoleOperations {
    let setup: BenchSetup
    let stopwatch: Stopwatch

    static func config() -> ConsoleConfig {
        ConfigLoader.standard(environment: [:]).load(keymap: "default", theme: "default", environment: [:], colours: 256, utf8: true)
    }

    func all() async throws -> [Measurement] {
        await keyPress("move selection", key: .down) + keyPress("open ticket", key: .enter, reset: [.escape])
    }

    /// Two figures per key: from the key to its frame (selection moved, detail asked for), and from
    /// the data's arrival to the frame that shows it. Neither includes the query.
    private func keyPress(_ label: String, key: Key, reset: [Key] = []) async -> [Measurement] {
        let scheduler = ManualScheduler()
        let controller = ConsoleController(
            service: setup.service, config: Self.config(), scheduler: scheduler, inbox: Inbox(), width: 160, height: 48, user: setup.agent, followsChanges: false)
        func settle() async {
            for _ in 0..<2 {
                await scheduler.runAll()
                controller.applyFinishedWork()
            }
        }
        await settle()
        blackHole(controller.frame())
        let clock = ContinuousClock()
        var toFrame: [Double] = [], toData: [Double] = []
        for run in 0..<(stopwatch.runs + stopwatch.warmup) {
            var start = clock.now
            _ = controller.handle(.key(key))
            blackHole(controller.frame())
            let first = clock.now - start
            await scheduler.runAll()
            start = clock.now
            controller.applyFinishedWork()
            blackHole(controller.frame())
            let second = clock.now - start
            for key in reset {
                _ = controller.handle(.key(key))
                await settle()
            }
            if run >= stopwatch.warmup {
                toFrame.append(first.seconds * 1000)
                toData.append(second.seconds * 1000)
            }
        }
        return [
            Measurement("console: key press to frame, \(label) (own work)", goal: 1, ours: toFrame),
            Measurement("console: its data to frame, \(label) (own work)", goal: 1, ours: toData),
        ]
    }
}
