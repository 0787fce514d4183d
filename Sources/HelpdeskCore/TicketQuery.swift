/// Who a list is filtered to by assignee.
public enum AssigneeFilter: Sendable, Equatable {
    case me
    case none
    case email(String)
}

/// The orders a list can be sorted in; each has an index.
public enum TicketSort: String, CaseIterable, Sendable {
    /// Newest first.
    case created
    /// Most recently changed first.
    case updated
    /// Most urgent first, then the next breach.
    case priority
    /// Next SLA breach first; tickets with no running clock last.
    case due
}

/// A ticket list request: the same filters for the command line and the console's saved views.
public struct TicketQuery: Sendable, Equatable {
    public var statuses: [TicketStatus] = []
    public var priorities: [Priority] = []
    public var categories: [TicketCategory] = []
    public var assignee: AssigneeFilter?
    public var requesterEmail: String?
    public var search: String?
    /// Only tickets with a running clock at risk or breached.
    public var breaching = false
    public var sort: TicketSort = .due
    public var limit: Int = 50
    public var after: String?
    /// A cursor to page backwards from: the page ends just before it (the console uses it to scroll
    /// back up a list it has only partly kept in memory).
    public var before: String?
    /// The last page of the order instead of the first (the console's `G` reads the order backwards
    /// from its end rather than paging forwards through every ticket before it).
    public var fromEnd = false
    /// Admins only: list the trash instead of live tickets.
    public var trash: Bool = false

    public static let maximumLimit = 500

    public init() {}

    public func validated() throws -> TicketQuery {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw HelpdeskError.validation("limit", "must be between 1 and \(Self.maximumLimit)")
        }
        if after != nil && before != nil {
            throw HelpdeskError.validation("before", "cannot be combined with after")
        }
        if fromEnd && (after != nil || before != nil) {
            throw HelpdeskError.validation("from_end", "cannot be combined with a cursor")
        }
        var copy = self
        if let requesterEmail { copy.requesterEmail = try Validator.email(requesterEmail, field: "requester") }
        if case .email(let email) = assignee { copy.assignee = .email(try Validator.email(email, field: "assignee")) }
        if let search {
            let trimmed = search.trimmingCharacters(in: .whitespacesAndNewlines)
            copy.search = trimmed.isEmpty ? nil : trimmed
            _ = try SearchLimits.check(trimmed)
        }
        return copy
    }
}

/// A page of tickets and the cursor for the next one.
public struct TicketPage: Sendable {
    public var tickets: [TicketListing]
    public var nextCursor: String?
    /// The cursor to page backwards from this page's first ticket (`before`); nil when nothing
    /// comes before it.
    public var previousCursor: String?

    public init(tickets: [TicketListing], nextCursor: String?) {
        self.tickets = tickets
        self.nextCursor = nextCursor
    }
}

/// A ticket with the people it names, as lists and detail views show it.
public struct TicketListing: Sendable, Equatable {
    public var ticket: Ticket
    public var requester: UserRef
    public var assignee: UserRef?
    /// Who filed the ticket (`Ticket.submitterId`): the requester, or staff on their behalf.
    public var submitter: UserRef
    /// True when staff replied since the user listing it last opened the ticket.
    public var unread: Bool

    /// A ticket with its people; `submitter` defaults to the requester.
    public init(ticket: Ticket, requester: UserRef, assignee: UserRef?, submitter: UserRef? = nil, unread: Bool = false) {
        self.ticket = ticket
        self.requester = requester
        self.assignee = assignee
        self.submitter = submitter ?? requester
        self.unread = unread
    }
}

/// Enough of a user to name them.
public struct UserRef: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role

    public init(id: Int64, email: String, name: String, role: Role) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
    }
}
