import ArgumentParser
import Foundation
import HelpdeskStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a demo database with sample users and tickets, and print the sample logins.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many tickets to generate.")
    var tickets: Int = 200

    /// The demo never writes into the real helpdesk: without --db it uses demo.sqlite beside it.
    var path: String {
        if let db = global.db { return db }
        let real = DatabaseLocation.resolve(explicit: nil, environment: global.environment.filter { $0.key != "HELPDESK_DB" })
        return (real as NSString).deletingLastPathComponent + "/demo.sqlite"
    }

    func run() throws {
        try global.run { output in
            let service = try global.service(path: path)
            let logins = try DemoData.populate(service, tickets: max(0, tickets))
            output.emit(json: [
                "database": path, "password": DemoData.password,
                "logins": logins.map { ["email": $0.email, "role": $0.role.rawValue] },
            ]) {
                var lines = ["Demo database: \(path)", "Every sample user's password: \(DemoData.password)", ""]
                lines += logins.map { "  \($0.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.email)" }
                lines += ["", "Try: helpdesk ticket list --db \(path) --as alice@demo.test"]
                return lines.joined(separator: "\n")
            }
        }
    }
}
