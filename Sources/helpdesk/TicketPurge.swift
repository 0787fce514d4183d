import ArgumentParser
import HelpdeskWire

struct TicketPurge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Erase a ticket in the trash for good, with its thread and history (admins).")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            try await service.purgeTicket(number: number, by: try await global.actor(service))
            try output.emit(json: WirePurge(purged: number.uppercased())) { "Purged \(number.uppercased())" }
        }
    }
}
