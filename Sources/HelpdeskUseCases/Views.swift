import Foundation
import HelpdeskCore

/// A comment with its author, as a thread shows it.
public struct CommentView: Sendable, Equatable {
    public var comment: Comment
    public var author: UserRef

    public init(comment: Comment, author: UserRef) {
        self.comment = comment
        self.author = author
    }
}

/// A history entry with its actor.
public struct HistoryView: Sendable, Equatable {
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
    public var openTickets: Int

    public init(user: User, openTickets: Int) {
        self.user = user
        self.openTickets = openTickets
    }
}

/// An agent or admin with their current load.
public struct AgentSummary: Sendable, Equatable {
    public var user: User
    public var openAssigned: Int

    public init(user: User, openAssigned: Int) {
        self.user = user
        self.openAssigned = openAssigned
    }
}

/// One admin action: who, what, to whom or which ticket, when.
public struct AuditEntry: Sendable, Equatable {
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

    public init(autoAssign: Bool) {
        self.autoAssign = autoAssign
    }
}
