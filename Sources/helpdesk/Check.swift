import ArgumentParser
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity, foreign keys and accounts sharing an address; exits 1 when anything is wrong.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let report = try global.database().check()
            try output.emit(json: WireCheck(report)) {
                var lines = ["integrity: " + (report.integrity == ["ok"] ? "ok" : "\(report.integrity.count) problem(s)")]
                lines += report.integrity == ["ok"] ? [] : report.integrity.map { "  \($0)" }
                lines.append("foreign keys: " + (report.foreignKeys.isEmpty ? "ok" : "\(report.foreignKeys.count) broken reference(s)"))
                lines += report.foreignKeys.map { "  \($0)" }
                lines.append(
                    "email collisions: "
                        + (report.emailCollisions.isEmpty ? "ok" : "\(report.emailCollisions.count) address(es) held by several accounts"))
                lines += report.emailCollisions.map { "  one address once normalised: " + $0.map { DisplayText.sanitize($0) }.joined(separator: ", ") }
                return lines.joined(separator: "\n")
            }
            if !report.isHealthy { throw ExitCode(1) }
        }
    }
}
