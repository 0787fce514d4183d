import ArgumentParser
import Foundation
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on a demo database (created with sample users and tickets if absent).",
        discussion: "With --json, or when not on a terminal, prints the sample logins instead of opening the console.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions
    @Option(help: "How many tickets to generate.")
    var tickets: Int = 200

    /// The demo never writes into the real helpdesk: without --db it uses demo.sqlite beside it.
    var path: String {
        if let db = global.db { return db }
        let real = DatabaseLocation.resolve(explicit: nil, environment: global.environment.filter { $0.key != "HELPDESK_DB" })
        return (real as NSString).deletingLastPathComponent + "/demo.sqlite"
    }

    func run() async throws {
        try await global.run { output in
            // Built whole in a file of its own and moved into place, so a killed build leaves no half demo.
            _ = try await DemoFile.prepare(
                at: path, fileMode: try global.fileMode(), clock: try global.clock(), hasher: global.hasher(), tickets: max(0, tickets))
            let logins = DemoData.logins
            if !global.json && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
                let note = "Demo logins (password \(DemoData.password)): "
                    + logins.map { "\($0.email) (\($0.role.rawValue))" }.joined(separator: ", ")
                try await console.open(global, databasePath: path, loginNote: note)
                return
            }
            try output.emit(json: WireDemo(database: path, password: DemoData.password, logins: logins.map(WireDemoLogin.init))) {
                var lines = ["Demo database: \(path)", "Every sample user's password: \(DemoData.password)", ""]
                lines += logins.map { "  \($0.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.email)" }
                lines += ["", "Try: helpdesk ticket list --db \(path) --as alice@demo.test"]
                return lines.joined(separator: "\n")
            }
        }
    }
}
