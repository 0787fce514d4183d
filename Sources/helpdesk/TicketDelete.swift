import ArgumentParser

struct TicketDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Move a ticket to the trash (admins).")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.changeTicket({ service, actor in try await service.deleteTicket(number: number, by: actor) },
            message: { "Moved \($0.ticket.number) to the trash (restore with: helpdesk ticket restore \($0.ticket.number))" })
    }
}
