import ArgumentParser
import HelpdeskWire

struct TicketHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show every recorded change to a ticket.")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let entries = try await service.history(number: number, by: actor)
            let zone = global.zone(for: actor)
            try output.emit(json: WireHistory(history: entries.map(WireHistoryEntry.init))) {
                Output.table(
                    ["WHEN", "WHO", "ACTION", "CHANGE"],
                    entries.map { view in
                        let e = view.entry
                        let change = (e.field.map { "\($0): \(e.oldValue ?? "-") → \(e.newValue ?? "-")" } ?? "")
                            + (e.reason.map { " (\($0))" } ?? "")
                        return [Output.date(e.at, in: zone), view.actor.email, e.action.rawValue, change]
                    })
            }
        }
    }
}
