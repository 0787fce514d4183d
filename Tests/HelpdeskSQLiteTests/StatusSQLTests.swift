import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

struct StatusSQLTests {
    /// SQLite uses a partial index only when the query repeats the index's WHERE terms; the queries
    /// build theirs from the core's list of finished statuses, the shipped migration spells it out.
    @Test func theActiveConditionIsTheOneThePartialIndexesUse() async throws {
        let fx = try await StoreFixture()
        let definitions = try await fx.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'tickets_%' AND sql LIKE '%NOT IN%'")
        }
        #expect(definitions.count == 5)
        for definition in definitions {
            #expect(definition.hasSuffix("WHERE deleted_at IS NULL AND \(StatusSQL.active("status"))"), "\(definition)")
        }
        #expect(StatusSQL.finishedList == "('resolved', 'closed')")
    }
}
