import ArgumentParser

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
            var json = JSONView.ticket(listing, now: now)
            json["comments"] = comments.map(JSONView.comment)
            output.emit(json: json) { TicketText.detail(listing, now: now) + "\n\n" + TicketText.comments(comments) }
        }
    }
}
