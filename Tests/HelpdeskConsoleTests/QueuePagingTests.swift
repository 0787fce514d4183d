import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

/// The queue holds a window of pages, not the whole list; walking it down and back up must still
/// visit every ticket once, in order, while the rows held stay bounded.
@Suite struct QueuePagingTests {
    @Test func walkingALongQueueDownAndBackUpVisitsEveryTicketInOrder() async throws {
        let fx = try await ConsoleFixture()
        for index in 0..<300 {
            try await fx.file("Long queue ticket \(index)", priority: ["low", "medium", "high", "urgent"][index % 4], assignTo: nil)
        }
        var everything = TicketQuery()
        everything.limit = 500
        let expected = try await fx.service.listTickets(everything, by: fx.admin).tickets.map(\.ticket.number)
        #expect(expected.count == 300)

        var config = ConsoleFixture.config()
        config.views = [SavedView(name: "All", query: TicketQuery())]
        let console = await fx.console(as: fx.admin, config: config)
        console.controller.rowLimit = 120
        await console.press("1")
        var held = 0
        /// The selected ticket before each press of `key`, and after the last.
        func walk(_ key: String) async -> [String] {
            var visited: [String] = []
            for _ in 0..<299 {
                visited.append(console.controller.state.selectedTicket?.ticket.number ?? "")
                await console.press(key)
                held = max(held, console.controller.state.rows.count)
            }
            return visited + [console.controller.state.selectedTicket?.ticket.number ?? ""]
        }
        let down = await walk("j")
        #expect(down.count == expected.count)
        #expect(down.indices.first { down[$0] != expected[$0] } == nil, "first row out of order walking down")
        let up = await walk("k")
        let reversed = Array(expected.reversed())
        #expect(up.indices.first { up[$0] != reversed[$0] } == nil, "first row out of order walking up")
        // Never more than the limit and the page being brought in (60 rows at this height).
        #expect(held <= 120 + 60)
        #expect(held >= 120)

        // From far down, `G`-style jumps and `gg` still reach the ends of the whole list.
        for _ in 0..<30 { await console.press("pagedown") }
        await console.press("g", "g")
        #expect(console.controller.state.selectedTicket?.ticket.number == expected.first)
        #expect(console.screen.contains(expected[0]))
    }

    /// A terminal taller than 250 rows asks for no more than a list may hold, and loads its queue.
    @Test func aVeryTallTerminalStillLoadsTheQueue() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Seen on a tall terminal")
        let console = await fx.console(as: fx.alice, width: 120, height: 300)
        #expect(console.screen.contains("Seen on a tall terminal"))
        #expect(!console.screen.contains("limit must be"))
    }
}
