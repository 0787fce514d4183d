import Foundation
import HelpdeskConsole
import HelpdeskCore

/// The count queries of the shipped saved views, written by hand as our store sends them: sums of
/// the tally for status and assignee filters, the running-clocks index for the breaching view, and
/// for an agent the tickets they requested but are not assigned.
struct FloorCounts {
    let user: User
    let now: Date

    func queries(for views: [SavedView]) throws -> [[(String, [RawSQLite.Value])]] {
        try views.map { view in try queries(view.query) }
    }

    private func queries(_ query: TicketQuery) throws -> [(String, [RawSQLite.Value])] {
        let statuses = query.statuses.map { RawSQLite.Value.text($0.rawValue) }
        let statusIn = query.statuses.isEmpty ? "" : " AND status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))"
        let me = RawSQLite.Value.int(user.id)
        if query.breaching {
            let breaching = "SELECT COUNT(*) FROM tickets t WHERE t.sla_next_risk <= ? AND t.status NOT IN ('resolved', 'closed') AND t.deleted_at IS NULL"
            let at = RawSQLite.Value.text(now.databaseText)
            guard user.role == .agent else { return [(breaching, [at])] }
            return [
                (breaching + " AND t.assignee_id = ?", [at, me]),
                (breaching + " AND t.requester_id = ? AND (t.assignee_id IS NULL OR t.assignee_id != ?)", [at, me, me]),
            ]
        }
        var assignee: RawSQLite.Value?
        switch query.assignee {
        case .me?: assignee = me
        case .none?: assignee = .int(0)
        case nil: assignee = nil
        case .email?: throw BenchError("no shipped view names an assignee by email")
        }
        let tally = "SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE deleted = ?"
        if user.role == .admin {
            return [(tally + statusIn + (assignee == nil ? "" : " AND assignee_id = ?"), [.int(0)] + statuses + (assignee.map { [$0] } ?? []))]
        }
        // The shipped views' statuses are all active ones, which the store writes for the partial indexes.
        let activeStatuses = query.statuses.isEmpty
            ? "" : " AND t.status NOT IN ('resolved', 'closed') AND +t.status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))"
        let requested = """
            SELECT COUNT(*) FROM tickets t WHERE t.deleted_at IS NULL \
            AND t.requester_id = ? AND (t.assignee_id IS NULL OR t.assignee_id != ?)\(activeStatuses)\
            \(query.assignee == .me ? " AND t.assignee_id = ?" : "")
            """
        return [
            (tally + statusIn + " AND assignee_id = ?", [.int(0)] + statuses + [me]),
            (requested, [me, me] + statuses + (query.assignee == .me ? [me] : [])),
        ]
    }
}
