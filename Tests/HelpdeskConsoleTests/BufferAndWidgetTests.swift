import Foundation
import HelpdeskConsole
import Testing

struct BufferAndWidgetTests {
    init() { TextWidth.adoptLocale("C.UTF-8") }

    @Test func hostileTextNeverReachesACellAsAControlCharacter() {
        var buffer = Buffer(width: 40, height: 1)
        buffer.put("A\u{1B}]0;title\u{07}\u{1B}[2J\u{9B}B\u{202E}", x: 0, y: 0)
        #expect(buffer.lines == [TextWidth.fit("A^[]0;title^G^[[2J<U+9B>B<U+202E>", to: 40)])
        #expect(buffer.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) } })
    }

    @Test func wideCharactersTakeTwoColumnsAndAreNeverSplit() {
        var buffer = Buffer(width: 7, height: 2)
        buffer.put("日本語です", x: 0, y: 0)
        buffer.put("ab日本", x: 0, y: 1, width: 5)
        #expect(buffer.lines == ["日本語", "ab日 "].map { $0 + String(repeating: " ", count: 7 - TextWidth.of($0)) })
        #expect(TextWidth.truncate("日本語のチケット", to: 7) == "日本語…")
        #expect(TextWidth.of(TextWidth.truncate("日本語のチケット", to: 8)) <= 8)
        #expect(TextWidth.truncate("plain text here", to: 6) == "plain…")
        #expect(TextWidth.of("🎫") == 2)
    }

    @Test func layoutSplitsWithoutOverflow() {
        let area = Rect(x: 0, y: 0, width: 100, height: 10)
        let parts = Layout.split(area, .horizontal, [.length(20), .fill, .percentage(30)])
        #expect(parts.map(\.width) == [20, 50, 30])
        let tight = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .horizontal, [.length(8), .length(8), .fill])
        #expect(tight.map(\.width) == [8, 2, 0])
    }

    @Test func tableShowsHeaderRowsAndSelection() {
        var buffer = Buffer(width: 24, height: 4)
        TableView(
            columns: [.init("ID", .length(3)), .init("NAME", .fill)],
            rows: [.init(["1", "Alpha"]), .init(["2", "Beta"]), .init(["3", "A name far too long"])],
            selected: 1, headerStyle: Style(attributes: .bold), selectionStyle: Style(attributes: .reversed)
        ).render(buffer.area, into: &buffer)
        #expect(buffer.lines == [
            "ID  NAME                ",
            "1   Alpha               ",
            "2   Beta                ",
            "3   A name far too long ",
        ])
        #expect(buffer[5, 2].style.attributes.contains(.reversed))
        #expect(!buffer[5, 1].style.attributes.contains(.reversed))
    }

    @Test func wrappingKeepsWordsAndBreaksLongOnes() {
        #expect(TextWrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
    }

    @Test func editorInsertsJoinsAndSplitsLines() {
        var editor = TextEditor("")
        for key: Key in [.char("h"), .char("i"), .enter, .char("x"), .backspace, .backspace] { _ = editor.handle(key) }
        #expect(editor.text == "hi")
        _ = editor.handle(.left)
        _ = editor.handle(.enter)
        #expect(editor.lines.map(\.text) == ["h", "i"])
    }

    @Test func diffListsOnlyChangedCells() {
        var first = Buffer(width: 10, height: 3)
        first.put("hello", x: 0, y: 0)
        var second = first
        second.put("j", x: 0, y: 0)
        #expect(second.changes(since: first).count == 1)
        #expect(first.changes(since: nil).count == 30)
    }
}

struct ChartTests {
    @Test func sparklinesScaleToTheLargestValue() {
        #expect(Sparkline(values: [0, 1, 2, 4, 8]).text(width: 5) == " ▁▂▄█")
        #expect(Sparkline(values: [1, 2, 3, 4, 5, 6], ascii: true).text(width: 3) == "=##")
    }

    @Test func barsHaveEighthBlockPrecisionAndAnASCIIFallback() {
        #expect(Bar(value: 50, maximum: 100).text(width: 10) == "█████")
        #expect(Bar(value: 51, maximum: 100).text(width: 10) == "█████▏")
        #expect(Bar(value: 100, maximum: 100, ascii: true).text(width: 4) == "####")
        #expect(Bar(value: 1, maximum: 0).text(width: 4) == "")
    }
}

struct LoopTests {
    /// The real loop over the test backend, on a thread of its own as on a terminal; each job runs to
    /// its end before the loop reads the next event (as if the user typed slowly), so the run is
    /// deterministic.
    @Test func theEventLoopDrawsOnTheTestBackendAndQuits() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire")
        let controller = ConsoleController(
            service: fx.service, config: ConsoleFixture.config(), scheduler: WaitingScheduler(), inbox: Inbox(),
            width: 100, height: 30, user: fx.alice, followsChanges: false)
        let backend = TestBackend(width: 100, height: 30)
        backend.events = [.key(.char("r")), .key(.ctrl("o")), .key(.ctrl("s")), .key(.char("q"))]
        backend.externalEditor = { _ in "Written in my editor\n" }
        // The loop thread has the controller and the backend to itself until it resumes the test.
        let handedOver = HandedOver((controller, backend))
        let steps = await withCheckedContinuation { (finished: CheckedContinuation<Int, Never>) in
            let loop = Thread {
                let (controller, backend) = handedOver.value
                var steps = 0
                ConsoleLoop.run(controller, on: backend) {
                    steps += 1
                    return steps > 50
                }
                finished.resume(returning: steps)
            }
            loop.start()
        }
        #expect(steps < 50, "q quit the loop")
        #expect(backend.frames.count >= 4)
        #expect(backend.lines.joined().contains("Reply sent on TICK-20261129-0001"))
        #expect(try await fx.service.comments(number: "TICK-20261129-0001", by: fx.alice).map(\.comment.body) == ["Written in my editor"])
    }
}

/// Runs each job on the cooperative pool and waits for it on the scheduling thread: only for a loop
/// on a thread of its own (never a pool thread, which waiting could starve).
final class WaitingScheduler: WorkScheduler {
    func schedule(supersedes key: String?, _ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}

/// Values handed to another thread that uses them alone until it signals back.
final class HandedOver<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
