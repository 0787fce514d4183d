import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// The tickets: `GET /api/v1/tickets` (a page, the command line's filters as query parameters),
/// `POST /api/v1/tickets` (201 with `Location`), `GET /api/v1/tickets/:id` (the ticket with the
/// thread the caller may see), `POST /api/v1/tickets/:id/comments` (201) and
/// `PUT /api/v1/tickets/:id/status` (optional `If-Match`). `:id` is the ticket number; a ticket's
/// answers carry `ETag: "<version>"`.
enum TicketRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.get, "/api/v1/tickets") { request, _ in
                let user = try await auth.user(request)
                let page = try await helpdesk.listTickets(try TicketParameters.query(request), by: user)
                return JSONResponse.make(WireTicketPage(page, now: helpdesk.clock.now()))
            },
            Endpoint(.post, "/api/v1/tickets") { request, _ in
                let user = try await auth.user(request)
                let body = try await JSONBody.decode(NewTicketBody.self, from: request)
                let listing = try await helpdesk.createTicket(body.input, by: user)
                return ticketResponse(listing, helpdesk: helpdesk, status: .created, location: true)
            },
            Endpoint(.get, "/api/v1/tickets/:id") { request, context in
                let user = try await auth.user(request)
                let (listing, comments) = try await helpdesk.ticketWithComments(number: try number(context), by: user)
                let detail = WireTicketDetail(
                    ticket: WireTicket(listing, now: helpdesk.clock.now()), comments: comments.map { WireComment($0.comment, author: $0.author) })
                return JSONResponse.make(detail, headers: [.eTag: TicketParameters.etag(listing.ticket.version)])
            },
            Endpoint(.post, "/api/v1/tickets/:id/comments") { request, context in
                let user = try await auth.user(request)
                let number = try number(context)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(CommentBody.self, from: request)
                let view = try await helpdesk.addComment(
                    number: number, body: body.body, isInternal: body.isInternal, expectedVersion: expected, by: user)
                return JSONResponse.make(
                    WireComment(view.comment, author: view.author), status: .created,
                    headers: [.location: "/api/v1/tickets/\(number)/comments"])
            },
            Endpoint(.put, "/api/v1/tickets/:id/status") { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(StatusBody.self, from: request)
                let listing = try await helpdesk.changeStatus(
                    number: try number(context), to: body.status, expectedVersion: expected, by: user)
                return ticketResponse(listing, helpdesk: helpdesk)
            },
        ]
    }

    private static func number(_ context: BasicRequestContext) throws -> String {
        guard let number = context.parameters.get("id") else { throw HelpdeskError.validation("id", "is required") }
        return number
    }

    private static func ticketResponse(
        _ listing: TicketListing, helpdesk: Helpdesk, status: HTTPResponse.Status = .ok, location: Bool = false
    ) -> Response {
        var headers: HTTPFields = [.eTag: TicketParameters.etag(listing.ticket.version)]
        if location { headers[.location] = "/api/v1/tickets/\(listing.ticket.number)" }
        return JSONResponse.make(WireTicket(listing, now: helpdesk.clock.now()), status: status, headers: headers)
    }
}
