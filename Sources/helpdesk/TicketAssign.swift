import ArgumentParser
import HelpdeskCore

struct TicketAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a ticket to an agent, or --auto to the least-loaded one (admins).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument var number: String
    @Argument(help: "The agent's email.")
    var email: String?
    @Flag(help: "Pick the active agent with the fewest active tickets.")
    var auto = false

    func run() async throws {
        try await global.changeTicket({ service, actor in
            guard (email == nil) == auto else {
                throw HelpdeskError.validation("assignee", "give exactly one of EMAIL and --auto")
            }
            return try await service.assign(number: number, to: email, expectedVersion: version.expectedVersion, by: actor)
        }, message: { "\($0.ticket.number) is assigned to \($0.assignee?.email ?? "nobody")" })
    }
}
