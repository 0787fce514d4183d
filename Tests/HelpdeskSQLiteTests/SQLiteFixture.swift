import Foundation
import GRDB
import Testing
@testable import HelpdeskSQLite
import HelpdeskUseCases

extension StoreFixture {
    /// The SQLite engine behind the fixture: these tests are the engine's own, below the ports.
    var sqlite: SQLiteStorage {
        get throws { try #require(storage as? SQLiteStorage, "the SQLite engine's tests run on the SQLite engine") }
    }

    var database: HelpdeskDatabase {
        get throws { try sqlite.database }
    }

    /// A count straight from the file, for invariants of the engine's own tables.
    func count(_ sql: String) async throws -> Int {
        try await database.writer.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }

    /// The use cases with search pages found by `plan`, whatever the planner would choose.
    func service(plan: TicketListSQL.SearchPlan) throws -> Helpdesk {
        Helpdesk(storage: try sqlite.with(searchPlan: plan), clock: service.clock, hasher: StoreFixture.hasher, digest: SHA256Digester())
    }
}
