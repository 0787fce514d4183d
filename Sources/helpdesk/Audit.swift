import ArgumentParser
import HelpdeskWire

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List admin actions: role changes, (de)activations, deletions, restores, purges, password resets.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many entries, newest first.")
    var limit: Int = 100

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let entries = try await service.auditLog(limit: limit, by: actor)
            let zone = global.zone(for: actor)
            try output.emit(json: WireAuditLog(audit: entries.map(WireAuditEntry.init))) {
                Output.table(
                    ["WHEN", "WHO", "ACTION", "TARGET", "DETAIL"],
                    entries.map { [Output.date($0.at, in: zone), $0.actorEmail, $0.action, $0.target, $0.detail ?? ""] })
            }
        }
    }
}
