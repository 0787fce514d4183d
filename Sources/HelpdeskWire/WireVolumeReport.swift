import HelpdeskCore

/// `report volume`: `{"from", "to", "days": [...]}`, the period's UTC days as `YYYY-MM-DD`, both included.
public struct WireVolumeReport: Codable, Sendable, Equatable {
    /// The first day.
    public var from: String
    /// The last day.
    public var to: String
    /// One entry per day of the period, oldest first.
    public var days: [WireVolumeDay]

    /// The volume of `period`, one entry per day.
    public init(_ period: ReportPeriod, days: [VolumeDay]) {
        from = period.fromDay
        to = period.toDay
        self.days = days.map(WireVolumeDay.init)
    }
}

/// Tickets created and resolved on one UTC day.
public struct WireVolumeDay: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Tickets created that day.
    public var created: Int
    /// Tickets resolved that day.
    public var resolved: Int

    /// One day's figures.
    public init(_ day: VolumeDay) {
        date = day.date
        created = day.created
        resolved = day.resolved
    }
}
