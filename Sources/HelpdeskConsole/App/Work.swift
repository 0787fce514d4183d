import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Runs database work away from the drawing path, one job at a time in the order scheduled (a
/// reload scheduled after a write sees the write). The terminal uses `BackgroundScheduler`; tests use
/// `ManualScheduler` and run the work when they choose, so that screens are deterministic.
public protocol WorkScheduler: Sendable {
    func schedule(_ work: @escaping @Sendable () async -> Void)
}

/// Runs jobs one after another on a task of its own.
public final class BackgroundScheduler: WorkScheduler {
    private let jobs: AsyncStream<@Sendable () async -> Void>.Continuation
    private let worker: Task<Void, Never>

    public init() {
        let (stream, continuation) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
        jobs = continuation
        worker = Task {
            for await job in stream { await job() }
        }
    }

    deinit {
        jobs.finish()
        worker.cancel()
    }

    public func schedule(_ work: @escaping @Sendable () async -> Void) { jobs.yield(work) }
}

/// Holds jobs until `runAll()`: tests press a key, run the work it scheduled, then read the screen.
public final class ManualScheduler: WorkScheduler, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [@Sendable () async -> Void] = []

    public init() {}

    public func schedule(_ work: @escaping @Sendable () async -> Void) {
        lock.lock()
        jobs.append(work)
        lock.unlock()
    }

    /// Whether no job is waiting.
    public var isIdle: Bool {
        lock.lock()
        defer { lock.unlock() }
        return jobs.isEmpty
    }

    /// Runs every waiting job in order, and those they schedule meanwhile.
    public func runAll() async {
        while let job = next() { await job() }
    }

    private func next() -> (@Sendable () async -> Void)? {
        lock.lock()
        defer { lock.unlock() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}

/// Where a loaded page goes in the queue.
public enum PagePlacement: Sendable {
    /// The first page (or, while the window was read from the end, the last), replacing the rows.
    case replace
    case append, prepend
    /// The last page of the order, read backwards from its end (`G`), replacing the rows.
    case end
}

/// Results of background work, handed back to the event loop through the inbox.
public enum LoadResult: Sendable {
    case loggedIn(User)
    case loginFailed(String)
    /// Each saved view's count, and the count of the list as shown (its search and filter applied).
    case counts(generation: Int, [Int?], shown: Int?)
    case page(generation: Int, placement: PagePlacement, TicketPage)
    case detail(generation: Int, TicketListing, [CommentView])
    case detailGone(generation: Int, String)
    /// A ticket opened by its number (`#`), whether or not the list holds it.
    case jumped(TicketListing, [CommentView])
    case agents([User])
    case dashboard(DashboardData)
    case registered(User)
    case admin(AdminData)
    case formDone(String)
    case openMenu(MenuState)
    case ticketCreated(String)
    case formFailed(HelpdeskError)
    case exported([String])
    /// A change went through; `updated` is its ticket as stored now, shown at once so that the next
    /// action (pressed before the reload lands) is aimed at the version the change made.
    case done(message: String, reload: Bool, updated: TicketListing? = nil)
    case commentSent(DraftKey, message: String, updated: TicketListing?)
    /// A refused change: the message shows; `reopen` (a prompt with what was typed) comes back.
    case failed(HelpdeskError, reload: Bool, reopen: Overlay? = nil)
    /// A change refused with `CONFLICT` because its ticket moved on; `current` is the ticket as
    /// stored now (nil if it can no longer be read).
    case conflicted(HelpdeskError, current: TicketListing?, reopen: Overlay?)
    /// Another process committed (from the change feed).
    case changed
    /// The acting user as stored now (another process may have changed the role).
    case actorRefreshed(User)
    /// Re-reading the acting user failed for another reason than their account (the file busy, say).
    case actorRefreshFailed(HelpdeskError)
    /// A result of work started in session `Int` (a session ends at sign-out): applied only if that
    /// session is still the current one, so nothing of one user's reaches the next.
    indirect case inSession(Int, LoadResult)
    /// The acting user may no longer act (deactivated or removed): back to the login screen.
    case signedOut(String)
}

/// A thread-safe mailbox from the worker to the event loop.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [LoadResult] = []

    public init() {}

    public func post(_ result: LoadResult) {
        lock.lock()
        items.append(result)
        lock.unlock()
    }

    public func drain() -> [LoadResult] {
        lock.lock()
        defer { lock.unlock() }
        let drained = items
        items = []
        return drained
    }
}
