import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// The cursor is engine-neutral: typed keys, opaque text, and nothing but a cursor of the list's own
/// sort is accepted.
struct TicketCursorTests {
    @Test(arguments: TicketSort.allCases) func aCursorSurvivesItsTextForm(sort: TicketSort) throws {
        let keys: [TicketCursor.Key] = TicketCursor.keyKinds(for: sort).enumerated().map { index, kind in
            kind == .rank ? .rank(index + 1) : .instant(milliseconds: 1_795_000_000_123 + Int64(index))
        }
        let cursor = TicketCursor(sort: sort, keys: keys, id: 42)
        let text = cursor.encoded()
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"), "base64url without padding: \(text)")
        #expect(try TicketCursor.decode(text, sort: sort) == cursor)
    }

    @Test func forgedAndForeignCursorsAreRefusedOnTheirField() throws {
        let due = TicketCursor(sort: .due, keys: [.instant(milliseconds: 1)], id: 7).encoded()
        expectError(.validation, field: "after") { try TicketCursor.decode(due, sort: .created) }
        expectError(.validation, field: "before") { try TicketCursor.decode(due, sort: .priority, field: "before") }
        func base64url(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        let forgeries: [(String, TicketSort)] = [
            ("", .due), ("not base64 at all!", .due), (base64url("due|r1|7"), .due), (base64url("due|t1"), .due),
            (base64url("due|t1|7|8"), .due), (base64url("priority|t1|r1|7"), .priority), (base64url("due|tx|7"), .due),
            (base64url("due|t1|seven"), .due), (String(repeating: "A", count: 513), .due),
            // Well formed but out of range: times past 9999 or before 1970 (once a crash), ranks, ids.
            (base64url("due|t9223372036854775807|1"), .due), (base64url("updated|t-9223372036854775808|1"), .updated),
            (base64url("created|t253402300800000|1"), .created), (base64url("due|t-1|32"), .due),
            (base64url("priority|r-1|t1|1"), .priority), (base64url("priority|r100|t1|1"), .priority),
            (base64url("due|t1|0"), .due), (base64url("due|t1|-5"), .due),
        ]
        for (forged, sort) in forgeries {
            expectError(.validation, field: "after", "\(forged)") { try TicketCursor.decode(forged, sort: sort) }
        }
    }
}
