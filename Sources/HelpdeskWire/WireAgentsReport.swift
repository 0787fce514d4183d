import HelpdeskCore

/// `report agents`: `{"from", "to", "agents": [...]}`, the period's UTC days as `YYYY-MM-DD`, both included.
public struct WireAgentsReport: Codable, Sendable, Equatable {
    /// The first day.
    public var from: String
    /// The last day.
    public var to: String
    /// One entry per agent the viewer may see.
    public var agents: [WireAgentStats]

    /// The figures of `period`.
    public init(_ period: ReportPeriod, agents: [AgentStats]) {
        from = period.fromDay
        to = period.toDay
        self.agents = agents.map(WireAgentStats.init)
    }
}

/// One agent's figures over a period.
public struct WireAgentStats: Codable, Sendable, Equatable {
    /// The agent's email.
    public var email: String
    /// The agent's display name.
    public var name: String
    /// Active tickets assigned to the agent now.
    public var openAssigned: Int
    /// Tickets the agent resolved in the period.
    public var resolved: Int
    /// Median time from creation to resolution, in whole seconds; null when the agent resolved nothing.
    @ExplicitNull public var medianResolutionSeconds: Double?
    /// Percentage of finished clocks that met their target, one decimal; null when none finished.
    @ExplicitNull public var slaCompliancePercent: Double?

    /// One agent's figures.
    public init(_ stats: AgentStats) {
        email = stats.email
        name = stats.name
        openAssigned = stats.openAssigned
        resolved = stats.resolvedInPeriod
        medianResolutionSeconds = stats.medianResolutionSeconds
        slaCompliancePercent = stats.slaCompliancePercent
    }

    private enum CodingKeys: String, CodingKey {
        case email, name, resolved
        case openAssigned = "open_assigned"
        case medianResolutionSeconds = "median_resolution_seconds"
        case slaCompliancePercent = "sla_compliance_percent"
    }
}
