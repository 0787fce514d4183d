import Foundation

/// Reports as CSV (RFC 4180), the same figures as the JSON output. Text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
public enum ReportCSV {
    public static func volume(_ days: [VolumeDay]) -> String {
        table(["date", "created", "resolved"], days.map { [$0.date, "\($0.created)", "\($0.resolved)"] })
    }

    public static func agents(_ agents: [AgentStats]) -> String {
        table(
            ["email", "name", "open_assigned", "resolved", "median_resolution_seconds", "sla_compliance_percent"],
            agents.map {
                [$0.email, $0.name, "\($0.openAssigned)", "\($0.resolvedInPeriod)", number($0.medianResolutionSeconds),
                 number($0.slaCompliancePercent)]
            })
    }

    public static func sla(_ report: SLAReport) -> String {
        func row(_ name: String, _ c: SLACompliance) -> [String] {
            [name, report.from, report.to, "\(c.total)", "\(c.met)", "\(c.breached)", number(c.compliancePercent),
             number(c.meanSeconds), number(c.medianSeconds)]
        }
        return table(
            ["clock", "from", "to", "total", "met", "breached", "compliance_percent", "mean_seconds", "median_seconds"],
            [row("first_response", report.firstResponse), row("resolution", report.resolution)])
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
