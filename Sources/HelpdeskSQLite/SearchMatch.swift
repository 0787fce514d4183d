import GRDB
import HelpdeskCore

/// The FTS5 query of a search: each term quoted as the words the index holds for it
/// (`SearchText.queryWords`: a run of a script written without spaces becomes the phrase of its
/// letter pairs), so FTS5 syntax a user types is searched for, never interpreted (a quote is
/// doubled inside the string); terms joined by an explicit AND (FTS5 joins
/// bare phrases by AND, but not a parenthesised group and a phrase).
///
/// A prefix (`word*`) is written as the words of the index that begin with it, `("password" OR
/// "passwords")`, when there are at most `maximumExpansion`: each is one list the index seeks in,
/// so the search may be probed ticket by ticket like any word. A prefix that begins more words
/// (or is not plain ASCII, whose folding only the tokenizer knows) stays a prefix query, which the
/// index answers by merging all of their lists (`mergesPrefix`: the planner then collects).
struct SearchMatch {
    /// The FTS5 query string for tickets and comments, bound as an argument.
    var query: String
    /// The same terms with every prefix left a prefix, for the requesters' names (`user_fts`, a
    /// small index whose merges are cheap and whose words the expansion did not look up).
    var nameQuery: String
    /// True when a prefix is left for the tickets' and comments' index to expand.
    var mergesPrefix: Bool
    /// Tickets the search names by number (`SearchTerms.ticketNumbers`).
    var ticketNumbers: [String]
    /// The requester's address the whole search is (`SearchTerms.email`).
    var email: String?

    /// The words a prefix may stand for before it is left to the index: sixteen lists to seek in per
    /// ticket probed still cost less than one merge of a common word's list.
    static let maximumExpansion = 16

    /// Nil when the terms hold nothing searchable.
    init?(_ terms: SearchTerms, _ db: Database) throws {
        guard !terms.terms.isEmpty else { return nil }
        var merges = false
        var parts: [String] = [], nameParts: [String] = []
        for term in terms.terms {
            let (words, isPrefix) = SearchText.queryWords(term.text, isPrefix: term.isPrefix)
            guard !words.isEmpty else { continue }
            let phrase = Self.quoted(words.joined(separator: " ")) + (isPrefix ? "*" : "")
            nameParts.append(phrase)
            if isPrefix && words == [term.text], let expansion = try Self.expansion(of: term.text, db) {
                // No word begins with it: the prefix stays, and merges nothing.
                parts.append(expansion.isEmpty ? phrase : "(" + expansion.map(Self.quoted).joined(separator: " OR ") + ")")
            } else {
                merges = merges || isPrefix
                parts.append(phrase)
            }
        }
        guard !parts.isEmpty else { return nil }
        query = parts.joined(separator: " AND ")
        nameQuery = nameParts.joined(separator: " AND ")
        mergesPrefix = merges
        ticketNumbers = terms.ticketNumbers
        email = terms.email
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The indexed words (of tickets and comments) that begin with `prefix`; nil when there are
    /// more than `maximumExpansion` or the prefix is not plain ASCII. The vocabulary tables seek
    /// to the prefix and stop after one word too many.
    private static func expansion(of prefix: String, _ db: Database) throws -> [String]? {
        guard prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        // The tokenizer folds ASCII to lower case; every word that begins with the prefix sorts
        // below the prefix followed by the highest code point.
        let low = prefix.lowercased()
        let high = low + "\u{10FFFF}"
        var words: Set<String> = []
        for table in ["ticket_fts_terms", "comment_fts_terms"] {
            words.formUnion(try String.fetchAll(
                db.cachedStatement(sql: "SELECT term FROM \(table) WHERE term >= ? AND term < ? LIMIT \(maximumExpansion + 1)"),
                arguments: [low, high]))
            if words.count > maximumExpansion { return nil }
        }
        return words.sorted()
    }
}
