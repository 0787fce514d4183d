import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

struct CursorSQLTests {
    /// The engine orders each sort by columns of the kinds the engine-neutral cursor carries.
    @Test(arguments: TicketSort.allCases) func everySortsColumnsMatchTheCursorsKeys(sort: TicketSort) {
        let columns = TicketListSQL.keyColumns(for: sort)
        let kinds = TicketCursor.keyKinds(for: sort)
        #expect(columns.count == kinds.count)
        #expect(zip(columns, kinds).allSatisfy { column, kind in (column == "priority_rank") == (kind == .rank) }, "\(columns) \(kinds)")
    }
}
