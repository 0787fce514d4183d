import ArgumentParser

struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "The people who work tickets.", subcommands: [AgentsList.self, AgentsTickets.self])
}
