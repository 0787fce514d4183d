import ArgumentParser

struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "File, find and work tickets.",
        subcommands: [
            TicketCreate.self, TicketList.self, TicketShow.self, TicketUpdate.self, TicketStatusCommand.self,
            TicketPriority.self, TicketAssign.self, TicketComment.self, TicketComments.self, TicketHistory.self,
            TicketDelete.self, TicketRestore.self, TicketPurge.self,
        ])
}

/// `--if-version N`: refuse the change if someone else changed the ticket since version N.
struct VersionOption: ParsableArguments {
    @Option(name: .customLong("if-version"), help: "Refuse with CONFLICT unless the ticket is still at this version.")
    var expectedVersion: Int?
}
