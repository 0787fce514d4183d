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

    public init(
        id: Int64 = 0, ticketId: Int64, actorId: Int64, at: Date, action: HistoryAction,
        field: String? = nil, oldValue: String? = nil, newValue: String? = nil, isInternal: Bool = false
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
    }
}

/// A change computed by a core operation, before the store gives it a ticket id, an actor and a time.
public struct Change: Sendable, Equatable {
    public var action: HistoryAction
    public var field: String?
    public var oldValue: String?
    public var newValue: String?
    public var isInternal: Bool

    public init(_ action: HistoryAction, field: String? = nil, old: String? = nil, new: String? = nil, isInternal: Bool = false) {
        self.action = action
        self.field = field
        self.oldValue = old
        self.newValue = new
        self.isInternal = isInternal
    }
}
