import Foundation
import HelpdeskConsole
import Testing

/// Finished background work wakes the event loop, so its result is drawn at once instead of after
/// the terminal's poll interval (the 50-session benchmark found every sent reply shown 54-56 ms late).
struct WakeTests {
    /// Counts wake-ups from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func everyFinishedLoadWakesTheLoop() async throws {
        let fx = try await ConsoleFixture()
        _ = try await fx.file("Printer is on fire")
        let console = await fx.console(as: fx.alice)
        let wakes = Counter()
        console.controller.wakeOnFinishedWork { wakes.add() }
        #expect(wakes.value == 0, "nothing was posted yet")
        // Another process commits: the change feed's post wakes the loop, and so does the result of
        // the reload it starts (work done on the scheduler, posted to the inbox).
        await console.announceChange()
        #expect(wakes.value >= 2, "the change and its reload's result each wake the loop (woke \(wakes.value) times)")
        #expect(console.screen.contains("Printer is on fire"))
    }
}
