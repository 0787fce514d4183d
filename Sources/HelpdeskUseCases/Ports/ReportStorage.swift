import Foundation
import HelpdeskCore

/// The reports, computed by the engine over its indexes; `authorize` turns the acting user into the
/// scope the figures may count (or throws to refuse).
public protocol ReportStorage: Sendable {
    /// The dashboard's tiles and backlog; "today" is the UTC day of `now`.
    func dashboard(
        actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> DashboardReport

    /// Tickets created and finished per UTC day, every day of the period listed.
    func volume(
        _ period: ReportPeriod, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [VolumeDay]

    /// The SLA reports of several periods from one pass over the widest of them, in their order.
    func slaReports(
        _ periods: [ReportPeriod], actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [SLAReport]

    /// Per agent: open assigned tickets, and over tickets finished in the period their count, median
    /// resolution time and resolution-SLA compliance.
    func agentsReport(
        _ period: ReportPeriod, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [AgentStats]
}

/// Helpdesk-wide switches.
public protocol SettingsStorage: Sendable {
    /// The switches, once `authorize` accepts the acting user (it throws to refuse).
    func settings(actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> HelpdeskSettings
    /// The switches as stored, read with no acting user: for the SSH entry, which must decide
    /// whether a key registered to no one may enter as a guest before anyone is known.
    func storedSettings() async throws -> HelpdeskSettings
    /// Saves the switches `decide` returns (it sees the acting user and the current switches).
    func changeSettings(
        actorId: Int64, at now: Date, decide: @escaping @Sendable (User?, HelpdeskSettings) throws -> (HelpdeskSettings, AuditRecord?)
    ) async throws -> HelpdeskSettings
}

/// The audit log of admin actions (written by the other ports, in the transaction of the action).
public protocol AuditStorage: Sendable {
    /// The newest `limit` entries, newest first.
    func auditLog(limit: Int, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [AuditEntry]
    /// Writes one entry whose actor is no account: `actor` says who it was (`(ssh guest)`).
    func appendAudit(_ record: AuditRecord, actor: String, at now: Date) async throws
}
