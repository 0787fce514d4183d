import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Runs database work away from the drawing path, one job at a time in the order scheduled (a
/// reload scheduled after a write sees the write). The terminal uses `BackgroundScheduler`; tests use
/// `ManualScheduler` and run the work when they choose, so that screens are deterministic.
///
/// A job scheduled with a `supersedes` key replaces the earlier job of that key: one still waiting is
/// dropped, one running is cancelled (its task is cancelled, which interrupts the query the storage
/// engine is running), so a new search, a new selection or a reload never waits behind the one it
/// makes useless.
public protocol WorkScheduler: Sendable {
    func schedule(supersedes key: String?, _ work: @escaping @Sendable () async -> Void)
}

extension WorkScheduler {
    public func schedule(_ work: @escaping @Sendable () async -> Void) { schedule(supersedes: nil, work) }
}

/// Which keyed job is current, and the task of the one running: shared by the scheduler's callers
/// and its worker.
final class Supersession: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [String: Int] = [:]
    private var running: (key: String, task: Task<Void, Never>)?

    /// Records a new job of `key` and cancels the running one of that key; returns the new job's ticket.
    func supersede(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        latest[key, default: 0] += 1
        if let running, running.key == key { running.task.cancel() }
        return latest[key, default: 0]
    }

    func isCurrent(_ key: String, _ ticket: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return latest[key] == ticket
    }

    /// Runs `work` as a task of its own that `supersede` can cancel, and waits for it.
    func run(_ key: String, _ ticket: Int, _ work: @escaping @Sendable () async -> Void) async {
        guard let task = start(key, ticket, work) else { return }
        await task.value
        finish(key)
    }

    private func start(_ key: String, _ ticket: Int, _ work: @escaping @Sendable () async -> Void) -> Task<Void, Never>? {
        lock.withLock {
            guard latest[key] == ticket else { return nil }
            let task = Task { await work() }
            running = (key, task)
            return task
        }
    }

    private func finish(_ key: String) {
        lock.withLock {
            if running?.key == key { running = nil }
        }
    }
}

/// Runs jobs one after another on a task of its own.
public final class BackgroundScheduler: WorkScheduler {
    private let jobs: AsyncStream<@Sendable () async -> Void>.Continuation
    private let worker: Task<Void, Never>
    private let supersession = Supersession()

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

    public func schedule(supersedes key: String?, _ work: @escaping @Sendable () async -> Void) {
        guard let key else {
            jobs.yield(work)
            return
        }
        let ticket = supersession.supersede(key), supersession = self.supersession
        jobs.yield { await supersession.run(key, ticket, work) }
    }
}

/// Holds jobs until `runAll()`: tests press a key, run the work it scheduled, then read the screen.
/// A superseded job still waiting is dropped, as the background scheduler drops it.
public final class ManualScheduler: WorkScheduler, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [@Sendable () async -> Void] = []
    private let supersession = Supersession()
    /// Jobs dropped because a later one of the same key replaced them (tests read it).
    public private(set) var superseded = 0

    public init() {}

    public func schedule(supersedes key: String?, _ work: @escaping @Sendable () async -> Void) {
        var job = work
        if let key {
            let ticket = supersession.supersede(key), supersession = self.supersession
            job = { [weak self] in
                guard supersession.isCurrent(key, ticket) else {
                    self?.countSuperseded()
                    return
                }
                await supersession.run(key, ticket, work)
            }
        }
        lock.lock()
        jobs.append(job)
        lock.unlock()
    }

    private func countSuperseded() {
        lock.lock()
        superseded += 1
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
    /// A login in a guest session over SSH, with what was typed (for the key link offer).
    case guestLoggedIn(User, email: String, password: String)
    case loginFailed(String)
    /// Each saved view's count, and the count of the list as shown (its search and filter applied).
    case counts(generation: Int, [Int?], shown: Int?)
    case page(generation: Int, placement: PagePlacement, TicketPage)
    case detail(generation: Int, TicketListing, [CommentView])
    case detailGone(generation: Int, String)
    /// The list's search was refused (`VALIDATION_ERROR` on `search`: too costly, or past its
    /// deadline); the search prompt comes back holding it.
    case searchRefused(HelpdeskError, String)
    /// A ticket opened by its number (`#`), whether or not the list holds it.
    case jumped(TicketListing, [CommentView])
    case agents([User])
    /// The active agents, read when the filter menu opens; the menu opens with them.
    case filterAgents([User])
    case dashboard(DashboardData)
    /// A registration, then its login; in a guest session, with what was typed (for the key link offer).
    case registered(User, credentials: (email: String, password: String)?)
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
    /// A reply refused because its ticket was closed too long ago (`TICKET_CLOSED`): the text is
    /// offered as a new ticket.
    case replyToClosedTicket(HelpdeskError, DraftKey, String)
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

/// A thread-safe mailbox from the worker to the event loop, which it wakes on every post.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [LoadResult] = []
    private var waker: (@Sendable () -> Void)?

    public init() {}

    /// Keeps `wake`, called after each post (the terminal's `wakeUp`, so the loop draws at once).
    public func wakes(_ wake: @escaping @Sendable () -> Void) {
        lock.lock()
        waker = wake
        lock.unlock()
    }

    public func post(_ result: LoadResult) {
        lock.lock()
        items.append(result)
        let wake = waker
        lock.unlock()
        wake?()
    }

    public func drain() -> [LoadResult] {
        lock.lock()
        defer { lock.unlock() }
        let drained = items
        items = []
        return drained
    }
}
