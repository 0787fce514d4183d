import Foundation
import Testing
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases

/// Issue 11 §9: lists that tell the truth about what they hold and where the selection is.
struct ListTruthTests {
    @Test func theTitleCountsTheListAsSearched() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        try await fx.file("Scanner jammed")
        try await fx.file("Printer out of toner")
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        #expect(console.screen.contains("My open tickets 1/3"))
        await console.press("/")
        await console.type("scanner")
        await console.press("ret")
        #expect(console.screen.contains("My open tickets 1/1"))
        await console.press("/", "C-e", "C-u")
        await console.type("nothing-matches-this")
        await console.press("ret")
        #expect(console.screen.contains("My open tickets (0)"))
        #expect(console.screen.contains("No tickets here."))
    }

    @Test func bigGoesToTheRealEndAndShowsThePosition() async throws {
        let fx = try await ConsoleFixture()
        for index in 1...130 { try await fx.file("Ticket number \(index) of many", assignTo: "alice@x.test") }
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        #expect(console.controller.state.rows.count < 130, "the console holds a window, not the whole list")
        await console.press("G")
        #expect(console.screen.contains("My open tickets 130/130"))
        let last = try await fx.service.listTickets({ var q = console.controller.state.query; q.limit = 500; return q }(), by: fx.alice)
            .tickets.last?.ticket.number
        #expect(console.controller.state.selectedTicket?.ticket.number == last)
        await console.press("k")
        #expect(console.screen.contains("My open tickets 129/130"))
        // A change elsewhere reloads the window where it is, not from the top.
        await console.announceChange()
        #expect(console.screen.contains("My open tickets 129/130"))
        await console.press("g", "g")
        #expect(console.screen.contains("My open tickets 1/130"))
    }

    @Test func theTicketPaneScrollsBackAtOnceAfterItsEnd() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        for index in 1...40 {
            _ = try await fx.service.addComment(number: number, body: "Update \(index) on the printer", isInternal: false, by: fx.alice)
        }
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        await console.press("ret", "G")
        let bottom = console.controller.state.detailScroll
        #expect(console.screen.contains("Update 40 on the printer"))
        await console.press("k")
        #expect(console.controller.state.detailScroll == bottom - 1, "one line up, at once")
        await console.press("C-u")
        #expect(console.controller.state.detailScroll < bottom - 1)
    }

    @Test func helpAndLongMenusScrollOnASmallTerminal() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.admin, width: 80, height: 24)
        await console.press("1", "?")
        // Help lists the queue's bindings, then the global ones: the last global command is the last row.
        let keyMap = ConsoleFixture.config().keyMap
        let lastEntry = try #require(CommandTable.all.last { !keyMap.keys(for: $0.name, in: .global).isEmpty }?.description)
        #expect(!console.screen.contains(lastEntry))
        #expect(console.screen.contains("more"), "the border says more follows")
        for _ in 0..<60 { await console.press("down") }
        #expect(console.screen.contains(lastEntry))
        await console.press("esc", "f", "k")
        // The filter menu's last item (wrapped to from the first) is in view.
        guard case .menu(let menu)? = console.controller.state.overlay else {
            Issue.record("the filter menu is open")
            return
        }
        #expect(console.screen.contains(try #require(menu.items.last)))
    }

    @Test func aTicketOpensByItsNumberEvenOutsideTheView() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let other = try await fx.file("Scanner jammed", assignTo: "bob@x.test")
        let console = await fx.console(as: fx.admin, width: 120, height: 30)
        await console.press("1", "#")
        await console.type(other.lowercased())
        await console.press("ret")
        #expect(console.controller.state.focus == .ticket)
        #expect(console.controller.state.detail?.ticket.number == other)
        #expect(console.screen.contains("Scanner jammed"))
        await console.press("#")
        await console.type("TICK-20000101-9999")
        await console.press("ret")
        #expect(console.screen.contains("Go to ticket: TICK-20000101-9999"), "a wrong number keeps the prompt")
        #expect(console.screen.contains("not found"))
    }
}

/// Issue 12: a new search (or selection, or reload) supersedes the load it makes useless.
struct SupersedingWorkTests {
    @Test func aSecondSearchDropsTheFirstBeforeItRuns() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        try await fx.file("Scanner jammed")
        let scheduler = ManualScheduler(), inbox = Inbox()
        let controller = ConsoleController(
            service: fx.service, config: ConsoleFixture.config(), scheduler: scheduler, inbox: inbox, width: 120, height: 30,
            user: fx.alice, followsChanges: false)
        for name in ["/", "p", "r", "i", "n", "t", "e", "r", "ret", "/", "C-e", "C-u", "s", "c", "a", "n", "n", "e", "r", "ret"] {
            _ = controller.handle(.key(Key(name: name) ?? .char(" ")))
        }
        await scheduler.runAll()
        controller.applyFinishedWork()
        await scheduler.runAll()
        controller.applyFinishedWork()
        #expect(scheduler.superseded >= 2, "the first page load and the first search never ran")
        #expect(controller.state.rows.map(\.ticket.subject) == ["Scanner jammed"])
    }

    @Test func aRunningJobIsCancelledWhenANewOneOfItsKeyArrives() async {
        let scheduler = BackgroundScheduler()
        let (events, log) = AsyncStream.makeStream(of: String.self)
        let (started, startedLog) = AsyncStream.makeStream(of: Void.self)
        scheduler.schedule(supersedes: "page") {
            startedLog.yield()
            // Works until cancelled, as an interrupted query does.
            while !Task.isCancelled { await Task.yield() }
            log.yield("first cancelled")
        }
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        scheduler.schedule(supersedes: "page") { log.yield("second ran") }
        var seen: [String] = []
        for await event in events {
            seen.append(event)
            if seen.count == 2 { break }
        }
        #expect(seen == ["first cancelled", "second ran"])
    }
}

/// Issue 12: a search the core refuses comes back in its prompt with the reason and the text.
struct RefusedSearchTests {
    @Test func aCostlySearchReturnsToItsPrompt() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        await console.press("/")
        await console.type("a*")
        await console.press("ret")
        #expect(console.screen.contains("Search: a*"), "the prompt is back with the text")
        #expect(console.controller.state.search == nil, "the list is not left filtered by a refused search")
        #expect(console.screen.contains("search"))
        await console.press("C-e", "backspace", "backspace")
        await console.type("printer")
        await console.press("ret")
        #expect(console.screen.contains("My open tickets 1/1"))
    }
}
