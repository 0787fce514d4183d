import Foundation
import GRDB
import HelpdeskCore

/// Chooses how a page of search results is found, from how many documents match, counted only up
/// to the point where the answer is known.
///
/// Collecting costs about a microsecond per match; probing costs about twenty per ticket looked at,
/// and a page needs about 50 / (share of tickets matching) of them. The two cost the same near
/// √(650 × tickets) matches (26,000 at a million tickets), so fewer matches are collected and more
/// are probed. Each word is counted on its own (a phrase's positions are the costly part to read),
/// and the rarest word bounds how many documents can match them all.
/// `helpdesk-bench` measures a common word, a rare word and a phrase either side.
enum SearchPlanner {
    static func plan(_ text: String, _ db: Database) throws -> TicketListSQL.SearchPlan {
        let tickets = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(n), 0) FROM ticket_tally")) ?? 0
        let threshold = max(1_000, Int((650 * Double(tickets)).squareRoot()))
        let words = SearchTerms(parsing: text).terms.flatMap { term in
            term.text.split(separator: " ").map { word -> String in
                "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (term.isPrefix ? "*" : "")
            }
        }
        guard !words.isEmpty else { return .collect }
        var matches = 0
        for table in ["ticket_fts", "comment_fts"] {
            var rarest = threshold
            for word in words where rarest > 0 {
                rarest = min(rarest, try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(table) WHERE \(table) MATCH ? LIMIT ?)"),
                    arguments: [word, rarest]) ?? 0)
            }
            matches += rarest
            if matches >= threshold { return .probe }
        }
        return .collect
    }
}
