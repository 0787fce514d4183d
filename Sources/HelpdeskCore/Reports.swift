import Foundation

/// The dashboard's tiles and backlog breakdowns.
public struct DashboardReport: Sendable, Equatable, Codable {
    public var open: Int
    public var unassigned: Int
    public var breachedNow: Int
    public var atRisk: Int
    public var createdToday: Int
    public var resolvedToday: Int
    public var byStatus: [String: Int]
    public var byPriority: [String: Int]

    public init(open: Int, unassigned: Int, breachedNow: Int, atRisk: Int, createdToday: Int, resolvedToday: Int,
                byStatus: [String: Int], byPriority: [String: Int]) {
        self.open = open
        self.unassigned = unassigned
        self.breachedNow = breachedNow
        self.atRisk = atRisk
        self.createdToday = createdToday
        self.resolvedToday = resolvedToday
        self.byStatus = byStatus
        self.byPriority = byPriority
    }
}

/// Tickets created and resolved on one UTC day.
public struct VolumeDay: Sendable, Equatable, Codable {
    public var date: String
    public var created: Int
    public var resolved: Int

    public init(date: String, created: Int, resolved: Int) {
        self.date = date
        self.created = created
        self.resolved = resolved
    }
}

/// Compliance of one SLA clock over finished clocks in a period.
public struct SLACompliance: Sendable, Equatable, Codable {
    public var total: Int
    public var met: Int
    public var breached: Int
    /// Percentage met, nil when nothing finished in the period.
    public var compliancePercent: Double?
    public var meanSeconds: Double?
    public var medianSeconds: Double?

    public init(total: Int, met: Int, meanSeconds: Double?, medianSeconds: Double?) {
        self.total = total
        self.met = met
        self.breached = total - met
        self.compliancePercent = total == 0 ? nil : (Double(met) * 1000 / Double(total)).rounded() / 10
        self.meanSeconds = meanSeconds
        self.medianSeconds = medianSeconds
    }
}

public struct SLAReport: Sendable, Equatable, Codable {
    public var from: String
    public var to: String
    public var firstResponse: SLACompliance
    public var resolution: SLACompliance

    public init(from: String, to: String, firstResponse: SLACompliance, resolution: SLACompliance) {
        self.from = from
        self.to = to
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}

/// One agent's figures.
public struct AgentStats: Sendable, Equatable, Codable {
    /// Whose rows the agents report always lists (anyone else appears once tickets are assigned to
    /// them, an admin who takes tickets, say).
    public static let listedRoles: [Role] = [.agent]

    public var email: String
    public var name: String
    public var openAssigned: Int
    public var resolvedInPeriod: Int
    public var medianResolutionSeconds: Double?
    public var slaCompliancePercent: Double?

    public init(email: String, name: String, openAssigned: Int, resolvedInPeriod: Int,
                medianResolutionSeconds: Double?, slaCompliancePercent: Double?) {
        self.email = email
        self.name = name
        self.openAssigned = openAssigned
        self.resolvedInPeriod = resolvedInPeriod
        self.medianResolutionSeconds = medianResolutionSeconds
        self.slaCompliancePercent = slaCompliancePercent
    }
}

/// A closed range of UTC days, both ends included.
public struct ReportPeriod: Sendable, Equatable {
    public var from: Date
    /// The first instant after the last day.
    public var until: Date

    public init(from: Date, until: Date) {
        self.from = from
        self.until = until
    }

    /// The longest period a report covers: 3,660 days, ten years and their leap days.
    public static let maximumDays = 3_660

    /// Parses `YYYY-MM-DD` bounds; without them, the 30 days ending today.
    /// - Throws: `VALIDATION_ERROR` on `from` and `to` (every malformed bound listed together), on
    ///   `from` when it is after `to` or the period is longer than `maximumDays`.
    public static func parse(from: String?, to: String?, now: Date) throws -> ReportPeriod {
        let calendar = Calendar.utc
        let today = calendar.startOfDay(for: now)
        func day(_ text: String, field: String) throws -> Date {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, text.count == 10,
                let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                TicketNumber.day(of: date) == text.replacingOccurrences(of: "-", with: "")
            else { throw HelpdeskError.validation(field, "must be a date like 2026-01-31") }
            // Days the helpdesk can hold a ticket on, the whole day within the accepted instants.
            _ = try AcceptedInstants.require(date, field: field)
            _ = try AcceptedInstants.require(date.addingTimeInterval(86400 - 0.001), field: field)
            return date
        }
        // Both bounds are checked before either is reported, so every bad field is listed together.
        var errors = FieldErrors()
        var end = today, start: Date?
        if let to { errors.check("to") { end = try day(to, field: "to") } }
        if let from { errors.check("from") { start = try day(from, field: "from") } }
        try errors.throwIfAny()
        let first = start ?? end.addingTimeInterval(-29 * 86400)
        guard first <= end else { throw HelpdeskError.validation("from", "must not be after to") }
        // A report lists every day of its period: ten years at the most keeps one bounded.
        let days = Int(end.timeIntervalSince(first) / 86400) + 1
        guard days <= maximumDays else {
            throw HelpdeskError.validation("from", "a period is at most \(maximumDays) days (got \(days)); narrow from and to")
        }
        return ReportPeriod(from: first, until: end.addingTimeInterval(86400))
    }

    public var fromDay: String { Self.isoDay(from) }
    public var toDay: String { Self.isoDay(until.addingTimeInterval(-86400)) }

    public static func isoDay(_ date: Date) -> String {
        let day = TicketNumber.day(of: date)
        return "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))"
    }
}
