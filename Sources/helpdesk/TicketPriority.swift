import ArgumentParser

struct TicketPriority: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority", abstract: "Change a ticket's priority (its SLA targets follow).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument var number: String
    @Argument(help: "low, medium, high or urgent.")
    var priority: String

    func run() async throws {
        try await global.changeTicket({ service, actor in
            try await service.changePriority(number: number, to: priority, expectedVersion: version.expectedVersion, by: actor)
        }, message: { "\($0.ticket.number) is now \($0.ticket.priority.rawValue) priority" })
    }
}
