import ArgumentParser

struct TicketStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Move a ticket through the workflow.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument var number: String
    @Argument(help: "open, assigned, in_progress, waiting, resolved, closed or reopened.")
    var status: String

    func run() async throws {
        try await global.changeTicket({ service, actor in
            try await service.changeStatus(number: number, to: status, expectedVersion: version.expectedVersion, by: actor)
        }, message: { "\($0.ticket.number) is now \($0.ticket.status.label)" })
    }
}
