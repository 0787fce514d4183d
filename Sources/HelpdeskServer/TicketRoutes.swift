import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// The tickets themselves: `GET /api/v1/tickets` (a page, the command line's filters as query
/// parameters), `POST /api/v1/tickets` (201 with `Location`), `GET /api/v1/tickets/:id` (the ticket
/// with the thread the caller may see), `PUT /api/v1/tickets/:id` (subject, description, category),
/// `DELETE /api/v1/tickets/:id` (to the trash, 204) and `POST /api/v1/tickets/:id/restore`. `:id` is
/// the ticket number; a ticket's answers carry `ETag: "<version>"` and changes take `If-Match`.
enum TicketRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.get, "/api/v1/tickets", .listTickets) { request, _ in
                let user = try await auth.user(request)
                let page = try await helpdesk.listTickets(try TicketParameters.query(request), by: user)
                return JSONResponse.make(WireTicketPage(page, now: helpdesk.clock.now()))
            },
            Endpoint(.post, "/api/v1/tickets", .createTicket) { request, _ in
                let user = try await auth.user(request)
                let body = try await JSONBody.decode(NewTicketBody.self, from: request)
                let listing = try await helpdesk.createTicket(body.input, by: user)
                return ticketResponse(listing, helpdesk: helpdesk, status: .created, location: true)
            },
            Endpoint(.get, "/api/v1/tickets/:id", .getTicket) { request, context in
                let user = try await auth.user(request)
                let (listing, comments) = try await helpdesk.ticketWithComments(number: try number(context), by: user)
                let detail = WireTicketDetail(
                    ticket: WireTicket(listing, now: helpdesk.clock.now()), comments: comments.map { WireComment($0.comment, author: $0.author) })
                return JSONResponse.make(detail, headers: [.eTag: TicketParameters.etag(listing.ticket.version)])
            },
            Endpoint(.put, "/api/v1/tickets/:id", .updateTicket) { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(TicketEditBody.self, from: request)
                let listing = try await helpdesk.updateTicket(
                    number: try number(context), subject: body.subject, description: body.description, category: body.category,
                    expectedVersion: expected, by: user)
                return ticketResponse(listing, helpdesk: helpdesk)
            },
            Endpoint(.delete, "/api/v1/tickets/:id", .deleteTicket) { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                _ = try await helpdesk.deleteTicket(number: try number(context), expectedVersion: expected, by: user)
                return Response(status: .noContent)
            },
            Endpoint(.post, "/api/v1/tickets/:id/restore", .restoreTicket) { request, context in
                let user = try await auth.user(request)
                return ticketResponse(try await helpdesk.restoreTicket(number: try number(context), by: user), helpdesk: helpdesk)
            },
        ]
    }

    /// The ticket number in the path.
    static func number(_ context: APIRequestContext) throws -> String {
        guard let number = context.parameters.get("id") else { throw HelpdeskError.validation("id", "is required") }
        return number
    }

    /// A ticket as `ticket show --json` prints it without the thread, with its `ETag` (and `Location`
    /// when it was just made).
    static func ticketResponse(
        _ listing: TicketListing, helpdesk: Helpdesk, status: HTTPResponse.Status = .ok, location: Bool = false
    ) -> Response {
        var headers: HTTPFields = [.eTag: TicketParameters.etag(listing.ticket.version)]
        if location { headers[.location] = "/api/v1/tickets/\(listing.ticket.number)" }
        return JSONResponse.make(WireTicket(listing, now: helpdesk.clock.now()), status: status, headers: headers)
    }
}
