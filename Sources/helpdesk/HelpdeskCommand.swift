import ArgumentParser

@main
struct HelpdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "A customer-support helpdesk for the terminal.",
        discussion: """
            Without a subcommand, opens the full-screen console. Every command takes --db PATH \
            (env HELPDESK_DB), --as EMAIL (env HELPDESK_USER), --now ISO8601 (env HELPDESK_NOW) and --json.
            """,
        subcommands: [
            Init.self, Register.self, Login.self, UserCommand.self, TicketCommand.self, AgentsCommand.self,
            ReportCommand.self, SettingsCommand.self, Demo.self, Keys.self, Backup.self, Check.self, Audit.self, SSHCommand.self, Serve.self,
            APICommand.self, PasswordCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        try await global.run { _ in try await console.open(global) }
    }
}
