import Foundation

/// What kind of event a history entry records.
public enum HistoryAction: String, Codable, Sendable, CaseIterable {
    case created
    case changed
    case assigned
    case commented
    case deleted
    case restored
}

/// One recorded change to a ticket: who did what, when, and the old and new value of a field.
public struct HistoryEntry: Sendable, Equatable {
    public var id: Int64
    public var ticketId: Int64
    public var actorId: Int64
    public var at: Date
    public var action: HistoryAction
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    /// Set on entries about internal comments, which customers never see.
    public var isInternal: Bool
    /// Why a change the actor did not ask for directly happened (`the requester replied`); nil for
    /// changes made as asked.
    public var reason: String?

    public init(
        id: Int64 = 0, ticketId: Int64, actorId: Int64, at: Date, action: HistoryAction,
        field: String? = nil, oldValue: String? = nil, newValue: String? = nil, isInternal: Bool = false, reason: String? = nil
    ) {
        self.id = id
        self.ticketId = ticketId
        self.actorId = actorId
        self.at = at
        self.action = action
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.isInternal = isInternal
        self.reason = reason
    }
}

/// A change computed by a core operation, before the store gives it a ticket id, an actor and a time.
public struct Change: Sendable, Equatable {
    public var action: HistoryAction
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    public var isInternal: Bool
    /// Why the change happened when it follows from another action (see `HistoryEntry.reason`).
    public var reason: String?

    public init(
        _ action: HistoryAction, field: String? = nil, old: String? = nil, new: String? = nil, isInternal: Bool = false,
        reason: String? = nil
    ) {
        self.action = action
        self.field = field
        self.oldValue = old
        self.newValue = new
        self.isInternal = isInternal
        self.reason = reason
    }

    /// The reason recorded when a requester's public reply moves their ticket: out of waiting, or
    /// reopened from resolved or closed.
    public static let requesterReplied = "the requester replied"
}
