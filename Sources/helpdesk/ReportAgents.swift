import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct ReportAgents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agents", abstract: "Per agent: open, resolved, median resolution, SLA compliance.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let range = try period.period(service)
            let agents = try await service.agentsReport(range, by: try await global.actor(service))
            if period.csv {
                print(ReportCSV.agents(agents), terminator: "")
                return
            }
            try output.emit(json: WireAgentsReport(range, agents: agents)) {
                Output.table(
                    ["AGENT", "OPEN", "RESOLVED", "MEDIAN", "SLA MET"],
                    agents.map {
                        [
                            $0.email, "\($0.openAssigned)", "\($0.resolvedInPeriod)",
                            $0.medianResolutionSeconds.map { DisplayText.duration(seconds: Int($0)) } ?? "-",
                            $0.slaCompliancePercent.map { "\($0)%" } ?? "-",
                        ]
                    })
            }
        }
    }
}
