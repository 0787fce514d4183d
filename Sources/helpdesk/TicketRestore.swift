import ArgumentParser

struct TicketRestore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring a ticket back from the trash (admins).")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() throws {
        try global.changeTicket({ service, actor in try service.restoreTicket(number: number, by: actor) },
            message: { "Restored \($0.ticket.number)" })
    }
}
