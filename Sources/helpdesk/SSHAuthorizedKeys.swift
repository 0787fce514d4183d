import ArgumentParser
import Foundation
import HelpdeskCore

struct SSHAuthorizedKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print authorized_keys lines: for sshd's AuthorizedKeysCommand (--type %t --key %k), or every key.",
        discussion: """
            With --type and --key, prints the one line for that key, or nothing (exit 0) for a key \
            registered to no active user. Without them, prints every line, to write a static \
            authorized_keys file. Each line forces `helpdesk --db DB ssh session --key-id N`, with \
            this program's and the database's absolute paths.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The offered key's type (sshd's %t).")
    var type: String?
    @Option(help: "The offered key's base64 data (sshd's %k).")
    var key: String?

    func run() async throws {
        try await global.run { _ in
            let service = try global.service()
            let entries = try await service.sshKeyEntries(type: type, base64: key)
            let program = try ProgramLocation.executable()
            let database = ProgramLocation.absolute(global.databasePath)
            let lines = try entries.map {
                try AuthorizedKeysLine.line(program: program, database: database, keyId: $0.id, key: $0.key)
            }
            for line in lines { print(line) }
        }
    }
}
