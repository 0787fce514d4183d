import Foundation

/// A customer's request and everything the helpdesk tracks about it.
public struct Ticket: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var subject: String
    public var description: String
    public var status: TicketStatus
    public var priority: Priority
    public var category: TicketCategory
    public var requesterId: Int64
    /// Who filed the ticket: the requester, or the staff member who filed it on a customer's behalf
    /// (an agent sees the tickets they filed, `Permissions.canView`).
    public var submitterId: Int64
    /// The address replies go to: the requester's, or the contact address staff filed it for.
    public var customerEmail: String
    public var assigneeId: Int64?
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var deletedAt: Date?
    /// The last public reply of staff other than the requester: what a requester has or has not read.
    public var lastStaffReplyAt: Date?
    /// Grows by one on every change; a change computed from an older version is refused.
    public var version: Int
    public var sla: SLARecord

    public init(
        id: Int64 = 0, number: String, subject: String, description: String, status: TicketStatus = .open,
        priority: Priority = .default, category: TicketCategory = .default, requesterId: Int64,
        customerEmail: String, submitterId: Int64? = nil, assigneeId: Int64? = nil, createdAt: Date, updatedAt: Date? = nil,
        firstResponseAt: Date? = nil, resolvedAt: Date? = nil, closedAt: Date? = nil, deletedAt: Date? = nil,
        version: Int = 1, sla: SLARecord? = nil
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.category = category
        self.requesterId = requesterId
        self.submitterId = submitterId ?? requesterId
        self.customerEmail = customerEmail
        self.assigneeId = assigneeId
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.deletedAt = deletedAt
        self.version = version
        self.sla = sla ?? SLARecord()
        if sla == nil { SLAPolicy.refresh(&self) }
    }

    public var isDeleted: Bool { deletedAt != nil }
}

/// The stored state of a ticket's two SLA clocks. The due times are kept as columns so that queues
/// sort by the next breach on an index; `SLAPolicy` derives them, never the store.
public struct SLARecord: Sendable, Equatable {
    public var firstResponseDue: Date
    public var resolutionDue: Date
    /// Time excluded from each clock (spent waiting on the customer or resolved before a reopen).
    public var firstResponsePausedSeconds: Double
    public var resolutionPausedSeconds: Double
    /// When the clocks stopped running; nil while they run.
    public var pausedAt: Date?
    /// Whether a finished clock finished within its target; nil while it is still open.
    public var firstResponseMet: Bool?
    public var resolutionMet: Bool?
    /// Clock time (seconds) from creation to the first response, waiting excluded: what the SLA report
    /// averages. Nil until a staff reply.
    public var firstResponseSeconds: Double?
    /// Clock time (seconds) from creation to resolution, waiting and time before a reopen excluded.
    /// Nil while the ticket is active.
    public var resolutionSeconds: Double?
    /// The earliest due time of a running clock; nil when no clock runs.
    public var nextDue: Date?
    /// The earliest time a running clock becomes at risk; nil when no clock runs.
    public var nextRisk: Date?

    public init(
        firstResponseDue: Date = .distantPast, resolutionDue: Date = .distantPast,
        firstResponsePausedSeconds: Double = 0, resolutionPausedSeconds: Double = 0, pausedAt: Date? = nil,
        firstResponseMet: Bool? = nil, resolutionMet: Bool? = nil, firstResponseSeconds: Double? = nil,
        resolutionSeconds: Double? = nil, nextDue: Date? = nil, nextRisk: Date? = nil
    ) {
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstResponsePausedSeconds = firstResponsePausedSeconds
        self.resolutionPausedSeconds = resolutionPausedSeconds
        self.pausedAt = pausedAt
        self.firstResponseMet = firstResponseMet
        self.resolutionMet = resolutionMet
        self.firstResponseSeconds = firstResponseSeconds
        self.resolutionSeconds = resolutionSeconds
        self.nextDue = nextDue
        self.nextRisk = nextRisk
    }
}
