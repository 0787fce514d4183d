import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct ReportSLA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla", abstract: "SLA compliance of tickets created in the period whose clocks have finished.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let range = try period.period(service)
            let report = try await service.slaReport(range, by: try await global.actor(service))
            if period.csv {
                print(ReportCSV.sla(report), terminator: "")
                return
            }
            try output.emit(json: WireSLAReport(report)) {
                func row(_ name: String, _ c: SLACompliance) -> [String] {
                    [
                        name, "\(c.total)", "\(c.met)", c.compliancePercent.map { "\($0)%" } ?? "-",
                        c.meanSeconds.map { DisplayText.duration(seconds: Int($0)) } ?? "-",
                        c.medianSeconds.map { DisplayText.duration(seconds: Int($0)) } ?? "-",
                    ]
                }
                return "\(report.from) to \(report.to)\n" + Output.table(
                    ["CLOCK", "FINISHED", "MET", "COMPLIANCE", "MEAN", "MEDIAN"],
                    [row("first response", report.firstResponse), row("resolution", report.resolution)])
            }
        }
    }
}
