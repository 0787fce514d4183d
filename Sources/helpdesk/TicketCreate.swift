import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct TicketCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "File a ticket.")

    @OptionGroup var global: GlobalOptions
    @Option var subject: String
    @Option(help: "The description; - reads standard input.")
    var description: String
    @Option(help: "low, medium (default), high or urgent.")
    var priority: String?
    @Option(help: "technical, billing, general (default) or feature_request.")
    var category: String?
    @Option(help: "Staff: file on behalf of this customer.")
    var customerEmail: String?

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let body = description == "-" ? try StandardInput.readAll(limit: 1 << 20, field: "description") : description
            let listing = try await service.createTicket(
                NewTicketInput(subject: subject, description: body, priority: priority, category: category, customerEmail: customerEmail),
                by: actor)
            try output.emit(json: WireTicket(listing, now: service.clock.now())) { "Created \(listing.ticket.number)" }
        }
    }
}
