import Foundation
import GRDB
import HelpdeskCore

/// Chooses how a page of search results is found, from an estimate of how many documents match.
///
/// Collecting costs one or two microseconds per match; probing costs about 120 per ticket looked at
/// (more for phrases), and a page needs about 50 / (share of tickets matching) of them. The two cost
/// the same near √(4,000 × tickets) matches (63,000 at a million tickets), so fewer are collected
/// and more are probed. The share is measured on the newest 5,000 tickets and comments (a range
/// the index seeks to), so the estimate costs the same at any size and is right for phrases too,
/// whose words may be common while the phrase is rare. Tickets found through their requester's name
/// are added as the matching users times the tickets of an average user. `helpdesk-bench` measures a common word, a
/// rare word and a phrase either side.
///
/// A prefix the index must merge (`SearchMatch.mergesPrefix`) is always collected: the index merges
/// the lists of every word that begins with it, and does so again for each ticket a probe asks
/// about, so one probe costs as much as the whole collection (measured at 30,000 tickets: `a*`
/// 3.4 ms per probe against 13 ms to collect every match; a customer's `a*` took 1.6 s probed).
enum SearchPlanner {
    static let sample: Int64 = 5_000

    static func plan(_ search: SearchMatch, _ db: Database) throws -> TicketListSQL.SearchPlan {
        if search.mergesPrefix { return .collect }
        let match = search.query
        let tickets = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(n), 0) FROM ticket_tally")) ?? 0
        let threshold = max(1_000, (4_000 * Double(tickets)).squareRoot())
        var estimate = 0.0
        for (index, content) in [("ticket_fts", "tickets"), ("comment_fts", "comments")] {
            let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM \(content)")) ?? 0
            guard last > 0 else { continue }
            let hits = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM \(index) WHERE \(index) MATCH ? AND rowid > ?"),
                arguments: [match, last - sample]) ?? 0
            estimate += Double(hits) / Double(min(sample, last)) * Double(last)
        }
        // Tickets found through their requester's name: the matching users (a small index, counted
        // whole) times the tickets of an average user.
        let users = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM users")) ?? 0
        if users > 0 {
            let named = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM user_fts WHERE user_fts MATCH ?"), arguments: [search.nameQuery]) ?? 0
            estimate += Double(named) * Double(tickets) / Double(users)
        }
        return estimate >= threshold ? .probe : .collect
    }
}
