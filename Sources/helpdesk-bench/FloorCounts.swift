import Foundation
import HelpdeskConsole
import HelpdeskCore

/// The count queries of the shipped saved views, written by hand.
struct FloorCounts {
    let user: User
    let now: Date

    func queries(for views: [SavedView]) throws -> [(String, [RawSQLite.Value])] {
        try views.map { view in try query(view.query) }
    }

    private func query(_ query: TicketQuery) throws -> (String, [RawSQLite.Value]) {
        var conditions: [String] = []
        var values: [RawSQLite.Value] = []
        if query.breaching {
            conditions.append("t.sla_next_risk <= ?")
            values.append(.text(now.databaseText))
        }
        conditions.append("t.deleted_at IS NULL")
        if user.role == .agent {
            conditions.append(FloorSQL.agentScope)
            values += [.int(user.id), .int(user.id)]
        }
        if !query.statuses.isEmpty {
            conditions.append("t.status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))")
            values += query.statuses.map { .text($0.rawValue) }
        }
        switch query.assignee {
        case .me:
            conditions.append("t.assignee_id = ?")
            values.append(.int(user.id))
        case .none?:
            conditions.append("t.assignee_id IS NULL")
        case nil: break
        case .email: throw BenchError("no shipped view names an assignee by email")
        }
        return ("SELECT COUNT(*) FROM tickets t WHERE " + conditions.joined(separator: " AND "), values)
    }
}
