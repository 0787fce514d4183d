import HelpdeskUseCases
import Hummingbird

/// Moving a ticket: `PUT /api/v1/tickets/:id/status` (`{"status"}`), `PUT /api/v1/tickets/:id/priority`
/// (`{"priority"}`) and `POST /api/v1/tickets/:id/assign` (`{"assignee": EMAIL}` or `{"auto": true}`),
/// each answering 200 with the ticket and its new `ETag`; an optional `If-Match` that is stale is
/// 409 and nothing is written.
enum TicketWorkflowRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.put, "/api/v1/tickets/:id/status", .changeStatus) { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(StatusBody.self, from: request)
                let listing = try await helpdesk.changeStatus(
                    number: try TicketRoutes.number(context), to: body.status, expectedVersion: expected, by: user)
                return TicketRoutes.ticketResponse(listing, helpdesk: helpdesk)
            },
            Endpoint(.put, "/api/v1/tickets/:id/priority", .changePriority) { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(PriorityBody.self, from: request)
                let listing = try await helpdesk.changePriority(
                    number: try TicketRoutes.number(context), to: body.priority, expectedVersion: expected, by: user)
                return TicketRoutes.ticketResponse(listing, helpdesk: helpdesk)
            },
            Endpoint(.post, "/api/v1/tickets/:id/assign", .assignTicket) { request, context in
                let user = try await auth.user(request)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(AssignBody.self, from: request)
                let listing = try await helpdesk.assign(
                    number: try TicketRoutes.number(context), to: body.assignee, expectedVersion: expected, by: user)
                return TicketRoutes.ticketResponse(listing, helpdesk: helpdesk)
            },
        ]
    }
}
