import ArgumentParser
import HelpdeskWire

struct AgentsTickets: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tickets", abstract: "List the tickets assigned to an agent.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let page = try service.agentTickets(email: email, by: try global.actor(service))
            let now = service.clock.now()
            try output.emit(json: WireTicketPage(page, now: now)) { TicketText.list(page, now: now) }
        }
    }
}
