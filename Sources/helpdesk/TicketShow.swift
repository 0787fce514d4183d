import ArgumentParser
import HelpdeskWire

struct TicketShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket with its SLA clocks and thread.")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let actor = try global.actor(service)
            let listing = try service.ticket(number: number, by: actor)
            let comments = try service.comments(number: number, by: actor)
            let now = service.clock.now()
            let detail = WireTicketDetail(ticket: WireTicket(listing, now: now), comments: comments.map(WireComment.init))
            try output.emit(json: detail) { TicketText.detail(listing, now: now) + "\n\n" + TicketText.comments(comments) }
        }
    }
}
