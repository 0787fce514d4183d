import Foundation
import Testing
@testable import HelpdeskCore

/// Issue 12: no search a user types may cost without bound.
struct SearchLimitTests {
    private func validated(_ search: String) throws -> TicketQuery {
        var query = TicketQuery()
        query.search = search
        return try query.validated()
    }

    @Test func aShortPrefixIsRefusedNamingIt() throws {
        for short in ["a*", "ab*", "printer a*", "\"x y\" ab*"] {
            let error = expectError(.validation, field: "search", "\(short)") { try validated(short) }
            #expect(error?.fieldErrors["search"]?.first?.contains("at least \(SearchLimits.minimumPrefixLength) characters") == true)
        }
        #expect(try validated("abc*").search == "abc*")
        #expect(try validated("a").search == "a", "a short word without * is one list, not a merge")
    }

    @Test func tooManyWordsAreRefusedCountingThoseOfPhrases() throws {
        let eight = (1...8).map { "word\($0)" }.joined(separator: " ")
        #expect(try validated(eight).search == eight)
        expectError(.validation, field: "search") { try validated(eight + " word9") }
        expectError(.validation, field: "search", "a phrase's words count") { try validated("\"one two three four five\" six seven eight nine") }
        expectError(.validation, field: "search") { try validated(String(repeating: "x", count: SearchLimits.maximumLength + 1)) }
    }

    @Test func aRepeatedTermIsSearchedOnce() throws {
        let repeated = SearchTerms(parsing: "abc* abc* Refund refund RÉFUND \"double charge\" \"Double Charge\" abc")
        #expect(repeated.terms.map(\.text) == ["abc", "Refund", "double charge", "abc"])
        #expect(repeated.terms.map(\.isPrefix) == [true, false, false, false])
        #expect(repeated.wordCount == 5)
        // Ten copies of one word are one word: not refused, not ten lists.
        #expect(try validated(Array(repeating: "abc*", count: 10).joined(separator: " ")).search != nil)
    }

    @Test func theDeadlineRefusalSaysWhatToNarrow() {
        let error = SearchLimits.deadlineExceeded
        #expect(error.code == .validation)
        let rule = error.fieldErrors["search"]?.first ?? ""
        #expect(rule.contains("1 s") && rule.contains("narrow"), "\(rule)")
    }
}
