import ArgumentParser
import HelpdeskWire

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create (or migrate) the database.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.run { output in
            let service = try global.service()
            try output.emit(json: WireDatabaseReady(database: service.database.path)) { "Database ready at \(service.database.path)" }
        }
    }
}
