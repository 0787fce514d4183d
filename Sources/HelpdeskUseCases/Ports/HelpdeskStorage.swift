import Foundation
import HelpdeskCore

/// Everything the use cases need from a storage engine (SQLite through GRDB today, PostgreSQL
/// through postgres-nio next). The engines hold no rule: every port that writes is *one engine
/// transaction* into which the use case passes a pure, synchronous decision. The engine loads what
/// the decision reads (a snapshot, always including the acting user as stored now), calls it, and
/// saves what it returns with its history and audit rows, or saves nothing when it throws. GRDB's
/// transactions take synchronous closures and postgres-nio's asynchronous ones; a synchronous
/// decision between an asynchronous load and save fits both, so the code that calls the core's rules
/// exists once.
///
/// Reads follow the same shape: the engine loads the acting user (and the ticket, where there is
/// one) in the snapshot it reads from and asks an `authorize` closure what the user may see.
///
/// Errors: a port throws `HelpdeskError`: whatever the decision or `authorize` threw, unchanged;
/// `INTERNAL_ERROR` when the database fails or stays busy; `CONFLICT` when a concurrent writer
/// changed what the decision was computed from.
public protocol HelpdeskStorage: TicketStorage, UserStorage, ReportStorage, SettingsStorage, AuditStorage, SSHKeyStorage, SessionStorage, ChangeFeed {}

/// "Something changed": how an open console learns of other processes' work.
public protocol ChangeFeed: Sendable {
    /// Yields once each time another connection or process has committed since the last look (never
    /// for this storage's own commits); a commit made after this returns is announced. A failed look
    /// is tried again at the next interval; the stream ends only when its consumer stops iterating.
    /// `interval` bounds how late a change may be announced, for engines that poll.
    func changes(every interval: Duration) async -> AsyncStream<Void>
}

/// An admin action to record in the audit log, in the transaction of the action itself. The engine
/// stamps the time and the acting user's email ("(first admin)" when there is no acting user).
public struct AuditRecord: Sendable, Equatable {
    /// Dotted action name, e.g. `user.role`, `ticket.purge`.
    public var action: String
    /// The email or ticket number acted on.
    public var target: String
    /// Free text, e.g. `agent -> admin`.
    public var detail: String?
    /// Who acted, when the use case says it rather than the engine's acting user: an email, or
    /// `(anonymous)` for a failed login; nil: the acting user's email.
    public var actor: String?

    /// A record of `action` on `target`, by `actor` (nil: the acting user).
    public init(_ action: String, target: String, detail: String? = nil, actor: String? = nil) {
        self.action = action
        self.target = target
        self.detail = detail
        self.actor = actor
    }
}

/// A staff member automatic assignment may consider, with their current load.
public struct AgentCandidate: Sendable, Equatable {
    /// The staff member as stored now, and their load (tickets assigned to them in the statuses
    /// automatic assignment counts, and when they were last given one).
    public var user: User
    public var load: AgentLoad

    public init(user: User, load: AgentLoad) {
        self.user = user
        self.load = load
    }
}
