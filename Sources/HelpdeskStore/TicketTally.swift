import Foundation
import GRDB
import HelpdeskCore

/// Counts lists from `ticket_tally` (kept by triggers) when they filter only on what it is keyed by:
/// trash, status, assignee, priority and category. Anything else (search, breaching, requester) is
/// counted from the tickets themselves.
enum TicketTally {
    /// The count, or nil when the tally cannot answer this query for this user.
    static func count(_ query: TicketQuery, by actor: User, _ db: Database) throws -> Int? {
        guard query.search == nil, !query.breaching, query.requesterEmail == nil else { return nil }
        let assigneeFilter: Int64?
        switch query.assignee {
        case nil: assigneeFilter = nil
        case .me?: assigneeFilter = actor.id
        case .none?: assigneeFilter = 0
        case .email(let email)?: assigneeFilter = try UserTable.require(email: email, field: "assignee", db).id
        }
        switch Permissions.scope(for: actor) {
        case .all:
            return try sum(query, assignee: assigneeFilter, db)
        case .requester:
            return nil
        case .assigneeOrRequester(let id):
            // Assigned to them (from the tally), plus requested by them and assigned to someone else or no one.
            let assigned = assigneeFilter == nil || assigneeFilter == id ? try sum(query, assignee: id, db) : 0
            var requested = TicketListSQL()
            requested.add(query.trash ? "t.deleted_at IS NOT NULL" : "t.deleted_at IS NULL", [])
            requested.add("t.requester_id = ?", [id])
            requested.add("(t.assignee_id IS NULL OR t.assignee_id != ?)", [id])
            if let assigneeFilter {
                requested.add(assigneeFilter == 0 ? "t.assignee_id IS NULL" : "t.assignee_id = ?", assigneeFilter == 0 ? [] : [assigneeFilter])
            }
            requested.addIn("status", query.statuses)
            requested.addIn("priority", query.priorities)
            requested.addIn("category", query.categories)
            let others = try Int.fetchOne(db.cachedStatement(sql: requested.countSQL()), arguments: requested.arguments) ?? 0
            return assigned + others
        }
    }

    private static func sum(_ query: TicketQuery, assignee: Int64?, _ db: Database) throws -> Int {
        var conditions = ["deleted = ?"]
        var arguments: [any DatabaseValueConvertible] = [query.trash ? 1 : 0]
        func addIn(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))")
            arguments += values
        }
        addIn("status", query.statuses.map(\.rawValue))
        if let assignee {
            conditions.append("assignee_id = ?")
            arguments.append(assignee)
        }
        addIn("priority", query.priorities.map(\.rawValue))
        addIn("category", query.categories.map(\.rawValue))
        let sql = "SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE " + conditions.joined(separator: " AND ")
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)) ?? 0
    }
}
