import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// A ticket's thread and record: `GET /api/v1/tickets/:id/comments` (`{"comments"}`, oldest first,
/// internal notes for staff only), `POST /api/v1/tickets/:id/comments` (201 with the comment) and
/// `GET /api/v1/tickets/:id/history` (`{"history"}`, entries about internal notes for staff only).
enum TicketThreadRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.get, "/api/v1/tickets/:id/comments", .listComments) { request, context in
                let user = try await auth.user(request)
                let comments = try await helpdesk.comments(number: try TicketRoutes.number(context), by: user)
                return JSONResponse.make(WireCommentList(comments: comments.map { WireComment($0.comment, author: $0.author) }))
            },
            Endpoint(.post, "/api/v1/tickets/:id/comments", .addComment) { request, context in
                let user = try await auth.user(request)
                let number = try TicketRoutes.number(context)
                let expected = try TicketParameters.expectedVersion(request)
                let body = try await JSONBody.decode(CommentBody.self, from: request)
                let view = try await helpdesk.addComment(
                    number: number, body: body.body, isInternal: body.isInternal, expectedVersion: expected, by: user)
                return JSONResponse.make(
                    WireComment(view.comment, author: view.author), status: .created,
                    headers: [.location: "/api/v1/tickets/\(number)/comments"])
            },
            Endpoint(.get, "/api/v1/tickets/:id/history", .getHistory) { request, context in
                let user = try await auth.user(request)
                let entries = try await helpdesk.history(number: try TicketRoutes.number(context), by: user)
                return JSONResponse.make(WireHistory(history: entries.map { WireHistoryEntry($0.entry, actor: $0.actor) }))
            },
        ]
    }
}
