import ArgumentParser

struct TicketRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring a ticket back from the trash (admins).")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.changeTicket({ service, actor in try await service.restoreTicket(number: number, by: actor) },
            message: { "Restored \($0.ticket.number)" })
    }
}
