import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

struct ScreenTests {
    @Test func queueWithSelectionAndDetailAt80x24() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire", priority: "urgent")
        try await fx.file("Invoice total is wrong", priority: "low")
        let console = await fx.console(as: fx.alice, width: 80, height: 24)
        await console.press("j")
        #expect(console.lines == [
            " Helpdesk · Alice Agent (agent) · My open tickets · sort: due                   ",
            "┌ My open tickets 2/2 ─────────────────────────────────────────────────────────┐",
            "│NUMBER             PRIO   STATUS      SLA      SUBJECT              ASSIGNEE  │",
            "│TICK-20261129-0001 urgent assigned    2h00m    Printer on fire      Alice Age…│",
            "│TICK-20261129-0002 low    assigned    1d00h    Invoice total is wr… Alice Age…│",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "┌ TICK-20261129-0002 ──────────────────────────────────────────────────────────┐",
            "│Invoice total is wrong                                                        │",
            "│assigned · low priority · general · v2                                        │",
            "│Requester: Dan Customer <dan@x.test>                                          │",
            "│Assignee: Alice Agent <alice@x.test>                                          │",
            "│Created 11-29 09:00 UTC · updated 11-29 09:00 UTC                             │",
            "│First response: pending, 1d00h left, due 11-30 09:00 UTC                      │",
            "│Resolution: pending, 10d00h left, due 12-09 09:00 UTC                         │",
            "│──────────────────────────────────────────────────────────────────────────────│",
            "│Details of: Invoice total is wrong                                            │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            "                                                                                ",
            "ret Open the ticket  r Reply to the customer  i Add an internal note  / Search  ",
        ])
        let frame = console.controller.render()
        #expect(frame[1, 4].style.attributes.contains(.reversed), "the selected row is in reverse video")
        #expect(!frame[1, 3].style.attributes.contains(.reversed))
    }

    @Test func statusMenuOffersExactlyTheAllowedTransitions() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("s")
        let menu = console.lines.filter { $0.contains("│ ") && ($0.contains(" in progress ") || $0.contains(" closed ")) }
        #expect(menu.count == 2)
        #expect(!console.screen.contains(" waiting ") && !console.screen.contains(" resolved "))
        await console.press("ret")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.status == .inProgress)
        #expect(console.screen.contains("\(number) is now in progress"))
        await console.press("s")
        #expect(console.screen.contains(" waiting "))
        #expect(console.screen.contains(" resolved "))
    }

    @Test func customerMenuOffersOnlyReopenOfTheirResolvedTicket() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        _ = try await fx.service.changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.service.changeStatus(number: number, to: "resolved", by: fx.alice)
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        await console.press("s")
        #expect(console.screen.contains(" reopened "))
        #expect(!console.screen.contains(" closed  "))
        await console.press("esc", "p")
        #expect(console.screen.contains("Only agents and admins change priority"))
        _ = try await fx.service.changeStatus(number: number, to: "closed", by: fx.alice)
        fx.now = fx.now.addingTimeInterval(8 * 86400)
        let late = await fx.console(as: fx.dan, width: 120, height: 30)
        await late.press("s")
        #expect(late.screen.contains("No status change is open to you from closed: A closed ticket can be reopened only within 7 days"))
        #expect(!late.screen.contains("┌ Status of"), "the action is absent")
    }

    @Test func internalNotesAreMarkedForStaffAndAbsentForTheCustomer() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        _ = try await fx.service.addComment(number: number, body: "SECRET-NOTE check the fuser", isInternal: true, by: fx.alice)
        _ = try await fx.service.addComment(number: number, body: "We are on our way", isInternal: false, by: fx.alice)
        let staff = await fx.console(as: fx.alice, width: 120, height: 40)
        // The note's header wraps in the 46-column pane: `internal` may start the next line.
        let header = try #require(staff.lines.firstIndex { $0.contains("Alice Agent (agent) · 11-29 09:00 UTC ·") })
        #expect(staff.lines[header].contains("internal") || staff.lines[header + 1].contains("│internal"))
        #expect(staff.lines.contains { $0.contains("▌ SECRET-NOTE check the fuser") })
        let customer = await fx.console(as: fx.dan, width: 120, height: 40)
        #expect(customer.screen.contains("We are on our way"))
        #expect(!customer.screen.contains("SECRET-NOTE"))
        #expect(!customer.screen.contains("internal"))
        await customer.press("i")
        #expect(customer.screen.contains("Only agents and admins write internal notes"))
    }

    @Test func narrowTerminalsStackThePanesAndTinyOnesShowANotice() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 60, height: 20)
        #expect(!console.screen.contains("Queues"))
        let listTop = console.lines.firstIndex { $0.hasPrefix("┌ My open tickets") }
        let detailTop = console.lines.firstIndex { $0.hasPrefix("┌ TICK-") }
        #expect(listTop != nil && detailTop != nil && listTop! < detailTop!)
        await console.press("tab", "tab")
        #expect(console.screen.contains("┌ Queues"))
        await console.resize(30, 8)
        #expect(console.lines[0].hasPrefix("Terminal too small: 30x8"))
        await console.resize(160, 40)
        #expect(console.lines[1].hasPrefix("┌ Queues"))
        for size in [(1, 1), (40, 10), (79, 23), (200, 60)] {
            await console.resize(size.0, size.1)
            #expect(console.lines.count == size.1)
        }
    }

    @Test func hostileSubjectsAreRenderedHarmless() async throws {
        let fx = try await ConsoleFixture()
        let hostile = "Hi\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mred\u{9B}1;1H\u{202E}txt.exe"
        try await fx.file(hostile)
        let console = await fx.console(as: fx.alice, width: 150, height: 30)
        let frame = console.controller.render()
        #expect(frame.cells.allSatisfy { cell in
            cell.symbol.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0.value != 0x202E }
        })
        #expect(console.screen.contains("Hi^[]0;owned^G^[[2J"))
    }

    @Test func wideCharactersAreTruncatedWithoutSplittingAGlyph() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("日本語の件名がとても長いチケットです、切り詰めが必要です")
        let console = await fx.console(as: fx.alice, width: 80, height: 24)
        let row = try #require(console.lines.first { $0.contains("TICK-20261129-0001") })
        #expect(row.contains("日本語の件名がとて…"))
        for line in console.lines { #expect(TextWidth.of(line) == 80, "\(line)") }
    }

    @Test func replyNoteAndDraftsGoThroughTheEditor() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("r")
        await console.type("Half a thought")
        await console.press("esc")
        #expect(console.screen.contains("Draft of \(number) kept"))
        await console.press("r")
        #expect(console.screen.contains("Half a thought"))
        await console.type(", finished.\nSecond line")
        await console.press("C-s")
        let comments = try await fx.service.comments(number: number, by: fx.admin)
        #expect(comments.map(\.comment.body) == ["Half a thought, finished.\nSecond line"])
        #expect(comments.first?.comment.isInternal == false)
        await console.press("i")
        guard case .editor(let note)? = console.controller.state.overlay else {
            Issue.record("the note editor is open")
            return
        }
        #expect(note.editor.text.isEmpty, "a sent reply leaves no draft behind")
        await console.type("q is typed, not quit")
        await console.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).last?.comment.isInternal == true)
        #expect(try await fx.service.comments(number: number, by: fx.admin).last?.comment.body == "q is typed, not quit")
    }

    @Test func anEmptyReplyIsRefusedAndTheEditorStaysOpen() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("r", "C-s")
        #expect(console.screen.contains("Validation failed (body: must be at least 1 character (got 0)"))
        #expect(console.screen.contains("┌ Reply on TICK-20261129-0001"))
    }

    @Test func searchAndFilterNarrowTheListAndEscClears() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire", priority: "urgent")
        try await fx.file("Invoice total is wrong", priority: "low")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("/")
        await console.type("invoice")
        await console.press("ret")
        #expect(console.screen.contains("search: invoice"))
        #expect(console.screen.contains("Invoice to") && !console.screen.contains("Printer on"))
        await console.press("esc")
        #expect(console.screen.contains("Printer on"))
        await console.press("f")
        let urgentIndex = try #require(console.lines.firstIndex { $0.contains("[ ] priority urgent") })
        let firstItem = try #require(console.lines.firstIndex { $0.contains("[ ] status open") })
        for _ in 0..<(urgentIndex - firstItem) { await console.press("j") }
        await console.press("ret", "esc")
        #expect(console.screen.contains("priority: urgent"))
        #expect(!console.screen.contains("Invoice to"))
    }

    @Test func otherProcessesChangesAppearWhenTheFeedAnnouncesThem() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        let other = try fx.otherProcess()
        _ = try await other.changePriority(number: number, to: "urgent", by: fx.admin)
        _ = try await other.addComment(number: number, body: "Escalated by the admin", isInternal: false, by: fx.admin)
        #expect(!console.screen.contains("Escalated by the admin"))
        await console.announceChange()
        #expect(console.screen.contains("Escalated by the admin"))
        #expect(console.screen.contains("urgent"))
    }

    @Test func aChangeFromAStaleVersionIsRefusedAndReloaded() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("p")
        _ = try await fx.service.changeStatus(number: number, to: "in_progress", by: fx.admin)
        await console.press("ret")
        #expect(console.screen.contains("Not saved: \(number) changed since you opened it (now in progress, version"))
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.priority == .medium)
        #expect(console.screen.contains("in progress"), "the list was reloaded")
    }

    @Test func loginShowsWhyItFailedThenOpensTheQueue() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil, width: 80, height: 24)
        await console.type("alice@x.test")
        await console.press("ret")
        await console.type("wrong-password")
        await console.press("ret")
        #expect(console.screen.contains("Wrong email or password"))
        #expect(!console.screen.contains("wrong-password"), "the password is masked")
        await console.type("password1")
        await console.press("ret")
        #expect(console.screen.contains("Alice Agent (agent)"))
    }

    @Test func aChangeWhileWritingIsReportedBeforeTheReplyGoesOut() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("r")
        await console.type("Have you tried turning it off?")
        let other = try fx.otherProcess()
        _ = try await other.addComment(number: number, body: "The customer says it is fixed now", isInternal: false, by: fx.dan)
        await console.press("C-s")
        #expect(console.screen.contains("Not saved: \(number) changed since you opened it"))
        #expect(console.screen.contains("Have you tried turning it off?"), "the draft is still in the editor")
        #expect(try await fx.service.comments(number: number, by: fx.admin).count == 1, "nothing was sent")
        await console.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body).last == "Have you tried turning it off?")
    }

    @Test func categoryAndSubjectAreEditedInPlace() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 30)
        await console.press("c", "j", "j", "ret")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.category == .technical)
        await console.press("e", "C-u")
        await console.type("Printer is on fire again")
        await console.press("ret")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.subject == "Printer is on fire again")
        await console.press("e", "C-u", "ret")
        #expect(console.screen.contains("subject: must be at least 5 characters"))
    }

    @Test func thePaletteFuzzyFindsCommandsOfTheScreenAndRole() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let agent = await fx.console(as: fx.alice, width: 100, height: 30)
        await agent.press(":")
        #expect(agent.screen.contains("Change priority"))
        #expect(!agent.screen.contains("Assign "), "admins-only commands are not offered to agents")
        await agent.type("chprio")
        let lines = agent.lines.filter { $0.contains("│ ") && $0.contains("  ") }
        #expect(lines.contains { $0.contains("Change priority") && $0.contains(" p│") })
        await agent.press("ret")
        #expect(agent.screen.contains("┌ Priority"))
        #expect(CommandTable.matches("zzzz", context: .queue, role: .agent).isEmpty)
        #expect(CommandTable.matches("assign", context: .queue, role: .admin).first?.name == "ticket.assign")
    }

    @Test func helpListsTheFocusedBindingsAndFilters() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 100, height: 40)
        await console.press("?")
        #expect(console.screen.contains("Reply to the customer") && console.screen.contains("Change status"))
        #expect(!console.screen.contains("Restore from the trash"), "only this screen's and this role's bindings")
        await console.type("prio")
        #expect(console.screen.contains("Change priority"))
        #expect(!console.screen.contains("Reply to the customer"))
        await console.press("esc")
        #expect(!console.screen.contains("Keys matching"))
    }
}
