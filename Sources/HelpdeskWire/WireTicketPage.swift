import Foundation
import HelpdeskCore

/// One page of a ticket list (`ticket list`, `agents tickets`): `{"tickets", "next_cursor", "previous_cursor"}`.
public struct WireTicketPage: Codable, Sendable, Equatable {
    /// The page's tickets in the list's order.
    public var tickets: [WireTicket]
    /// Pass to `--after` for the next page; null on the last page. Opaque: its bytes may change between versions.
    @ExplicitNull public var nextCursor: String?
    /// Pass to `--before` for the page before; null on the first page. Opaque like `nextCursor`.
    @ExplicitNull public var previousCursor: String?

    /// A page, every ticket's clocks read at `now`.
    public init(_ page: TicketPage, now: Date) {
        tickets = page.tickets.map { WireTicket($0, now: now) }
        nextCursor = page.nextCursor
        previousCursor = page.previousCursor
    }

    private enum CodingKeys: String, CodingKey {
        case tickets
        case nextCursor = "next_cursor"
        case previousCursor = "previous_cursor"
    }
}
