import ArgumentParser
import HelpdeskWire

struct TicketShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket with its SLA clocks and thread.")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let listing = try await service.ticket(number: number, by: actor)
            let comments = try await service.comments(number: number, by: actor)
            let now = service.clock.now()
            let detail = WireTicketDetail(ticket: WireTicket(listing, now: now), comments: comments.map(WireComment.init))
            let zone = global.zone(for: actor)
            try output.emit(json: detail) {
                TicketText.detail(listing, now: now, zone: zone) + "\n\n" + TicketText.comments(comments, zone: zone)
            }
        }
    }
}
