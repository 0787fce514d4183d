import Foundation
import HelpdeskCore

extension Helpdesk {
    /// The dashboard's tiles and backlog: every ticket for admins, an agent's own for agents.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func dashboard(by actor: some ActorReference) async throws -> DashboardReport {
        try await storage.dashboard(actorId: actor.actorId, at: try now(), authorize: Self.reportScope)
    }

    /// Tickets created and resolved per UTC day, every day of the period listed.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func volume(_ period: ReportPeriod, by actor: some ActorReference) async throws -> [VolumeDay] {
        try await storage.volume(period, actorId: actor.actorId, authorize: Self.reportScope)
    }

    /// Compliance of both clocks over tickets created in the period whose clock has finished.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func slaReport(_ period: ReportPeriod, by actor: some ActorReference) async throws -> SLAReport {
        guard let report = try await slaReports([period], by: actor).first else {
            throw HelpdeskError(.internalError, "The SLA report came back empty")
        }
        return report
    }

    /// The SLA reports of several periods at once (the dashboard shows the last 7 and 30 days).
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func slaReports(_ periods: [ReportPeriod], by actor: some ActorReference) async throws -> [SLAReport] {
        guard !periods.isEmpty else { return [] }
        return try await storage.slaReports(periods, actorId: actor.actorId, authorize: Self.reportScope)
    }

    /// Per agent: open assigned tickets, and over tickets resolved in the period their count, median
    /// time to resolve and share resolved within the SLA. Agents see only their own row.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func agentsReport(_ period: ReportPeriod, by actor: some ActorReference) async throws -> [AgentStats] {
        try await storage.agentsReport(period, actorId: actor.actorId, authorize: Self.reportScope)
    }

    @Sendable private static func reportScope(_ user: User?) throws -> ReportScope {
        try Permissions.reportScope(for: try acting(user))
    }
}
