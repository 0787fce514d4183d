/// The SQL our layers send for each measured read, written out by hand for the floor.
enum FloorSQL {
    static let listSelect = """
        SELECT t.*, r.email AS requester_email, r.name AS requester_name, r.role AS requester_role,
            a.email AS assignee_email, a.name AS assignee_name, a.role AS assignee_role, seen.seen_at AS seen_at
        FROM tickets t
        JOIN users r ON r.id = t.requester_id
        LEFT JOIN users a ON a.id = t.assignee_id
        LEFT JOIN ticket_reads seen ON seen.ticket_id = t.id AND seen.user_id = ?
        """
    static let agentScope = "(t.assignee_id = ? OR t.requester_id = ?)"
    static let mineFilter = """
        t.deleted_at IS NULL AND \(agentScope) AND t.status NOT IN ('resolved', 'closed') AND +t.status IN (?, ?, ?, ?) \
        AND t.assignee_id = ?
        """
    static let mineStatuses: [RawSQLite.Value] = [.text("open"), .text("assigned"), .text("in_progress"), .text("reopened")]
    static let dueOrder = "ORDER BY t.sla_next_due ASC, t.id ASC LIMIT 51"

    static let mineFirstPage = "\(listSelect) WHERE \(mineFilter) \(dueOrder)"
    static let openFilter = "t.deleted_at IS NULL AND t.status NOT IN ('resolved', 'closed') AND +t.status IN (?, ?, ?, ?, ?)"
    static let openStatuses: [RawSQLite.Value] = [
        .text("open"), .text("assigned"), .text("in_progress"), .text("waiting"), .text("reopened"),
    ]
    static let openNextPage = "\(listSelect) WHERE \(openFilter) AND (t.sla_next_due, t.id) > (?, ?) \(dueOrder)"

    static let ticketByNumber = "SELECT * FROM tickets WHERE number = ?"
    static let userById = "SELECT id, email, name, role, is_active, created_at FROM users WHERE id = ?"
    static let thread = """
        SELECT c.*, u.email, u.name, u.role FROM comments c JOIN users u ON u.id = c.author_id \
        WHERE c.ticket_id = ? AND (c.is_internal = 0 OR ?) ORDER BY c.id
        """

    /// A page of search results the way our planner finds it: collecting every match for rare
    /// terms, probing ticket by ticket in list order for common ones.
    static func search(includingInternal: Bool, probe: Bool) -> String {
        let internalFilter = includingInternal ? "" : " AND c.is_internal = 0"
        let match = probe
            ? """
            (EXISTS (SELECT 1 FROM ticket_fts WHERE ticket_fts MATCH ? AND ticket_fts.rowid = t.id)
                OR EXISTS (SELECT 1 FROM comments c JOIN comment_fts ON comment_fts.rowid = c.id
                    WHERE c.ticket_id = t.id AND comment_fts MATCH ?\(internalFilter)))
            """
            : """
            t.id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?
                UNION SELECT c.ticket_id FROM comment_fts JOIN comments c ON c.id = comment_fts.rowid
                    WHERE comment_fts MATCH ?\(internalFilter))
            """
        return "\(listSelect) WHERE t.deleted_at IS NULL AND \(match) \(dueOrder)"
    }

    static let ticketTotal = "SELECT COALESCE(SUM(n), 0) FROM ticket_tally"
    static func sampledMatches(_ table: String) -> String {
        "SELECT COUNT(*) FROM \(table) WHERE \(table) MATCH ? AND rowid > ?"
    }
}
