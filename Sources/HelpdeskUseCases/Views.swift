import Foundation
import HelpdeskCore

/// A comment with its author, as a thread shows it.
public struct CommentView: Sendable, Equatable {
    /// The comment and who wrote it (as they are now named).
    public var comment: Comment
    public var author: UserRef

    public init(comment: Comment, author: UserRef) {
        self.comment = comment
        self.author = author
    }
}

/// A history entry with its actor.
public struct HistoryView: Sendable, Equatable {
    /// The recorded change and who made it.
    public var entry: HistoryEntry
    public var actor: UserRef

    public init(entry: HistoryEntry, actor: UserRef) {
        self.entry = entry
        self.actor = actor
    }
}

/// A user with the count of active tickets assigned to them.
public struct UserSummary: Sendable, Equatable {
    public var user: User
    /// The user and how many tickets assigned to them are active (not resolved or closed) and out of
    /// the trash.
    public var openTickets: Int

    public init(user: User, openTickets: Int) {
        self.user = user
        self.openTickets = openTickets
    }
}

/// An agent or admin with their current load.
public struct AgentSummary: Sendable, Equatable {
    public var user: User
    /// The agent or admin and how many tickets assigned to them are active and out of the trash.
    public var openAssigned: Int

    public init(user: User, openAssigned: Int) {
        self.user = user
        self.openAssigned = openAssigned
    }
}

/// One admin action: who, what, to whom or which ticket, when.
public struct AuditEntry: Sendable, Equatable {
    /// When (an instant; shown in UTC), who (`(first admin)` for the account that made itself the
    /// first admin), what (`user.role`, `ticket.purge`, ...), to whom or which ticket, and free detail.
    public var at: Date
    public var actorEmail: String
    public var action: String
    public var target: String
    public var detail: String?

    public init(at: Date, actorEmail: String, action: String, target: String, detail: String?) {
        self.at = at
        self.actorEmail = actorEmail
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// Helpdesk-wide switches.
public struct HelpdeskSettings: Sendable, Equatable {
    /// Assign each new ticket automatically to the least-loaded agent (default off).
    public var autoAssign: Bool
    /// Whether a key registered to no one may open the login and registration screens over SSH
    /// (default off; `SSHGuestRules`).
    public var sshGuests: Bool
    /// How many guest sessions may be open at once (default `SSHGuestRules.defaultLimit`).
    public var sshGuestLimit: Int
    /// How long API sessions live (default 14 days idle, 30 in all).
    public var sessionLifetimes: SessionLifetimes

    /// The switches as given.
    public init(
        autoAssign: Bool, sshGuests: Bool = false, sshGuestLimit: Int = SSHGuestRules.defaultLimit,
        sessionLifetimes: SessionLifetimes = .standard
    ) {
        self.autoAssign = autoAssign
        self.sshGuests = sshGuests
        self.sshGuestLimit = sshGuestLimit
        self.sessionLifetimes = sessionLifetimes
    }
}
