import Foundation
import HelpdeskCore

/// One recorded change to a ticket (each entry of `ticket history`).
public struct WireHistoryEntry: Codable, Sendable, Equatable {
    /// When the change was made (UTC).
    public var at: Date
    /// The email of who made the change.
    public var actor: String
    /// `created`, `changed`, `assigned`, `commented`, `deleted` or `restored`.
    public var action: HistoryAction
    /// The field that changed (`status`, `priority`, `assignee`, …); null for actions on the whole ticket.
    @ExplicitNull public var field: String?
    /// The field's value before; null when it had none or no field changed.
    @ExplicitNull public var oldValue: String?
    /// The field's value after; null when it has none or no field changed.
    @ExplicitNull public var newValue: String?
    /// Why a change followed from another action (`the requester replied` when a requester's reply
    /// reopened the ticket or ended a wait); null for changes made as asked.
    @ExplicitNull public var reason: String?

    /// An entry made by `actor`.
    public init(_ entry: HistoryEntry, actor: UserRef) {
        at = entry.at
        self.actor = actor.email
        action = entry.action
        field = entry.field
        oldValue = entry.oldValue
        newValue = entry.newValue
        reason = entry.reason
    }

    private enum CodingKeys: String, CodingKey {
        case at, actor, action, field, reason
        case oldValue = "old_value"
        case newValue = "new_value"
    }
}

/// A ticket's history (`ticket history`): `{"history": [...]}`, oldest first.
public struct WireHistory: Codable, Sendable, Equatable {
    /// The entries the viewer may see (customers get none about internal notes).
    public var history: [WireHistoryEntry]

    /// The history.
    public init(history: [WireHistoryEntry]) {
        self.history = history
    }
}
