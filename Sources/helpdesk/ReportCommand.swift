import ArgumentParser
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Figures: admins see everything, agents their own.",
        subcommands: [ReportDashboard.self, ReportVolume.self, ReportAgents.self, ReportSLA.self])
}

/// `--from` and `--to` (UTC days, both included); without them, the last 30 days.
struct PeriodOptions: ParsableArguments {
    @Option(help: "First day, YYYY-MM-DD.")
    var from: String?
    @Option(help: "Last day, YYYY-MM-DD.")
    var to: String?
    @Flag(help: "Write the report as CSV on stdout.")
    var csv = false

    func period(_ service: Helpdesk) throws -> ReportPeriod {
        try ReportPeriod.parse(from: from, to: to, now: service.clock.now())
    }
}
