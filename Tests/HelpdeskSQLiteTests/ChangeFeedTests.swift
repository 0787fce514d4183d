import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Synchronization
import Testing
@testable import HelpdeskSQLite

/// The change feed is how an open console learns of another process's work.
struct ChangeFeedTests {
    @Test func anotherConnectionsCommitIsAnnouncedAndOwnCommitsAreNot() async throws {
        let fx = try await StoreFixture()
        let other = Helpdesk(
            storage: SQLiteStorage(database: try HelpdeskDatabase(path: fx.directory.appendingPathComponent("test.sqlite").path)),
            clock: FixedTimeSource(fx.start), hasher: StoreFixture.hasher, digest: SHA256Digester())
        let number = try await fx.file()
        let announced = Counter()
        let changes = await fx.service.changes(every: .milliseconds(10))
        let consumer = Task {
            for await _ in changes { announced.add() }
        }
        defer { consumer.cancel() }
        // Commits on the feed's own connection are the console's own work: not announced.
        _ = try await fx.service.addComment(number: number, body: "Written by this process", isInternal: false, by: fx.dan)
        #expect(await announced.wait(atLeast: 1, for: .milliseconds(300)) == 0, "an own commit is not announced")
        _ = try await other.addComment(number: number, body: "Written by another process", isInternal: false, by: fx.dan)
        #expect(await announced.wait(atLeast: 1, for: .seconds(10)) == 1, "another connection's commit is announced")
        #expect(await announced.wait(atLeast: 2, for: .milliseconds(200)) == 1, "and only once")
        consumer.cancel()
        _ = try await other.addComment(number: number, body: "After the console closed", isInternal: false, by: fx.dan)
        #expect(await announced.wait(atLeast: 2, for: .milliseconds(200)) == 1, "a cancelled feed announces nothing more")
    }
}

/// How many times the feed yielded, shared with the consuming task.
final class Counter: Sendable {
    private let value = Mutex(0)

    func add() { value.withLock { $0 += 1 } }

    /// The count once it reaches `target`, or when `limit` has passed (the test is bounded).
    func wait(atLeast target: Int, for limit: Duration) async -> Int {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let current = value.withLock { $0 }
            if current >= target { return current }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return value.withLock { $0 }
    }
}
