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

    /// Automatic assignment picks only what the core allows: an active agent, never an admin or a
    /// deactivated agent, however idle.
    @Test func automaticAssignmentPicksOnlyActiveAgents() async throws {
        let fx = try await StoreFixture()
        let busy = try await fx.file("Busy agent's ticket")
        _ = try await fx.service.assign(number: busy, to: "bob@x.test", by: fx.admin)
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        let number = try await fx.file()
        #expect(try await fx.service.assign(number: number, to: nil, by: fx.admin).assignee?.email == "bob@x.test")
        _ = try await fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        let other = try await fx.file("Nobody to take it")
        let error = await #expect(throws: HelpdeskError.self) { try await fx.service.assign(number: other, to: nil, by: fx.admin) }
        #expect(error?.code == .validation)
        #expect(error?.fieldErrors["assignee"] != nil)
    }
}
