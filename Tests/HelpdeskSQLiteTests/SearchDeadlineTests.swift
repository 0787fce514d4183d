import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// Issue 12: a search stops at its deadline, or when the task awaiting it is cancelled, and the
/// connection serves the next read at once. Time is a clock the test moves (or holds), never the
/// wall clock: the search watch reads the clock once when the search starts and then every few
/// thousand SQLite instructions.
@Suite(.timeLimit(.minutes(1))) struct SearchDeadlineTests {
    /// A helpdesk with enough matching tickets that a search runs thousands of instructions.
    private func fixture() async throws -> StoreFixture {
        let fx = try await StoreFixture()
        for index in 0..<120 {
            let number = try await fx.file("Printer \(index) jams on page two")
            if index % 3 == 0 { _ = try await fx.service.addComment(number: number, body: "The printer jams again", isInternal: false, by: fx.dan) }
        }
        return fx
    }

    private var printer: TicketQuery {
        var query = TicketQuery()
        query.search = "printer jams"
        return query
    }

    @Test func aSearchPastItsDeadlineIsRefusedAndTheConnectionStaysUsable() async throws {
        let fx = try await fixture()
        // Every reading of this clock is ten seconds after the one before: the first look after
        // the start is past the one-second deadline.
        let readings = Readings()
        let start = ContinuousClock.now
        let slow = Helpdesk(
            storage: try fx.sqlite.with(searchClock: { start.advanced(by: .seconds(10 * readings.next())) }),
            clock: fx.service.clock, hasher: StoreFixture.hasher, digest: SHA256Digester())
        let error = await expectError(.validation, field: "search") { try await slow.listTickets(printer, by: fx.admin) }
        #expect(error?.fieldErrors["search"]?.first == SearchLimits.narrowThisSearch)
        #expect(readings.count >= 2, "stopped by a look at the clock while the search ran")
        let counts = try await slow.countTickets([printer, TicketQuery()], by: fx.admin)
        #expect(counts[0].failureCode == .validation, "a count with a search has the same deadline")
        #expect(try counts[1].get() == 120, "a list without a search is not timed")
        #expect(try await slow.listTickets(TicketQuery(), by: fx.admin).tickets.count == 50)

        // The same connection, on a clock that does not jump, answers at once and in full.
        #expect(try await fx.service.listTickets(printer, by: fx.admin).tickets.count == 50)
        #expect(try await fx.service.countTickets(printer, by: fx.dan) == 120)
    }

    @Test(arguments: ["list", "count"]) func cancellingTheAwaitingTaskInterruptsTheRunningSearch(_ call: String) async throws {
        let fx = try await fixture()
        let (running, signal) = AsyncStream.makeStream(of: Void.self)
        let resume = DispatchSemaphore(value: 0)
        let readings = Readings()
        // The second reading is the first look while a statement runs: the clock tells the test
        // and holds the statement until the task has been cancelled.
        let held = Helpdesk(
            storage: try fx.sqlite.with(searchClock: {
                if readings.next() == 2 {
                    signal.yield()
                    resume.wait()
                }
                return .now
            }),
            clock: fx.service.clock, hasher: StoreFixture.hasher, digest: SHA256Digester())
        let query = printer, admin = fx.admin
        let search = Task {
            if call == "list" { _ = try await held.listTickets(query, by: admin) } else { _ = try await held.countTickets([query], by: admin) }
        }
        for await _ in running { break }
        search.cancel()
        resume.signal()
        await #expect(throws: CancellationError.self) { try await search.value }
        #expect(readings.count == 2, "no later look at the clock: the statement stopped at the interrupt")

        #expect(try await fx.service.listTickets(printer, by: fx.admin).tickets.count == 50, "the connection serves the next search")
        #expect(try await fx.service.countTickets(printer, by: fx.admin) == 120)
    }
}

/// How many times a test clock was read; safe to read from the database's thread and the test's.
final class Readings: @unchecked Sendable {
    private let lock = NSLock()
    private var readings = 0

    /// Counts one more reading and returns how many there have been.
    func next() -> Int {
        lock.withLock {
            readings += 1
            return readings
        }
    }

    var count: Int { lock.withLock { readings } }
}

extension Result where Failure == HelpdeskError {
    /// The code of a failed answer; nil for a count.
    var failureCode: ErrorCode? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}
