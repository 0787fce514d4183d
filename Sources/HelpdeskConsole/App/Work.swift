import Foundation
import HelpdeskCore
import HelpdeskStore

/// Runs database work away from the drawing path. The terminal uses a serial background queue; tests
/// run work inline so that screens are deterministic.
public protocol WorkScheduler: Sendable {
    func schedule(_ work: @escaping @Sendable () -> Void)
}

public struct InlineScheduler: WorkScheduler {
    public init() {}
    public func schedule(_ work: @escaping @Sendable () -> Void) { work() }
}

public final class BackgroundScheduler: WorkScheduler {
    private let queue = DispatchQueue(label: "helpdesk.console.database")
    public init() {}
    public func schedule(_ work: @escaping @Sendable () -> Void) { queue.async(execute: work) }
}

/// Where a loaded page goes in the queue.
public enum PagePlacement: Sendable {
    case replace, append, prepend
}

/// Results of background work, handed back to the event loop through the inbox.
public enum LoadResult: Sendable {
    case loggedIn(User)
    case loginFailed(String)
    case counts(generation: Int, [Int?])
    case page(generation: Int, placement: PagePlacement, TicketPage)
    case detail(generation: Int, TicketListing, [CommentView])
    case detailGone(generation: Int, String)
    case agents([User])
    case dashboard(DashboardData)
    case registered(User)
    case admin(AdminData)
    case formDone(String)
    case openMenu(MenuState)
    case ticketCreated(String)
    case formFailed(HelpdeskError)
    case exported([String])
    case done(message: String, reload: Bool)
    case commentSent(draftKey: String, message: String)
    case failed(HelpdeskError, reload: Bool)
    /// Another process committed (from the change feed).
    case changed
    /// The acting user as stored now (another process may have changed the role).
    case actorRefreshed(User)
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
