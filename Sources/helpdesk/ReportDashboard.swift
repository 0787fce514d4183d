import ArgumentParser
import HelpdeskWire

struct ReportDashboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Open, unassigned, breached, at risk, today's flow, backlog.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let d = try await service.dashboard(by: try await global.actor(service))
            try output.emit(json: WireDashboard(d)) {
                let tiles = Output.table(
                    ["OPEN", "UNASSIGNED", "BREACHED", "AT RISK", "CREATED TODAY", "RESOLVED TODAY"],
                    [[d.open, d.unassigned, d.breachedNow, d.atRisk, d.createdToday, d.resolvedToday].map(String.init)])
                let status = Output.table(["STATUS", "TICKETS"], d.byStatus.sorted { $0.key < $1.key }.map { [$0.key, "\($0.value)"] })
                let priority = Output.table(
                    ["PRIORITY (OPEN)", "TICKETS"], ["urgent", "high", "medium", "low"].map { [$0, "\(d.byPriority[$0, default: 0])"] })
                return [tiles, status, priority].joined(separator: "\n\n")
            }
        }
    }
}
