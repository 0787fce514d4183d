import Foundation
import GRDB
import HelpdeskCore

/// Reports computed in SQL over indexed columns; no ticket is loaded into memory.
extension HelpdeskService {
    private static let finishedStatuses = "('resolved', 'closed')"
    /// When a ticket's resolution clock stopped: resolved, or closed without passing resolved.
    private static let resolvedAtSQL = "COALESCE(t.resolved_at, t.closed_at)"

    private func scopeSQL(_ scope: ReportScope) -> (String, StatementArguments) {
        switch scope {
        case .all: ("t.deleted_at IS NULL", [])
        case .agent(let id): ("t.deleted_at IS NULL AND t.assignee_id = ?", [id])
        }
    }

    public func dashboard(by actor: User) throws -> DashboardReport {
        let reportScope = try Permissions.reportScope(for: actor)
        let (scope, scopeArguments) = scopeSQL(reportScope)
        return try read { db, now in
            let today = Calendar.utc.startOfDay(for: now)
            func count(_ condition: String, _ arguments: StatementArguments = []) throws -> Int {
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM tickets t WHERE \(scope) AND \(condition)"),
                    arguments: scopeArguments + arguments) ?? 0
            }
            // Status, priority and assignee totals come from the maintained tally.
            var tallyScope = "deleted = 0"
            var tallyArguments: StatementArguments = []
            if case .agent(let id) = reportScope {
                tallyScope += " AND assignee_id = ?"
                tallyArguments = [id]
            }
            func tallied(_ column: String, _ condition: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT \(column) AS key, SUM(n) AS n FROM ticket_tally WHERE \(tallyScope) AND \(condition) GROUP BY \(column)"),
                    arguments: tallyArguments)
                {
                    result[row["key"]] = row["n"]
                }
                return result
            }
            let activeTally = "status NOT IN \(Self.finishedStatuses)"
            var byStatus = try tallied("status", "1")
            for status in TicketStatus.allCases where byStatus[status.rawValue] == nil { byStatus[status.rawValue] = 0 }
            var byPriority = try tallied("priority", activeTally)
            for priority in Priority.allCases where byPriority[priority.rawValue] == nil { byPriority[priority.rawValue] = 0 }
            let unassigned = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE \(tallyScope) AND \(activeTally) AND assignee_id = 0"),
                arguments: tallyArguments) ?? 0
            // A clock's risk comes before its due time, so both counts are ranges of the running-clocks index.
            let running = "t.status NOT IN \(Self.finishedStatuses) AND t.sla_next_risk <= ?"
            return DashboardReport(
                open: TicketStatus.allCases.filter(\.isActive).reduce(0) { $0 + byStatus[$1.rawValue, default: 0] },
                unassigned: unassigned,
                breachedNow: try count("\(running) AND t.sla_next_due <= ?", [now, now]),
                atRisk: try count("\(running) AND t.sla_next_due > ?", [now, now]),
                createdToday: try count("t.created_at >= ?", [today]),
                resolvedToday: try count("\(Self.resolvedAtSQL) >= ?", [today]),
                byStatus: byStatus, byPriority: byPriority)
        }
    }

    /// Tickets created and resolved per UTC day, every day of the period listed.
    public func volume(_ period: ReportPeriod, by actor: User) throws -> [VolumeDay] {
        let (scope, scopeArguments) = scopeSQL(try Permissions.reportScope(for: actor))
        return try read { db, _ in
            func perDay(_ column: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(\(column), 1, 10) AS day, COUNT(*) AS n FROM tickets t
                        WHERE \(scope) AND \(column) >= ? AND \(column) < ? GROUP BY day
                        """,
                    arguments: scopeArguments + [period.from, period.until])
                {
                    result[row["day"]] = row["n"]
                }
                return result
            }
            let created = try perDay("t.created_at")
            let resolved = try perDay(Self.resolvedAtSQL)
            var days: [VolumeDay] = []
            var day = period.from
            while day < period.until {
                let key = ReportPeriod.isoDay(day)
                days.append(VolumeDay(date: key, created: created[key, default: 0], resolved: resolved[key, default: 0]))
                day = day.addingTimeInterval(86400)
            }
            return days
        }
    }

    /// Compliance of both clocks over tickets created in the period whose clock has finished.
    public func slaReport(_ period: ReportPeriod, by actor: User) throws -> SLAReport {
        let (scope, scopeArguments) = scopeSQL(try Permissions.reportScope(for: actor))
        return try read { db, _ in
            let inPeriod = "\(scope) AND t.created_at >= ? AND t.created_at < ?"
            let arguments = scopeArguments + [period.from, period.until]
            let firstResponse = try compliance(
                db, metColumn: "t.sla_first_response_met",
                seconds: "(julianday(t.first_response_at) - julianday(t.created_at)) * 86400",
                timed: "t.first_response_at IS NOT NULL", where: inPeriod, arguments)
            let resolution = try compliance(
                db, metColumn: "t.sla_resolution_met",
                seconds: "(julianday(\(Self.resolvedAtSQL)) - julianday(t.created_at)) * 86400",
                timed: "t.sla_resolution_met IS NOT NULL", where: inPeriod, arguments)
            return SLAReport(from: period.fromDay, to: period.toDay, firstResponse: firstResponse, resolution: resolution)
        }
    }

    /// Per agent: open assigned tickets, and over tickets resolved in the period, how many, the median
    /// time to resolve and the share resolved within the SLA. Agents see only their own row.
    public func agentsReport(_ period: ReportPeriod, by actor: User) throws -> [AgentStats] {
        let scope = try Permissions.reportScope(for: actor)
        return try read { db, _ in
            var sql = "SELECT id, email, name FROM users WHERE (role = 'agent' OR id IN (SELECT assignee_id FROM ticket_tally WHERE assignee_id != 0 AND n > 0))"
            var arguments: StatementArguments = []
            if case .agent(let id) = scope {
                sql = "SELECT id, email, name FROM users WHERE id = ?"
                arguments = [id]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY email", arguments: arguments).map { row in
                let id: Int64 = row["id"]
                let open = try Int.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE assignee_id = ? AND deleted = 0 AND status NOT IN \(Self.finishedStatuses)"),
                    arguments: [id]) ?? 0
                let resolved = try compliance(
                    db, metColumn: "t.sla_resolution_met",
                    seconds: "(julianday(\(Self.resolvedAtSQL)) - julianday(t.created_at)) * 86400",
                    timed: "t.sla_resolution_met IS NOT NULL",
                    where: "t.assignee_id = ? AND t.deleted_at IS NULL AND \(Self.resolvedAtSQL) >= ? AND \(Self.resolvedAtSQL) < ?",
                    [id, period.from, period.until])
                return AgentStats(
                    email: row["email"], name: row["name"], openAssigned: open, resolvedInPeriod: resolved.total,
                    medianResolutionSeconds: resolved.medianSeconds, slaCompliancePercent: resolved.compliancePercent)
            }
        }
    }

    /// Met and total over finished clocks, and the mean and median time over timed ones: one pass for
    /// the totals, one ordered read of the middle for the median.
    private func compliance(
        _ db: Database, metColumn: String, seconds: String, timed: String, where condition: String,
        _ arguments: StatementArguments
    ) throws -> SLACompliance {
        let totals = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT COUNT(\(metColumn)) AS total, COALESCE(SUM(\(metColumn)), 0) AS met,
                    AVG(CASE WHEN \(timed) THEN \(seconds) END) AS mean, COUNT(CASE WHEN \(timed) THEN 1 END) AS timed
                FROM tickets t WHERE \(condition)
                """),
            arguments: arguments)
        let mean: Double? = totals?["mean"]
        let count: Int = totals?["timed"] ?? 0
        var median: Double?
        if count > 0 {
            let middle = try Double.fetchAll(
                db.cachedStatement(sql: "SELECT \(seconds) AS s FROM tickets t WHERE \(condition) AND \(timed) ORDER BY s LIMIT ? OFFSET ?"),
                arguments: arguments + [count % 2 == 0 ? 2 : 1, (count - 1) / 2])
            median = middle.isEmpty ? nil : middle.reduce(0, +) / Double(middle.count)
        }
        return SLACompliance(
            total: totals?["total"] ?? 0, met: totals?["met"] ?? 0,
            meanSeconds: mean.map { $0.rounded() }, medianSeconds: median.map { $0.rounded() })
    }
}
