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

    @Test func aTicketNumberCountsAsOneWord() throws {
        let three = "TICK-20261118-0001 tick-20261118-0002 TICK-20261118-10003"
        #expect(SearchTerms(parsing: three).ticketNumbers == ["TICK-20261118-0001", "TICK-20261118-0002", "TICK-20261118-10003"])
        #expect(try validated(three).search == three)
        let nine = (1...9).map { "TICK-20261118-000\($0)" }.joined(separator: " ")
        expectError(.validation, field: "search") { try validated(nine) }
        #expect(SearchTerms(parsing: "TICK-20261118-0001 printer").ticketNumbers.isEmpty, "a number among words is text")
        #expect(SearchTerms(parsing: " Dan@X.test ").email == "dan@x.test")
        #expect(SearchTerms(parsing: "dan@x.test printer").email == nil)
    }

    @Test func aRepeatedTermIsSearchedOnce() throws {
        let repeated = SearchTerms(parsing: "abc* abc* Refund refund RÉFUND \"double charge\" \"Double Charge\" abc")
        #expect(repeated.terms.map(\.text) == ["abc", "Refund", "double charge", "abc"])
        #expect(repeated.terms.map(\.isPrefix) == [true, false, false, false])
        #expect(repeated.wordCount == 5)
        // Ten copies of one word are one word: not refused, not ten lists.
        #expect(try validated(Array(repeating: "abc*", count: 10).joined(separator: " ")).search != nil)
    }

    /// Issue 11 §7: a run of a script written without spaces is searched by its substrings, so a
    /// `*` after it adds nothing and needs no length; its length counts toward the words.
    @Test func runsOfScriptsWithoutSpacesCountByTheirLength() throws {
        #expect(try validated("打*").search == "打*")
        #expect(try validated("ที่*").search == "ที่*")
        expectError(.validation, field: "search", "a Latin prefix after the run still needs three") { try validated("打印 ab*") }
        let thirtyTwo = String(repeating: "打印机无法连接网络", count: 4).prefix(32)
        #expect(SearchTerms(parsing: String(thirtyTwo)).wordCount == 8)
        #expect(try validated(String(thirtyTwo)).search != nil)
        expectError(.validation, field: "search") { try validated(String(thirtyTwo) + "网") }
        #expect(SearchTerms(parsing: "Wi-Fi打印机 ที่นี่").wordCount == 4, "Wi, Fi打印机 (two), ที่นี่ (one: marks are no letters)")
        #expect(SpacelessScripts.role(of: "打") == .letter)
        #expect(SpacelessScripts.role(of: "\u{0E48}") == .mark, "a Thai tone mark")
        #expect(SpacelessScripts.role(of: "。") == nil)
        #expect(SpacelessScripts.role(of: "Ａ") == nil, "full-width Latin is written with spaces")
    }

    @Test func theDeadlineRefusalSaysWhatToNarrow() {
        let error = SearchLimits.deadlineExceeded
        #expect(error.code == .validation)
        let rule = error.fieldErrors["search"]?.first ?? ""
        #expect(rule.contains("1 s") && rule.contains("narrow"), "\(rule)")
    }
}
