import ArgumentParser
import HelpdeskWire

struct AgentsTickets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tickets", abstract: "List the tickets assigned to an agent.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let page = try await service.agentTickets(email: email, by: try await global.actor(service))
            let now = service.clock.now()
            try output.emit(json: WireTicketPage(page, now: now)) { TicketText.list(page, now: now) }
        }
    }
}
