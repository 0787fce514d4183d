import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct ReportVolume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "volume", abstract: "Tickets created and resolved per day.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let range = try period.period(service)
            let days = try await service.volume(range, by: try await global.actor(service))
            if period.csv {
                print(ReportCSV.volume(days), terminator: "")
                return
            }
            try output.emit(json: WireVolumeReport(range, days: days)) {
                Output.table(["DATE", "CREATED", "RESOLVED"], days.map { [$0.date, "\($0.created)", "\($0.resolved)"] })
            }
        }
    }
}
