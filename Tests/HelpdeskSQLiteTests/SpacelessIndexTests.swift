import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// Issue 11 §7, below the ports: how runs of scripts written without spaces reach the FTS5 index.
struct SpacelessIndexTests {
    @Test func runsAreIndexedAsTheirLetterPairsAndOtherTextIsUntouched() {
        #expect(SearchText.indexed("打印机") == " 打印 印机 机 ")
        #expect(SearchText.indexed("Wi-Fi打印机 fails") == "Wi-Fi 打印 印机 机  fails")
        #expect(SearchText.indexed("ที่นี่") == " ทน น ", "Thai marks are left out of the run")
        #expect(SearchText.indexed("a。b") == "a。b", "punctuation of these scripts is no letter")
        let plain = "Café naïve 123 — ünïcode"
        #expect(SearchText.indexed(plain) == plain)
        #expect(SearchText.queryWords("打印机", isPrefix: false) == (["打印", "印机"], false))
        #expect(SearchText.queryWords("打印机 error", isPrefix: false) == (["打印", "印机", "机", "error"], false))
        #expect(SearchText.queryWords("机", isPrefix: false) == (["机"], true), "one letter is a prefix of its pairs")
        #expect(SearchText.queryWords("打印", isPrefix: true) == (["打印"], false), "a * after a run adds nothing")
        #expect(SearchText.queryWords("fi打印", isPrefix: false) == (["fi", "打印"], false))
        #expect(SearchText.queryWords("expo", isPrefix: true) == (["expo"], true))
    }

    /// A database made before the migration holds runs as single tokens; migrating indexes exactly
    /// those rows again, and deleting them afterwards leaves no word behind.
    @Test func migratingIndexesExistingRunsAndDeletesLeaveNothingBehind() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-spaceless-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("old.sqlite").path
        let mine = try #require(Schema.migrations.firstIndex { $0.name.hasSuffix("-substrings-of-spaceless-scripts") })
        let hasher = PBKDF2PasswordHasher(rounds: 1_000)
        let old = Helpdesk(
            storage: SQLiteStorage(database: try HelpdeskDatabase(path: path, migrations: Array(Schema.migrations[..<mine]))),
            clock: FixedTimeSource(Date(timeIntervalSince1970: 1_795_000_000)), hasher: hasher, digest: SHA256Digester())
        let admin = try await old.addUser(email: "admin@x.test", name: "Admin", role: "admin", password: "password1", by: nil)
        let chinese = try await old.createTicket(NewTicketInput(subject: "打印机无法连接网络", description: "Since this morning."), by: admin).ticket.number
        let latin = try await old.createTicket(NewTicketInput(subject: "Printer offline", description: "Since this morning."), by: admin).ticket.number
        _ = try await old.addComment(number: latin, body: "路由器已经重启", isInternal: false, by: admin)

        let database = try HelpdeskDatabase(path: path)
        let new = Helpdesk(storage: SQLiteStorage(database: database), clock: old.clock, hasher: hasher, digest: SHA256Digester())
        func found(_ text: String) async throws -> [String] {
            var query = TicketQuery()
            query.search = text
            return try await new.listTickets(query, by: admin).tickets.map(\.ticket.number)
        }
        #expect(try await found("连接") == [chinese])
        #expect(try await found("路由") == [latin])
        #expect(try await found("offline") == [latin], "rows without such scripts were left as they were")
        func terms() async throws -> Set<String> {
            try await database.writer.read { db in
                Set(try String.fetchAll(db, sql: "SELECT term FROM ticket_fts_terms UNION SELECT term FROM comment_fts_terms"))
            }
        }
        #expect(try await terms().isSuperset(of: ["打印", "网络", "路由", "offline"]))
        #expect(try await !terms().contains("打印机无法连接网络"), "the run's old single token was deleted")

        for number in [chinese, latin] {
            _ = try await new.deleteTicket(number: number, by: admin)
            try await new.purgeTicket(number: number, by: admin)
        }
        #expect(try await terms().isEmpty, "every entry was deleted with the text it was made from")
        let check = try await database.writer.write { db -> Bool in
            try db.execute(sql: "INSERT INTO ticket_fts(ticket_fts) VALUES('integrity-check'); INSERT INTO comment_fts(comment_fts) VALUES('integrity-check')")
            return true
        }
        #expect(check)
    }
}
