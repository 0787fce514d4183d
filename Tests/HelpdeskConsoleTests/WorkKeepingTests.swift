import Foundation
import Testing
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases

/// Issue 11 §2 and §3: no keystroke loses work, and text is edited as in a terminal editor.
struct WorkKeepingTests {
    func draftsDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-drafts-\(UUID().uuidString)")
    }

    @Test func controlCInTheEditorAsksAndKeepsTheDraftOnDisk() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let directory = draftsDirectory()
        let console = await fx.console(as: fx.alice, drafts: DraftStore(directory: directory))
        await console.press("r")
        await console.type("Half a thought")
        #expect(await console.press("C-c") == .none, "C-c asks instead of quitting")
        #expect(console.screen.contains("Quit? 1 unsent reply or note is kept"))
        let file = directory.appendingPathComponent("\(fx.alice.id)/\(number).reply.txt")
        #expect(try String(contentsOf: file, encoding: .utf8) == "Half a thought")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        await console.press("ret")  // "Stay", the first choice
        #expect(console.screen.contains("Reply on \(number)"), "the editor is back")
        await console.type(", finished")
        await console.press("C-c")
        #expect(await console.press("j", "ret") == .quit)

        // A new session of the same user finds the draft where it was left.
        let next = await fx.console(as: fx.alice, drafts: DraftStore(directory: directory))
        await next.press("r")
        #expect(next.screen.contains("Half a thought, finished"))
        await next.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body) == ["Half a thought, finished"])
        #expect(!FileManager.default.fileExists(atPath: file.path), "a sent draft is removed")
        #expect(await next.press("C-c") == .quit, "nothing unsent: C-c quits at once")
    }

    @Test func theEmacsMapSendsWithControlCTwiceNotOnce() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, config: ConsoleFixture.config(keymap: "emacs"))
        await console.press("r")
        await console.type("Not finished yet")
        await console.press("C-c")
        #expect(try await fx.service.comments(number: number, by: fx.admin).isEmpty, "C-c alone sends nothing")
        #expect(console.screen.contains("Reply on \(number)"))
        await console.press("C-c")
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body) == ["Not finished yet"])
    }

    @Test func escapeNeverQuitsAndBackLeavesTheDashboardFirst() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        #expect(await console.press("s") == .none)
        #expect(await console.press("esc") == .none)
        #expect(await console.press("esc") == .none, "esc on the bare queue does not quit")
        await console.press("2")
        #expect(console.controller.state.screen == .dashboard)
        #expect(await console.press("q") == .none, "q on the dashboard goes back")
        #expect(console.controller.state.screen == .queue)
        let admin = await fx.console(as: fx.admin)
        await admin.press("3")
        #expect(await admin.press("q") == .none)
        #expect(admin.controller.state.screen == .queue)
        #expect(await admin.press("q") == .quit, "q on the bare queue quits")
    }

    @Test func aPasteIsTextWhereTextIsTypedAndIgnoredElsewhere() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        await console.press("/")
        _ = console.controller.handle(.paste("mailbox\nquote: see the earlier mail\n"))
        await console.settle()
        #expect(console.screen.contains("Search: mailbox quote: see the earlier mail"))
        await console.press("esc")
        _ = console.controller.handle(.paste("e\nq\n"))
        await console.settle()
        #expect(console.screen.contains("Pasted text ignored: no text field is open"))
        #expect(console.controller.state.overlay == nil, "no key of the paste ran")
        #expect(try await fx.service.ticket(number: number, by: fx.admin).ticket.subject == "Printer on fire")
        await console.press("r")
        _ = console.controller.handle(.paste("line one\n\tindented\nlast"))
        await console.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body) == ["line one\n\tindented\nlast"])
    }

    @Test func aBadPeriodKeepsThePromptAndItsText() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.admin)
        await console.press("P")
        await console.type("2026-13-01 2026-11-29")
        await console.press("ret")
        #expect(console.screen.contains("Period (YYYY-MM-DD YYYY-MM-DD, empty for 30 days): 2026-13-01 2026-11-29"))
        #expect(console.screen.contains("from"), "the reason is shown")
        await console.type("x")
        #expect(console.screen.contains("2026-11-29x"), "the next keys are text, not commands")
    }

    @Test func theEditorHasReadlineKeysTabsAndDelete() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        await console.press("r")
        await console.type("world")
        await console.press("C-a")
        await console.type("hello ")
        await console.press("C-e", "tab")
        await console.type("x")
        await console.press("left", "left", "del")  // deletes the tab
        await console.press("C-e", "backspace", "C-w")  // "hello worldx", then "hello world", then "hello "
        await console.type("there")
        await console.press("home", "C-k", "C-y", "C-y")
        await console.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body) == ["hello therehello there"])
        #expect(console.controller.state.focus == .queue, "tab did not switch panes")
    }

    @Test func theEditorWrapsLongLinesAndLeavesTheThreadInView() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice, width: 120, height: 30)
        await console.press("r")
        await console.type(String(repeating: "lorem ipsum ", count: 20) + "THE-END")
        #expect(console.screen.contains("THE-END"), "text past the box edge wraps into view")
        #expect(console.screen.contains("Details of: Printer on fire"), "the thread being answered is not covered")
    }

    @Test func registrationShowsEveryErrorAndSubmitsFromTheLastField() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil)
        await console.press("C-n")
        await console.type("eve@x.test\nEve\nshort\nother\n")
        #expect(console.screen.contains("does not match the password"))
        #expect(console.screen.contains("at least"), "the short password is reported too")
        await console.press("C-u")
        await console.type("long-enough-1")
        await console.press("S-tab", "C-u")
        await console.type("long-enough-1")
        await console.press("tab", "ret")
        #expect(console.screen.contains("Welcome, Eve"))
    }

    /// Issue 12: random scalars from a hostile alphabet, edited with every editing key, in the
    /// one-line field and the editor: nothing traps, the cursor stays inside the text, and what was
    /// typed without edits is kept scalar for scalar.
    @Test func randomTextAndEditingKeysNeverTrap() {
        let seed = TestSeed(default: 0x5EED_7E47)
        print("randomTextAndEditingKeysNeverTrap: \(seed)")
        let alphabet: [Unicode.Scalar] = [
            "a", "e", " ", "\u{301}", "\u{308}", "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{1F44D}", "\u{1F3FD}", "\u{1F469}",
            "\u{1F1EB}", "\u{1F1F7}", "\u{6253}", "\u{5370}", "\u{0E01}", "\u{0E34}", "\u{05D0}", "\u{202E}", "\u{1B}", "\u{7}",
            "\t", "\u{FEFF}", "\u{10FFFF}",
        ]
        let keys: [Key] = [
            .backspace, .delete, .left, .right, .home, .end, .up, .down, .enter, .tab, .pageUp, .pageDown, .ctrl("a"),
            .ctrl("e"), .ctrl("k"), .ctrl("u"), .ctrl("w"), .ctrl("y"), .ctrl("d"), .ctrl("b"), .ctrl("f"), .alt("b"), .alt("f"),
        ]
        seed.run { random in
            for _ in 0..<200 {
                var field = TextField()
                var editor = TextEditor()
                var typed = String.UnicodeScalarView()
                var edited = false
                for _ in 0..<Int.random(in: 1...40, using: &random) {
                    if Int.random(in: 0..<3, using: &random) == 0 {
                        let key = keys[Int.random(in: 0..<keys.count, using: &random)]
                        _ = field.handle(key)
                        _ = editor.handle(key)
                        edited = true
                    } else {
                        let scalar = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                        _ = field.handle(.char(Character(scalar)))
                        _ = editor.handle(.char(Character(scalar)))
                        typed.append(scalar)
                    }
                    #expect((0...field.text.count).contains(field.cursor), "\(seed)")
                    #expect((0...editor.lines[editor.row].text.count).contains(editor.column), "\(seed)")
                }
                if !edited {
                    #expect(Array(field.text.unicodeScalars) == Array(typed), "\(seed)")
                    #expect(Array(editor.text.unicodeScalars) == Array(typed), "\(seed)")
                }
                var buffer = Buffer(width: 12, height: 4)
                let x = field.render(x: 0, y: 0, width: 12, into: &buffer, style: .plain)
                #expect((0..<12).contains(x), "\(seed)")
                let cursor = editor.render(Rect(x: 0, y: 1, width: 12, height: 3), into: &buffer, style: .plain)
                #expect((0..<12).contains(cursor.x) && (1..<4).contains(cursor.y), "\(seed)")
            }
        }
    }
}

/// Issue 11 §8 and §10 in the console: a refused reply becomes a new ticket; times follow TZ.
struct CustomerReplyTests {
    @Test func aReplyToALongClosedTicketIsOfferedAsANewTicket() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        _ = try await fx.service.changeStatus(number: number, to: "closed", by: fx.admin)
        fx.now = fx.now.addingTimeInterval(8 * 86400)
        let console = await fx.console(as: fx.dan)
        await console.press("r")
        await console.type("It is on fire again, the same printer.")
        await console.press("C-s")
        #expect(try await fx.service.comments(number: number, by: fx.admin).isEmpty, "nothing was added to the closed ticket")
        #expect(console.screen.contains("can no longer be reopened"))
        #expect(console.screen.contains("Follow-up to \(number)"))
        #expect(console.screen.contains("It is on fire again, the same printer."))
        await console.press("C-s")
        let mine = try await fx.service.listTickets(TicketQuery(), by: fx.dan).tickets
        #expect(mine.contains { $0.ticket.subject == "Follow-up to \(number)" && $0.ticket.description == "It is on fire again, the same printer." })
    }

    @Test func aReplyThatReopensSaysSo() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        _ = try await fx.service.changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.service.changeStatus(number: number, to: "resolved", by: fx.alice)
        let console = await fx.console(as: fx.dan)
        await console.press("ret", "r")
        await console.type("Still broken, sorry.")
        await console.press("C-s")
        #expect(console.screen.contains("Reply sent on \(number); the ticket is reopened"))
    }

    @Test func listTimesFollowTheTZOfTheConfiguration() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        var config = ConsoleFixture.config()
        config.environmentTZ = "Europe/Paris"
        let console = await fx.console(as: fx.alice, width: 230, height: 30, config: config)
        #expect(console.screen.contains("UPDATED UTC+1"))
        #expect(console.screen.contains("11-29 10:00"), "09:00 UTC is 10:00 in Paris")
    }
}

/// Found by attacking the console: sends in flight, menus read in the background, drafts of another
/// helpdesk, a pinned ticket that goes away, pasted line ends.
struct InFlightTests {
    @Test func theEditorHoldsItsTextWhileSendingAndSendsOnce() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        await console.press("i")
        await console.type("first part")
        // C-s, then more keys and a second C-s before the send is confirmed.
        for key: Key in [.ctrl("s"), .char("X"), .ctrl("s")] { _ = console.controller.handle(.key(key)) }
        await console.settle()
        #expect(try await fx.service.comments(number: number, by: fx.admin).map(\.comment.body) == ["first part"])
        #expect(console.controller.state.overlay == nil, "the editor closed on the one send")
    }

    @Test func aMenuReadInTheBackgroundDoesNotReplaceTheEditor() async throws {
        let fx = try await ConsoleFixture()
        let number = try await fx.file("Printer on fire", assignTo: nil)
        let console = await fx.console(as: fx.admin)
        await console.press("1", "h", "j", "j", "j", "j", "l")
        #expect(console.controller.state.selectedTicket?.ticket.number == number)
        _ = console.controller.handle(.key(.char("a")))  // the assign menu reads the agents first
        _ = console.controller.handle(.key(.char("r")))  // meanwhile the reply editor opens
        await console.settle()
        guard case .editor? = console.controller.state.overlay else {
            Issue.record("the reply editor is still open")
            return
        }
    }

    @Test func draftsOfOneHelpdeskNeverOpenInAnother() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-state-\(UUID().uuidString)").path
        let one = DraftStore.standard(environment: ["XDG_STATE_HOME": state], helpdesk: "/srv/one/helpdesk.sqlite")
        let other = DraftStore.standard(environment: ["XDG_STATE_HOME": state], helpdesk: "/srv/other/helpdesk.sqlite")
        let key = DraftKey(number: "TICK-20261121-0002", kind: .reply)
        #expect(one.save("Private to the first helpdesk", for: key, user: 2) == nil)
        #expect(one.load(user: 2) == [key.name: "Private to the first helpdesk"])
        #expect(other.load(user: 2).isEmpty)
        // A user folder widened by hand is made private again at the next save.
        let folder = try #require(one.directory).appendingPathComponent("2")
        chmod(folder.path, 0o755)
        _ = one.save("Again", for: key, user: 2)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func anOpenTicketThatGoesAwayLeavesThePaneInsteadOfFallingBack() async throws {
        let fx = try await ConsoleFixture()
        let mine = try await fx.file("Printer on fire")
        try await fx.file("Scanner jammed")
        let console = await fx.console(as: fx.alice)
        while console.controller.state.selectedTicket?.ticket.number != mine { await console.press("j") }
        await console.press("ret")
        _ = try await fx.otherProcess().assign(number: mine, to: "bob@x.test", by: fx.admin)
        await console.announceChange()
        #expect(console.controller.state.focus == .queue)
        #expect(console.screen.contains("\(mine) is no longer open to you"))
    }

    @Test func pastedLineEndsOfEveryKindAreOneBreak() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        await console.press("r")
        _ = console.controller.handle(.paste("one\r\ntwo\rthree\nfour"))
        guard case .editor(let editor)? = console.controller.state.overlay else {
            Issue.record("the editor is open")
            return
        }
        #expect(editor.editor.text == "one\ntwo\nthree\nfour")
    }

    @Test func aJoinerAfterAPresentationSelectorStillJoins() {
        #expect(DisplayText.sanitize("❤️‍🔥 and 🏳️‍🌈") == "❤🔥 and 🏳🌈")
    }
}

struct PromptKeyTests {
    @Test func tabInAOneLinePromptStaysInThePrompt() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let console = await fx.console(as: fx.alice)
        for prompt in ["/", "#", "e"] {
            await console.press(prompt, "tab")
            #expect(console.controller.state.focus == .queue, "\(prompt)")
            guard case .prompt? = console.controller.state.overlay else {
                Issue.record("the \(prompt) prompt is still open")
                return
            }
            await console.press("esc")
        }
    }
}

struct LongDraftTests {
    /// Only the lines within a screen of the cursor are wrapped; what shows is the same as if all were.
    @Test func aLongDraftShowsTheLinesAroundTheCursor() {
        var editor = TextEditor((1...3000).map { "line \($0) of a long draft" }.joined(separator: "\n"))
        var buffer = Buffer(width: 12, height: 4)
        let end = editor.render(Rect(x: 0, y: 0, width: 12, height: 4), into: &buffer, style: .plain)
        #expect(buffer.lines == ["draft       ", "line 3000   ", "of a long   ", "draft       "])
        #expect(end.y == 3 && end.x == 5)
        for _ in 0..<400 { _ = editor.handle(.pageUp) }
        _ = editor.handle(.home)
        var top = Buffer(width: 12, height: 4)
        let start = editor.render(Rect(x: 0, y: 0, width: 12, height: 4), into: &top, style: .plain)
        #expect(top.lines == ["line 1 of a ", "long draft  ", "line 2 of a ", "long draft  "])
        #expect(start.y == 0 && start.x == 0)
    }
}
