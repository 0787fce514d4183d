import Foundation
import GRDB
import HelpdeskCore
import Testing
@testable import HelpdeskStore

struct StatusSQLTests {
    /// SQLite uses a partial index only when the query repeats the index's WHERE terms; the queries
    /// build theirs from the core's list of finished statuses, the shipped migration spells it out.
    @Test func theActiveConditionIsTheOneThePartialIndexesUse() throws {
        let fx = try StoreFixture()
        let definitions = try fx.database.writer.read { db in
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
    @Test func automaticAssignmentPicksOnlyActiveAgents() throws {
        let fx = try StoreFixture()
        let busy = try fx.file("Busy agent's ticket")
        _ = try fx.service.assign(number: busy, to: "bob@x.test", by: fx.admin)
        _ = try fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        let number = try fx.file()
        #expect(try fx.service.assign(number: number, to: nil, by: fx.admin).assignee?.email == "bob@x.test")
        _ = try fx.service.setActive(email: "bob@x.test", active: false, by: fx.admin)
        let other = try fx.file("Nobody to take it")
        let error = #expect(throws: HelpdeskError.self) { try fx.service.assign(number: other, to: nil, by: fx.admin) }
        #expect(error?.code == .validation)
        #expect(error?.fieldErrors["assignee"] != nil)
    }
}
