import ArgumentParser
import HelpdeskSQLite
import HelpdeskWire

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create (or migrate) the database.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let database = try global.database(create: true)
            try output.emit(json: WireDatabaseReady(database: database.path)) { "Database ready at \(database.path)" }
        }
    }
}
