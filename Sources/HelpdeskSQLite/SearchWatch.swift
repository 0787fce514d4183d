import GRDB
import GRDBSQLite
import HelpdeskCore

/// Stops a search that runs past `SearchLimits.deadline`.
///
/// SQLite calls a progress handler every `checkEvery` virtual-machine instructions of any
/// statement on the connection (the FTS5 index's own statements included); the handler reads the
/// clock and, past the deadline, makes the running statement fail with `SQLITE_INTERRUPT`, which
/// `run` answers as the core's `VALIDATION_ERROR` on `search`. The handler belongs to this one
/// read: it is removed before the read's transaction ends, so nothing else is ever stopped by it
/// and the connection is usable at once.
///
/// Cancelling the Swift task that awaits the read is GRDB's part: it calls `sqlite3_interrupt`, the
/// statement fails, and the read throws `CancellationError`.
final class SearchWatch {
    /// A monotonic clock; tests inject one that moves by hand (or blocks) so that a deadline and a
    /// cancellation land at a chosen instant instead of after real time.
    typealias Clock = @Sendable () -> ContinuousClock.Instant

    /// Instructions between two looks at the clock: about 10 to 50 µs of work, so a search stops
    /// within a millisecond of its deadline and reading the clock costs well under 1 % of it.
    static let checkEvery: Int32 = 1_000

    private let clock: Clock
    private let deadline: ContinuousClock.Instant
    private(set) var expired = false

    private init(clock: @escaping Clock, budget: Duration) {
        self.clock = clock
        deadline = clock().advanced(by: budget)
    }

    /// Runs `body` (one search, inside a read) under the deadline.
    /// - Throws: `VALIDATION_ERROR` on `search` (`SearchLimits.deadlineExceeded`) when the deadline
    ///   passed while a statement ran; whatever `body` throws otherwise (`CancellationError` when
    ///   the task was cancelled).
    static func run<T>(_ db: Database, clock: @escaping Clock, budget: Duration = SearchLimits.deadline, _ body: () throws -> T) throws -> T {
        let watch = SearchWatch(clock: clock, budget: budget)
        let connection = db.sqliteConnection
        // Unretained: `watch` outlives the handler, which is removed before this returns.
        sqlite3_progress_handler(connection, checkEvery, { context in
            guard let context else { return 0 }
            return Unmanaged<SearchWatch>.fromOpaque(context).takeUnretainedValue().check()
        }, Unmanaged.passUnretained(watch).toOpaque())
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        do {
            return try body()
        } catch let error as DatabaseError where watch.expired && error.resultCode == .SQLITE_INTERRUPT {
            throw SearchLimits.deadlineExceeded
        }
    }

    /// Nonzero stops the running statement. Once expired, every later look says so too, so a
    /// statement the first refusal did not reach (an FTS5 statement nested in another) stops as well.
    private func check() -> Int32 {
        if !expired && clock() >= deadline { expired = true }
        return expired ? 1 : 0
    }
}
