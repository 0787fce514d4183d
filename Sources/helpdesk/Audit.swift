import ArgumentParser

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List admin actions: role changes, (de)activations, deletions, restores, purges, password resets.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many entries, newest first.")
    var limit: Int = 100

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let entries = try service.auditLog(limit: limit, by: try global.actor(service))
            output.emit(json: [
                "audit": entries.map {
                    ["at": JSONView.time($0.at), "actor": $0.actorEmail, "action": $0.action, "target": $0.target, "detail": JSONView.text($0.detail)]
                },
            ]) {
                Output.table(
                    ["WHEN", "WHO", "ACTION", "TARGET", "DETAIL"],
                    entries.map { [Output.date($0.at), $0.actorEmail, $0.action, $0.target, $0.detail ?? ""] })
            }
        }
    }
}
