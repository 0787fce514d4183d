import ArgumentParser
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database (integrity, foreign keys, stored values, counters, shared addresses); exits 1 on a problem.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let report = try global.database().check()
            try output.emit(json: WireCheck(report)) {
                var lines = ["integrity: " + (report.integrity == ["ok"] ? "ok" : "\(report.integrity.count) problem(s)")]
                lines += report.integrity == ["ok"] ? [] : report.integrity.map { "  " + DisplayText.sanitize($0) }
                for (name, found, kind) in [
                    ("foreign keys", report.foreignKeys, "broken reference(s)"), ("stored values", report.storedValues, "problem(s)"),
                    ("consistency", report.consistency, "problem(s)"),
                ] {
                    lines.append("\(name): " + (found.isEmpty ? "ok" : "\(found.count) \(kind)"))
                    lines += found.map { "  " + DisplayText.sanitize($0) }
                }
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
