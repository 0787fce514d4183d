import ArgumentParser
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database consistently while others keep writing (SQLite's online backup).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write (must not exist).")
    var path: String

    func run() async throws {
        try await global.run { output in
            let database = try global.database()
            try database.backup(to: path)
            try output.emit(json: WireBackup(backup: path)) { "Backed up \(database.path) to \(path)" }
        }
    }
}
