import HelpdeskCore

/// `report dashboard`: counts of tickets the viewer may see (admins all, agents their own).
public struct WireDashboard: Codable, Sendable, Equatable {
    /// Active tickets (not resolved or closed).
    public var open: Int
    /// Active tickets with nobody assigned.
    public var unassigned: Int
    /// Active tickets with a clock past due now.
    public var breachedNow: Int
    /// Active tickets with a running clock in its last quarter.
    public var atRisk: Int
    /// Tickets created since midnight UTC.
    public var createdToday: Int
    /// Tickets resolved since midnight UTC.
    public var resolvedToday: Int
    /// Tickets per status, every status named (zeros included).
    public var byStatus: [String: Int]
    /// Active tickets per priority, every priority named.
    public var byPriority: [String: Int]

    /// The dashboard's figures.
    public init(_ report: DashboardReport) {
        open = report.open
        unassigned = report.unassigned
        breachedNow = report.breachedNow
        atRisk = report.atRisk
        createdToday = report.createdToday
        resolvedToday = report.resolvedToday
        byStatus = report.byStatus
        byPriority = report.byPriority
    }

    private enum CodingKeys: String, CodingKey {
        case open, unassigned
        case breachedNow = "breached_now"
        case atRisk = "at_risk"
        case createdToday = "created_today"
        case resolvedToday = "resolved_today"
        case byStatus = "by_status"
        case byPriority = "by_priority"
    }
}
