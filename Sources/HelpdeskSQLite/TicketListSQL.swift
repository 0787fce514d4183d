import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// Builds the SQL of a ticket list. Every user-supplied value is a bound argument; only column names
/// chosen here are spliced into the text.
struct TicketListSQL {
    var conditions: [String] = []
    var arguments: StatementArguments = []

    /// The reader's visibility as conditions that exclude each other, each with its values, when the
    /// page is read as their union (`addScope(_:asUnion:)`); empty when the scope is a condition.
    var branches: [(condition: String, values: StatementArguments)] = []

    /// A list's columns read from `source`, a table or subquery named `t`; its one argument is the
    /// reader's id (for `seen_at`).
    static func select(from source: String) -> String {
        """
        SELECT t.*, r.email AS requester_email, r.name AS requester_name, r.role AS requester_role,
            a.email AS assignee_email, a.name AS assignee_name, a.role AS assignee_role,
            s.email AS submitter_email, s.name AS submitter_name, s.role AS submitter_role, seen.seen_at AS seen_at
        FROM \(source)
        JOIN users r ON r.id = t.requester_id
        LEFT JOIN users a ON a.id = t.assignee_id
        LEFT JOIN users s ON s.id = t.submitter_id
        LEFT JOIN ticket_reads seen ON seen.ticket_id = t.id AND seen.user_id = ?
        """
    }

    /// The sort key after the id's tie-break, and whether the order is descending.
    static func keyColumns(for sort: TicketSort) -> [String] {
        switch sort {
        case .created: ["created_at"]
        case .updated: ["updated_at"]
        case .priority: ["priority_rank", "sla_next_due"]
        case .due: ["sla_next_due"]
        }
    }

    static func isDescending(_ sort: TicketSort) -> Bool { sort == .created || sort == .updated }

    mutating func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
        conditions.append(condition)
        arguments += StatementArguments(values.map { $0.databaseValue })
    }

    /// `column IN (...)`; with `indexed: false` written `+t.column` so that SQLite does not pick an
    /// index on that column for it.
    mutating func addIn<T: RawRepresentable>(_ column: String, _ values: [T], indexed: Bool = true) where T.RawValue == String {
        guard !values.isEmpty else { return }
        add("\(indexed ? "" : "+")t.\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))", values.map(\.rawValue))
    }

    /// The reader's visibility. With `asUnion`, an agent's (assigned to, requested or filed by them)
    /// becomes three branches that exclude each other, which SQLite merges in the list's order and
    /// stops after a page: in the due order the assigned branch walks `tickets_assignee_due`, so a
    /// page costs about a page (under 1 ms at a million); in the other orders each branch sorts its
    /// own tickets, still half the OR's time. As one OR, SQLite gathers and sorts all the agent's
    /// tickets (74,000 at a million, 142 ms). Not for counts, which split the scope their own way.
    mutating func addScope(_ scope: VisibilityScope, asUnion: Bool = false) {
        switch scope {
        case .all: break
        case .requester(let id): add("t.requester_id = ?", [id])
        case .assignedRequestedOrSubmitted(let id) where asUnion:
            branches = [
                ("t.assignee_id = ?", [id]),
                ("t.requester_id = ? AND t.assignee_id IS NOT ?", [id, id]),
                ("t.submitter_id = ? AND t.requester_id != ? AND t.assignee_id IS NOT ?", [id, id, id]),
            ]
        case .assignedRequestedOrSubmitted(let id):
            add("(t.assignee_id = ? OR t.requester_id = ? OR t.submitter_id = ?)", [id, id, id])
        }
    }

    /// How a search joins the list. `collect` gathers every matching ticket first: right for rare
    /// terms and for counts. `probe` walks the list in its own order and asks the index about each
    /// ticket: right for a page of a common term, where collecting would gather most of the helpdesk
    /// to show fifty of it.
    enum SearchPlan {
        case collect
        case probe
    }

    /// The search's condition: the ticket's text or one of its comments (internal ones only for
    /// staff) holds every term, or its requester's name does, or the search is its requester's
    /// address or its number. The caller's visibility condition applies on top of all of them.
    mutating func addSearch(_ match: SearchMatch, includeInternal: Bool, plan: SearchPlan) {
        let internalFilter = includeInternal ? "" : " AND c.is_internal = 0"
        let numbers = match.ticketNumbers.map { _ in "?" }.joined(separator: ", ")
        var values: [any DatabaseValueConvertible] = [match.query, match.query, match.nameQuery]
        values += match.ticketNumbers as [any DatabaseValueConvertible]
        if let email = match.email { values.append(email) }
        switch plan {
        case .collect:
            add(
                """
                t.id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?
                    UNION SELECT c.ticket_id FROM comment_fts JOIN comments c ON c.id = comment_fts.rowid
                        WHERE comment_fts MATCH ?\(internalFilter)
                    UNION SELECT n.id FROM tickets n WHERE n.requester_id IN (SELECT rowid FROM user_fts WHERE user_fts MATCH ?)\(
                        numbers.isEmpty ? "" : "\n    UNION SELECT n.id FROM tickets n WHERE n.number IN (\(numbers))")\(
                        match.email == nil ? "" : "\n    UNION SELECT n.id FROM tickets n JOIN users e ON e.id = n.requester_id WHERE e.email = ?"))
                """, values)
        case .probe:
            add(
                """
                (EXISTS (SELECT 1 FROM ticket_fts WHERE ticket_fts MATCH ? AND ticket_fts.rowid = t.id)
                    OR EXISTS (SELECT 1 FROM comments c JOIN comment_fts ON comment_fts.rowid = c.id
                        WHERE c.ticket_id = t.id AND comment_fts MATCH ?\(internalFilter))
                    OR t.requester_id IN (SELECT rowid FROM user_fts WHERE user_fts MATCH ?)\(
                        numbers.isEmpty ? "" : "\n    OR t.number IN (\(numbers))")\(
                        match.email == nil ? "" : "\n    OR t.requester_id = (SELECT e.id FROM users e WHERE e.email = ?)"))
                """, values)
        }
    }

    /// Rows after (or, `backwards`, before) the cursor's position in the sort's order.
    mutating func addCursor(_ cursor: TicketCursor, sort: TicketSort, backwards: Bool = false) {
        let columns = Self.keyColumns(for: sort).map { "t.\($0)" } + ["t.id"]
        let op = Self.isDescending(sort) != backwards ? "<" : ">"
        var values: [any DatabaseValueConvertible] = cursor.keys.map { key in
            switch key {
            // Times are compared as the stored text, which this reproduces exactly from milliseconds.
            case .instant(let milliseconds): UTCTimestamp.storage(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            case .rank(let rank): rank
            }
        }
        values.append(cursor.id)
        add("(\(columns.joined(separator: ", "))) \(op) (\(columns.map { _ in "?" }.joined(separator: ", ")))", values)
    }

    /// A page's statement; its arguments are `arguments(readerId:)`.
    func sql(sort: TicketSort, limit: Int, backwards: Bool = false) -> String {
        let direction = Self.isDescending(sort) != backwards ? "DESC" : "ASC"
        let keys = Self.keyColumns(for: sort) + ["id"]
        let order = keys.map { "t.\($0) \(direction)" }.joined(separator: ", ")
        guard !branches.isEmpty else {
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return "\(Self.select(from: "tickets t")) \(filter) ORDER BY \(order) LIMIT \(limit)"
        }
        // Each branch walks its own index in the order; SQLite merges them (`MERGE (UNION ALL)`) and
        // stops at the limit. The outer ORDER BY sorts just the page.
        let filter = conditions.map { " AND " + $0 }.joined()
        let union = branches.map { "SELECT t.* FROM tickets t WHERE \($0.condition)\(filter)" }.joined(separator: "\n    UNION ALL ")
        let inner = keys.map { "\($0) \(direction)" }.joined(separator: ", ")
        let source = "(\(union)\n    ORDER BY \(inner) LIMIT \(limit)) t"
        return "\(Self.select(from: source)) ORDER BY \(order) LIMIT \(limit)"
    }

    /// The arguments of `sql(sort:limit:backwards:)`, in the order of its placeholders.
    func arguments(readerId: Int64) -> StatementArguments {
        guard !branches.isEmpty else { return [readerId] + arguments }
        return branches.reduce(StatementArguments()) { $0 + $1.values + arguments } + [readerId]
    }

    func countSQL() -> String {
        "SELECT COUNT(*) FROM tickets t" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
    }

    /// The position of `row` in the sort's order.
    /// - Throws: `INTERNAL_ERROR` when a stored key cannot be read (a malformed time), rather than
    ///   issue a cursor that would misplace the next page.
    static func cursor(after row: Row, sort: TicketSort) throws -> TicketCursor {
        var keys: [TicketCursor.Key] = []
        for (column, kind) in zip(keyColumns(for: sort), TicketCursor.keyKinds(for: sort)) {
            switch (kind, (row[column] as DatabaseValue?)?.storage) {
            case (.rank, .int64(let rank)?):
                keys.append(.rank(Int(rank)))
            case (.instant, .string(let text)?):
                guard let date = UTCTimestamp.parseStorage(text) else { throw HelpdeskError(.internalError, "Malformed stored ticket: column \(column)") }
                keys.append(.instant(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded())))
            default:
                throw HelpdeskError(.internalError, "Malformed stored ticket: column \(column)")
            }
        }
        return TicketCursor(sort: sort, keys: keys, id: try StoredRow(row, table: "tickets").integer("id"))
    }
}
