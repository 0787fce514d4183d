import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskStore

/// Holds database work back so that a key press can be timed apart from the queries it starts,
/// as the real console runs them on a background queue.
final class HeldScheduler: WorkScheduler, @unchecked Sendable {
    private let lock = NSLock()
    private var held: [@Sendable () -> Void] = []

    func schedule(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        held.append(work)
        lock.unlock()
    }

    func runHeld() {
        while true {
            lock.lock()
            let work = held
            held = []
            lock.unlock()
            if work.isEmpty { return }
            for item in work { item() }
        }
    }
}

/// The console's own work per key press: handling the key and drawing the frame, then drawing again
/// once the data it asked for has arrived. The queries themselves are the read operations' figures.
struct ConsoleOperations {
    let setup: BenchSetup
    let stopwatch: Stopwatch

    static func config() -> ConsoleConfig {
        ConfigLoader.standard(environment: [:]).load(keymap: "default", theme: "default", environment: [:], colours: 256, utf8: true)
    }

    func all() throws -> [Measurement] {
        keyPress("move selection", key: .down) + keyPress("open ticket", key: .enter, reset: [.escape])
    }

    /// Two figures per key: from the key to its frame (selection moved, detail asked for), and from
    /// the data's arrival to the frame that shows it. Neither includes the query.
    private func keyPress(_ label: String, key: Key, reset: [Key] = []) -> [Measurement] {
        let scheduler = HeldScheduler()
        let controller = ConsoleController(
            service: setup.service, config: Self.config(), scheduler: scheduler, inbox: Inbox(), width: 160, height: 48, user: setup.agent)
        func settle() {
            for _ in 0..<2 {
                scheduler.runHeld()
                controller.applyFinishedWork()
            }
        }
        settle()
        blackHole(controller.frame())
        let clock = ContinuousClock()
        var toFrame: [Double] = [], toData: [Double] = []
        for run in 0..<(stopwatch.runs + stopwatch.warmup) {
            var start = clock.now
            _ = controller.handle(.key(key))
            blackHole(controller.frame())
            let first = clock.now - start
            scheduler.runHeld()
            start = clock.now
            controller.applyFinishedWork()
            blackHole(controller.frame())
            let second = clock.now - start
            for key in reset {
                _ = controller.handle(.key(key))
                settle()
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
