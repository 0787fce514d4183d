import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// Reports computed in SQL over indexed columns; no ticket is loaded into memory.
extension SQLiteStorage {
    /// When a ticket's resolution clock stopped (see `StatusSQL.resolvedAt`).
    private static let resolvedAtSQL = StatusSQL.resolvedAt("t")

    private static func scopeSQL(_ scope: ReportScope) -> (String, StatementArguments) {
        switch scope {
        case .all: ("t.deleted_at IS NULL", [])
        case .agent(let id): ("t.deleted_at IS NULL AND t.assignee_id = ?", [id])
        }
    }

    public func dashboard(
        actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> DashboardReport {
        try await read { db in
            let reportScope = try authorize(try UserTable.find(id: actorId, db))
            let (scope, scopeArguments) = Self.scopeSQL(reportScope)
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
                    // Through the checked reader: a sum past any real count is refused by name, and the
                    // few sums added below (at most 2^53 each) cannot overflow.
                    let key = try row.decode(String.self, forColumn: "key")
                    result[key] = try StoredRow(row, table: "ticket_tally", name: "\(column) \(key)").count("n")
                }
                return result
            }
            let activeTally = StatusSQL.active("status")
            var byStatus = try tallied("status", "1")
            for status in TicketStatus.allCases where byStatus[status.rawValue] == nil { byStatus[status.rawValue] = 0 }
            var byPriority = try tallied("priority", activeTally)
            for priority in Priority.allCases where byPriority[priority.rawValue] == nil { byPriority[priority.rawValue] = 0 }
            let unassigned = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE \(tallyScope) AND \(activeTally) AND assignee_id = 0"),
                arguments: tallyArguments) ?? 0
            // A clock's risk comes before its due time, so both counts are ranges of the running-clocks index.
            let running = "\(StatusSQL.active("t.status")) AND t.sla_next_risk <= ?"
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

    /// Tickets created and resolved per UTC day, every day of the period listed, from the per-day
    /// counts the triggers keep.
    public func volume(
        _ period: ReportPeriod, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [VolumeDay] {
        try await read { db in
            var scope = ""
            var arguments: StatementArguments = [ReportPeriod.isoDay(period.from), ReportPeriod.isoDay(period.until)]
            if case .agent(let id) = try authorize(try UserTable.find(id: actorId, db)) {
                scope = " AND assignee_id = ?"
                arguments += [id]
            }
            var counts: [String: (created: Int, finished: Int)] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT day, SUM(created), SUM(finished) FROM ticket_days WHERE day >= ? AND day < ?\(scope) GROUP BY day
                    """),
                arguments: arguments)
            {
                counts[try row.decode(String.self, atIndex: 0)] = (try row.decode(Int.self, atIndex: 1), try row.decode(Int.self, atIndex: 2))
            }
            var days: [VolumeDay] = []
            var day = period.from
            while day < period.until {
                let key = ReportPeriod.isoDay(day)
                let count = counts[key] ?? (0, 0)
                days.append(VolumeDay(date: key, created: count.created, resolved: count.finished))
                day = day.addingTimeInterval(86400)
            }
            return days
        }
    }

    /// Compliance of both clocks over tickets created in the period whose clock has finished; times
    /// are the clocks' own (`SLARecord.firstResponseSeconds`, `resolutionSeconds`: waiting excluded).
    /// The SLA reports of several periods from one pass over the widest of them (the dashboard
    /// shows the last 7 and the last 30 days).
    public func slaReports(
        _ periods: [ReportPeriod], actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [SLAReport] {
        try await read { db in
            let (scope, scopeArguments) = Self.scopeSQL(try authorize(try UserTable.find(id: actorId, db)))
            guard let from = periods.map(\.from).min(), let until = periods.map(\.until).max() else { return [] }
            var firstResponse = Array(repeating: ComplianceTally(), count: periods.count)
            var resolution = firstResponse
            // One pass over the covering index of creation times; medians are taken here, not by
            // sorting in SQL once per clock.
            // Which periods each row falls in comes back as one flag column per period.
            let flags = periods.map { _ in "(t.created_at >= ? AND t.created_at < ?)" }.joined(separator: ", ")
            var arguments: StatementArguments = []
            for period in periods { arguments += [period.from, period.until] }
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT t.sla_first_response_met, t.sla_first_response_seconds,
                        t.sla_resolution_met, CASE WHEN t.sla_resolution_met IS NOT NULL THEN t.sla_resolution_seconds END,
                        \(flags)
                    FROM tickets t WHERE \(scope) AND t.created_at >= ? AND t.created_at < ?
                    """),
                arguments: arguments + scopeArguments + [from, until])
            while let row = try rows.next() {
                let firstMet = try row.decode(Bool?.self, atIndex: 0)
                let firstSeconds = try StoredRow.checkedDuration(
                    try row.decode(Double?.self, atIndex: 1), column: "tickets.sla_first_response_seconds")
                let resolutionMet = try row.decode(Bool?.self, atIndex: 2)
                let resolutionSeconds = try StoredRow.checkedDuration(
                    try row.decode(Double?.self, atIndex: 3), column: "tickets.sla_resolution_seconds")
                for index in periods.indices where try row.decode(Bool.self, atIndex: 4 + index) {
                    firstResponse[index].add(met: firstMet, seconds: firstSeconds)
                    resolution[index].add(met: resolutionMet, seconds: resolutionSeconds)
                }
            }
            return periods.indices.map { index in
                SLAReport(
                    from: periods[index].fromDay, to: periods[index].toDay,
                    firstResponse: firstResponse[index].result, resolution: resolution[index].result)
            }
        }
    }

    /// Per agent: open assigned tickets, and over tickets resolved in the period, how many, the median
    /// time to resolve and the share resolved within the SLA. Agents see only their own row.
    public func agentsReport(
        _ period: ReportPeriod, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> ReportScope
    ) async throws -> [AgentStats] {
        try await read { db in
            let scope = try authorize(try UserTable.find(id: actorId, db))
            let roles = AgentStats.listedRoles.map(\.rawValue)
            var sql = """
                SELECT id, email, name FROM users WHERE (role IN (\(roles.map { _ in "?" }.joined(separator: ", ")))
                    OR id IN (SELECT assignee_id FROM ticket_tally WHERE assignee_id != 0 AND n > 0))
                """
            var arguments = StatementArguments(roles)
            var finishedScope = "t.assignee_id IS NOT NULL"
            var finishedArguments: StatementArguments = []
            if case .agent(let id) = scope {
                sql = "SELECT id, email, name FROM users WHERE id = ?"
                arguments = [id]
                finishedScope = "t.assignee_id = ?"
                finishedArguments = [id]
            }
            // Every ticket finished in the period, read once from the covering index of finishing times.
            var resolved: [Int64: ComplianceTally] = [:]
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT t.assignee_id, t.sla_resolution_met, t.sla_resolution_seconds
                    FROM tickets t WHERE \(finishedScope) AND t.deleted_at IS NULL
                        AND \(Self.resolvedAtSQL) >= ? AND \(Self.resolvedAtSQL) < ? AND t.sla_resolution_met IS NOT NULL
                    """),
                arguments: finishedArguments + [period.from, period.until])
            while let row = try rows.next() {
                resolved[try row.decode(Int64.self, atIndex: 0), default: ComplianceTally()]
                    .add(
                        met: try row.decode(Bool?.self, atIndex: 1),
                        seconds: try StoredRow.checkedDuration(try row.decode(Double?.self, atIndex: 2), column: "tickets.sla_resolution_seconds"))
            }
            var open: [Int64: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT assignee_id, SUM(n) FROM ticket_tally WHERE deleted = 0 AND \(StatusSQL.active("status"))
                    GROUP BY assignee_id
                    """))
            {
                open[try row.decode(Int64.self, atIndex: 0)] = try row.decode(Int.self, atIndex: 1)
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY email", arguments: arguments).map { row in
                let stored = StoredRow(row, table: "users")
                let id = try stored.integer("id")
                let open = open[id] ?? 0
                let stats = (resolved[id] ?? ComplianceTally()).result
                return AgentStats(
                    email: try stored.text("email"), name: try stored.text("name"), openAssigned: open, resolvedInPeriod: stats.total,
                    medianResolutionSeconds: stats.medianSeconds, slaCompliancePercent: stats.compliancePercent)
            }
        }
    }
}

/// Met and total over finished clocks, and the mean and median time over the timed ones.
struct ComplianceTally {
    private var total = 0
    private var met = 0
    private var seconds: [Double] = []

    mutating func add(met flag: Bool?, seconds value: Double?) {
        if let flag {
            total += 1
            if flag { met += 1 }
        }
        if let value { seconds.append(value) }
    }

    var result: SLACompliance {
        guard !seconds.isEmpty else { return SLACompliance(total: total, met: met, meanSeconds: nil, medianSeconds: nil) }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        return SLACompliance(total: total, met: met, meanSeconds: mean.rounded(), medianSeconds: median.rounded())
    }
}
