import ArgumentParser

struct TicketUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Edit a ticket's subject, description or category.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument var number: String
    @Option var subject: String?
    @Option var description: String?
    @Option var category: String?

    func run() async throws {
        try await global.changeTicket({ service, actor in
            try await service.updateTicket(
                number: number, subject: subject, description: description, category: category,
                expectedVersion: version.expectedVersion, by: actor)
        }, message: { "Updated \($0.ticket.number) (version \($0.ticket.version))" })
    }
}
