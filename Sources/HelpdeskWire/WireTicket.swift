import Foundation
import HelpdeskCore

/// A ticket as every command that prints one shows it (create, update, status, priority, assign,
/// delete, restore, and each entry of a list). People appear by email; times are UTC.
public struct WireTicket: Codable, Sendable, Equatable {
    /// `TICK-YYYYMMDD-NNNN`.
    public var number: String
    /// One line, 5 to 200 characters.
    public var subject: String
    /// The customer's full text; may hold newlines.
    public var description: String
    /// `open`, `assigned`, `in_progress`, `waiting`, `resolved`, `closed` or `reopened`.
    public var status: TicketStatus
    /// `low`, `medium`, `high` or `urgent`.
    public var priority: Priority
    /// `technical`, `billing`, `general` or `feature_request`.
    public var category: TicketCategory
    /// The email of the user the ticket belongs to.
    public var requester: String
    /// The address replies go to: the requester's, or the contact address staff filed it for.
    public var customerEmail: String
    /// The email of who filed the ticket: the requester, or the staff member who filed it on a
    /// customer's behalf.
    public var submitter: String
    /// The assigned agent's email; null when nobody is assigned.
    @ExplicitNull public var assignee: String?
    /// When the ticket was filed (UTC).
    public var createdAt: Date
    /// When anything about the ticket last changed (UTC).
    public var updatedAt: Date
    /// When staff first replied publicly; null until then.
    @ExplicitNull public var firstResponseAt: Date?
    /// When the ticket was resolved; null if it is not (a reopen clears it).
    @ExplicitNull public var resolvedAt: Date?
    /// When the ticket was closed; null if it is not (a reopen clears it).
    @ExplicitNull public var closedAt: Date?
    /// When the ticket was moved to the trash; null unless it is there.
    @ExplicitNull public var deletedAt: Date?
    /// Goes up by one with every change; pass it to `--if-version` to refuse a stale change.
    public var version: Int
    /// Both SLA clocks, read at the command's `--now`.
    public var sla: WireSLA

    /// A ticket with the people it names, its clocks read at `now`.
    public init(_ listing: TicketListing, now: Date) {
        let ticket = listing.ticket
        number = ticket.number
        subject = ticket.subject
        description = ticket.description
        status = ticket.status
        priority = ticket.priority
        category = ticket.category
        requester = listing.requester.email
        customerEmail = ticket.customerEmail
        submitter = listing.submitter.email
        assignee = listing.assignee?.email
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        resolvedAt = ticket.resolvedAt
        closedAt = ticket.closedAt
        deletedAt = ticket.deletedAt
        version = ticket.version
        sla = WireSLA(SLAPolicy.readings(for: ticket, at: now))
    }

    private enum CodingKeys: String, CodingKey {
        case number, subject, description, status, priority, category, requester, submitter, assignee, version, sla
        case customerEmail = "customer_email"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case firstResponseAt = "first_response_at"
        case resolvedAt = "resolved_at"
        case closedAt = "closed_at"
        case deletedAt = "deleted_at"
    }
}
