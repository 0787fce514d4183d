import HelpdeskCore

/// `report sla`: compliance of both clocks for tickets created in the period whose clocks finished.
/// `from` and `to` are UTC days as `YYYY-MM-DD`, both included.
public struct WireSLAReport: Codable, Sendable, Equatable {
    /// The first day.
    public var from: String
    /// The last day.
    public var to: String
    /// The first-response clock.
    public var firstResponse: WireCompliance
    /// The resolution clock.
    public var resolution: WireCompliance

    /// The report.
    public init(_ report: SLAReport) {
        from = report.from
        to = report.to
        firstResponse = WireCompliance(report.firstResponse)
        resolution = WireCompliance(report.resolution)
    }

    private enum CodingKeys: String, CodingKey {
        case from, to, resolution
        case firstResponse = "first_response"
    }
}

/// One clock's compliance over the finished clocks of a period.
public struct WireCompliance: Codable, Sendable, Equatable {
    /// Clocks that finished.
    public var total: Int
    /// Of those, how many met their target.
    public var met: Int
    /// Of those, how many missed it.
    public var breached: Int
    /// `met` as a percentage of `total`, one decimal; null when nothing finished.
    @ExplicitNull public var compliancePercent: Double?
    /// Mean time from creation until the clock finished, in whole seconds; null when nothing finished.
    @ExplicitNull public var meanSeconds: Double?
    /// Median time from creation until the clock finished, in whole seconds; null when nothing finished.
    @ExplicitNull public var medianSeconds: Double?

    /// One clock's figures.
    public init(_ compliance: SLACompliance) {
        total = compliance.total
        met = compliance.met
        breached = compliance.breached
        compliancePercent = compliance.compliancePercent
        meanSeconds = compliance.meanSeconds
        medianSeconds = compliance.medianSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case total, met, breached
        case compliancePercent = "compliance_percent"
        case meanSeconds = "mean_seconds"
        case medianSeconds = "median_seconds"
    }
}
