import Foundation
import HelpdeskCore

/// What a decision about an existing ticket reads, loaded in its transaction.
public struct TicketSnapshot: Sendable {
    /// The acting user as stored now; nil when no user has the id.
    public var actor: User?
    /// The ticket; nil when no ticket has the number.
    public var ticket: Ticket?
    /// The ticket's current assignee.
    public var assignee: User?
    /// The user the request names by email (`TicketLoad.namedEmail`); nil when unknown or not asked.
    public var named: User?
    /// Every agent and admin with their load, when `TicketLoad.candidateLoadStatuses` asks for them.
    public var candidates: [AgentCandidate]

    public init(actor: User?, ticket: Ticket?, assignee: User?, named: User?, candidates: [AgentCandidate]) {
        self.actor = actor
        self.ticket = ticket
        self.assignee = assignee
        self.named = named
        self.candidates = candidates
    }
}

/// Which ticket a change is about and what else its decision needs loaded.
public struct TicketLoad: Sendable {
    /// A ticket number already checked by `TicketNumber.parse`.
    public var number: String
    /// The acting user's id, loaded into the snapshot.
    public var actorId: Int64
    /// An email (normalised) whose user the decision needs, e.g. the assignee named by an admin.
    public var namedEmail: String?
    /// When set, the staff are loaded as candidates with their load: tickets assigned to each in
    /// these statuses, outside the trash.
    public var candidateLoadStatuses: [TicketStatus]?

    public init(number: String, actorId: Int64, namedEmail: String? = nil, candidateLoadStatuses: [TicketStatus]? = nil) {
        self.number = number
        self.actorId = actorId
        self.namedEmail = namedEmail
        self.candidateLoadStatuses = candidateLoadStatuses
    }
}

/// What a decision about an existing ticket saves.
public struct TicketChange: Sendable {
    /// The ticket as it must be stored (its `version` already moved on when anything changed).
    public var ticket: Ticket
    /// History rows, recorded under the acting user; when empty, nothing about the ticket is saved.
    public var history: [Change]
    /// A comment to add to the ticket (its id is assigned by the engine).
    public var comment: Comment?
    /// The user whose "last assigned" time becomes now (automatic assignment's tie-break).
    public var assigned: Int64?
    /// An admin action to record.
    public var audit: AuditRecord?
    /// Erase the ticket with its comments and history instead of saving it.
    public var purge: Bool

    public init(
        ticket: Ticket, history: [Change], comment: Comment? = nil, assigned: Int64? = nil, audit: AuditRecord? = nil,
        purge: Bool = false
    ) {
        self.ticket = ticket
        self.history = history
        self.comment = comment
        self.assigned = assigned
        self.audit = audit
        self.purge = purge
    }
}

/// What the engine returns after saving a `TicketChange`.
public struct TicketChangeResult: Sendable {
    /// The ticket as saved with the people it names; nil after a purge.
    public var listing: TicketListing?
    /// The added comment with its id and author, if the change added one.
    public var comment: CommentView?

    public init(listing: TicketListing?, comment: CommentView?) {
        self.listing = listing
        self.comment = comment
    }
}

/// What the decision to file a ticket reads.
public struct NewTicketSnapshot: Sendable {
    /// The acting user as stored now.
    public var actor: User?
    /// The registered user with the email the request names as the customer, if any.
    public var customer: User?
    /// Whether automatic assignment of new tickets is switched on.
    public var autoAssign: Bool
    /// Every agent and admin with their load (loaded when `autoAssign` is on).
    public var candidates: [AgentCandidate]
    /// The number allocated to the ticket: the creation day's next sequence number, unique.
    public var number: String

    public init(actor: User?, customer: User?, autoAssign: Bool, candidates: [AgentCandidate], number: String) {
        self.actor = actor
        self.customer = customer
        self.autoAssign = autoAssign
        self.candidates = candidates
        self.number = number
    }
}

/// What filing a ticket saves.
public struct NewTicketDecision: Sendable {
    /// The new ticket (its id is assigned by the engine).
    public var ticket: Ticket
    /// History rows, recorded under the acting user.
    public var history: [Change]
    /// The user whose "last assigned" time becomes now, when automatic assignment picked one.
    public var assigned: Int64?

    public init(ticket: Ticket, history: [Change], assigned: Int64?) {
        self.ticket = ticket
        self.history = history
        self.assigned = assigned
    }
}

/// What a reader of one ticket may see of its thread.
public struct ThreadAccess: Sendable {
    /// Whether internal notes (and history about them) are read; false leaves them out of the query.
    public var includeInternal: Bool

    public init(includeInternal: Bool) {
        self.includeInternal = includeInternal
    }
}

/// What a reader of a ticket list may see.
public struct ListAccess: Sendable {
    /// Which tickets the list ranges over.
    public var scope: VisibilityScope
    /// Whether searches match internal notes.
    public var includeInternal: Bool
    /// The reader: `assignee: me` and the unread markers are theirs.
    public var readerId: Int64
    /// Whether a filter naming an unknown email is refused (`NOT_FOUND`); when false it simply
    /// matches no ticket, so the answer does not tell the reader which emails exist.
    public var revealsUnknownPeople: Bool

    public init(scope: VisibilityScope, includeInternal: Bool, readerId: Int64, revealsUnknownPeople: Bool) {
        self.scope = scope
        self.includeInternal = includeInternal
        self.readerId = readerId
        self.revealsUnknownPeople = revealsUnknownPeople
    }
}

/// Tickets, their threads and their lists.
public protocol TicketStorage: Sendable {
    /// Files a ticket in one transaction: allocates the number, loads the snapshot, calls `decide`,
    /// inserts the ticket and its history.
    func createTicket(
        actorId: Int64, customerEmail: String?, candidateLoadStatuses: [TicketStatus], at now: Date,
        decide: @escaping @Sendable (NewTicketSnapshot) throws -> NewTicketDecision
    ) async throws -> TicketListing

    /// Changes (or purges) one ticket in one transaction: loads the snapshot, calls `decide`, saves
    /// the change only if the ticket is still at the version it was loaded at (else `CONFLICT`).
    func changeTicket(
        _ load: TicketLoad, at now: Date, decide: @escaping @Sendable (TicketSnapshot) throws -> TicketChange
    ) async throws -> TicketChangeResult

    /// One ticket, with its thread oldest first when `comments` is true, from one snapshot;
    /// `authorize` sees the actor and the ticket (nil when missing) and throws to refuse.
    func thread(
        number: String, actorId: Int64, comments: Bool,
        authorize: @escaping @Sendable (User?, Ticket?) throws -> ThreadAccess
    ) async throws -> (TicketListing, [CommentView])

    /// The ticket's history, oldest first; entries about internal notes only when allowed.
    func history(
        number: String, actorId: Int64, authorize: @escaping @Sendable (User?, Ticket?) throws -> ThreadAccess
    ) async throws -> [HistoryView]

    /// Records that the actor has seen the ticket as it is now (clears its unread marker).
    func markSeen(
        number: String, actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?, Ticket?) throws -> Void
    ) async throws

    /// One page of a validated query, paged by the query's cursors (issued by this engine for this
    /// sort; anything else is `VALIDATION_ERROR` on `after` or `before`).
    ///
    /// A search matches as `SearchTerms` describes (text, requester's name or address, ticket
    /// numbers) inside the reader's scope. It must stop within `SearchLimits.deadline` with
    /// `SearchLimits.deadlineExceeded`, and stop promptly with `CancellationError` when the task
    /// awaiting it is cancelled, leaving the engine ready for the next call (both here and in
    /// `countTickets`).
    func listTickets(
        _ query: TicketQuery, actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?) throws -> ListAccess
    ) async throws -> TicketPage

    /// How many tickets each validated query would list, without loading them, from one snapshot:
    /// `authorize` is asked for each query; what it or the count throws for a query takes that
    /// query's place in the answer, so one list that cannot be counted spoils no other.
    func countTickets(
        _ queries: [TicketQuery], actorId: Int64, at now: Date,
        authorize: @escaping @Sendable (User?, TicketQuery) throws -> ListAccess
    ) async throws -> [Result<Int, HelpdeskError>]
}
