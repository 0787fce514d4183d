import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire

/// The three operations `bench/api_wrk.sh` loads over HTTP, measured in process on the same file
/// and the same tickets: the use-case call alone, and with the answer written as the API writes it
/// (HelpdeskWire's shape through `WireJSON`), so that the HTTP figures can be read as this plus
/// the server's own share (HTTP, the token and its session re-read, the request log).
struct APIOperations {
    let setup: BenchSetup
    let stopwatch: Stopwatch

    var service: Helpdesk { setup.service }

    /// The tickets `GET /api/v1/tickets/:id` asks for: 1,000 of the agent's, spread by a hash of
    /// their ids (the same SQL as `bench/api_wrk.sh`).
    static func visibleSQL(agent: Int64) -> String {
        "SELECT number FROM tickets WHERE assignee_id = \(agent) AND deleted_at IS NULL ORDER BY (id * 2654435761) % 1000003"
    }

    /// The tickets `POST /api/v1/tickets/:id/comments` writes to: the agent's not yet closed.
    static func openSQL(agent: Int64) -> String {
        "SELECT number FROM tickets WHERE assignee_id = \(agent) AND deleted_at IS NULL AND status <> 'closed' "
            + "ORDER BY (id * 2654435761) % 1000003"
    }

    func all() async throws -> [Measurement] {
        let agent = setup.agent
        let visible = try setup.numbers(Self.visibleSQL(agent: agent.id), limit: 1000)
        let open = try setup.numbers(Self.openSQL(agent: agent.id), limit: 1000)
        guard !visible.isEmpty, !open.isEmpty else { throw BenchError("\(agent.email) has no tickets") }
        let now = BenchSetup.now
        let list = try await stopwatch.time { _ in blackHole(try await service.listTickets(TicketQuery(), by: agent)) }
        let listJSON = try await stopwatch.time { _ in
            let page = try await service.listTickets(TicketQuery(), by: agent)
            blackHole(try WireJSON.encoder().encode(WireTicketPage(page, now: now)))
        }
        let show = try await stopwatch.time { run in
            blackHole(try await service.ticketWithComments(number: visible[run % visible.count], by: agent))
        }
        let showJSON = try await stopwatch.time { run in
            let (listing, comments) = try await service.ticketWithComments(number: visible[run % visible.count], by: agent)
            let detail = WireTicketDetail(
                ticket: WireTicket(listing, now: now), comments: comments.map { WireComment($0.comment, author: $0.author) })
            blackHole(try WireJSON.encoder().encode(detail))
        }
        let comment = try await stopwatch.time { run in
            blackHole(try await service.addComment(
                number: open[run % open.count], body: "bench comment \(run)", isInternal: false, by: agent))
        }
        let commentJSON = try await stopwatch.time { run in
            let view = try await service.addComment(
                number: open[(run + stopwatch.runs) % open.count], body: "bench comment \(run)", isInternal: false, by: agent)
            blackHole(try WireJSON.encoder().encode(WireComment(view.comment, author: view.author)))
        }
        let note = "as \(agent.email)"
        return [
            Measurement("api in process: list, first page (GET /tickets)", goal: nil, ours: list, note: note),
            Measurement("api in process: the same, with its JSON", goal: nil, ours: listJSON, note: note),
            Measurement("api in process: a ticket and its thread (GET /tickets/:id)", goal: nil, ours: show,
                        note: "\(visible.count) tickets"),
            Measurement("api in process: the same, with its JSON", goal: nil, ours: showJSON, note: note),
            Measurement("api in process: add a comment, fsync (POST /tickets/:id/comments)", goal: nil, ours: comment,
                        note: "\(open.count) tickets"),
            Measurement("api in process: the same, with its JSON", goal: nil, ours: commentJSON, note: note),
        ]
    }
}
