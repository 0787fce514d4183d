import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// Counts lists from `ticket_tally` (kept by triggers) when they filter only on what it is keyed by:
/// trash, status, assignee, priority and category. Anything else (search, breaching, requester) is
/// counted from the tickets themselves.
enum TicketTally {
    /// The count, or nil when the tally cannot answer this query. With `assignedTo`, only the
    /// tickets assigned to that user (an agent's own part of what they see).
    static func count(_ query: TicketQuery, _ access: ListAccess, assignedTo scope: Int64? = nil, _ db: Database) throws -> Int? {
        guard query.search == nil, !query.breaching, query.requesterEmail == nil else { return nil }
        let filter: Int64?
        switch query.assignee {
        case nil: filter = nil
        case .me?: filter = access.readerId
        case .none?: filter = 0
        case .email(let email)?: filter = try SQLiteStorage.personId(email, field: "assignee", access, db)
        }
        if let scope, let filter, filter != scope { return 0 }
        return try sum(query, assignee: scope ?? filter, db)
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
