import Foundation
import Testing
import HelpdeskConsole
import HelpdeskCore

/// Issue 11 §4: what the cells hold is what the terminal shows. Text is sanitized before it is
/// measured, and measured with the function the terminal uses, so no row runs past its rectangle.
struct CellTruthTests {
    /// Every row of the grid adds up to the buffer's width: each cell is one column, or two followed by
    /// a continuation cell; no cell is zero-wide or holds a second spacing character.
    func expectConsistentGrid(_ buffer: Buffer, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<buffer.area.height {
            var x = 0
            while x < buffer.area.width {
                let cell = buffer[x, y]
                let widths = cell.isContinuation ? [] : TextWidth.cells(of: Character(cell.symbol)).map(\.width)
                guard widths.count == 1, let width = widths.first else {
                    Issue.record("row \(y), column \(x): cell \(cell.symbol.debugDescription) is not one glyph (\(note))", sourceLocation: sourceLocation)
                    return
                }
                if width == 2 {
                    #expect(x + 1 < buffer.area.width && buffer[x + 1, y].isContinuation, "row \(y), column \(x): \(note)",
                            sourceLocation: sourceLocation)
                }
                x += width
            }
        }
    }

    @Test func invisibleAndJoinedCharactersStayInsideTheirColumn() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Refund" + String(repeating: "\u{200B}", count: 6) + " please, order 5512 was charged twice")
        try await fx.file("Family 👩‍👩‍👧 account cannot log in")
        try await fx.file("Thumbs 👍🏽 and flags 🇫🇷 and ☺️ smile")
        let width = 120
        let console = await fx.console(as: fx.alice, width: width, height: 30)
        let frame = console.controller.render()
        expectConsistentGrid(frame, "the queue")
        // The list's right border and the detail's left border are whole on every row of the panes.
        let layout = ConsoleLayout(width: width, height: 30, focus: .queue)
        for y in (layout.list.y + 1)..<(layout.list.bottom - 1) {
            #expect(frame[layout.list.right - 1, y].symbol == "│", "row \(y): \(frame.lines[y])")
            #expect(frame[layout.detail.x, y].symbol == "│", "row \(y): \(frame.lines[y])")
        }
        #expect(console.screen.contains("Refund<U+200B>"), "the invisible characters are shown as marks")
        #expect(console.screen.contains("Family 👩👩👧 account"), "a joined emoji is drawn as its parts")
    }

    /// For random strings from a hostile alphabet, every widget keeps inside its rectangle: a guard
    /// frame drawn around the rectangle is untouched, and the grid stays consistent.
    @Test(arguments: ["C.UTF-8", "C"]) func randomHostileTextNeverLeavesItsRectangle(locale: String) {
        let seed = TestSeed(default: 0xCE11_5EED)
        print("randomHostileTextNeverLeavesItsRectangle(\(locale)): \(seed)")
        TextWidth.measuringAs(locale: locale) {
            #expect(TextWidth.isUTF8 == (locale != "C"))
            hostileRounds(seed, ascii: locale == "C")
        }
    }

    func hostileRounds(_ seed: TestSeed, ascii: Bool) {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "-", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\t", "\n", "\u{200B}", "\u{200C}",
            "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{FE0F}", "\u{301}", "\u{308}", "\u{20E3}", "\u{1F469}", "\u{1F44D}",
            "\u{1F3FD}", "\u{1F1EB}", "\u{1F1F7}", "\u{6253}", "\u{FF21}", "\u{0E01}", "\u{0E34}", "\u{05D0}", "\u{0627}",
            "\u{202E}", "\u{2066}", "\u{1F600}", "\u{10FFFF}", "\u{E000}",
        ]
        seed.run { random in
            for round in 0..<300 {
                var text = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0...30, using: &random) {
                    text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
                }
                let string = String(text)
                let width = Int.random(in: 1...24, using: &random)
                var buffer = Buffer(width: width + 2, height: 8)
                for y in 0..<8 {
                    buffer.put("#", x: 0, y: y)
                    buffer.put("#", x: width + 1, y: y)
                }
                let inner = Rect(x: 1, y: 0, width: width, height: 8)
                buffer.put(string, x: 1, y: 0, width: width, clip: inner)
                TableView(
                    columns: [.init("A", .length(max(1, width / 2))), .init(string, .fill)],
                    rows: [.init([string, string])], selected: 0, headerStyle: .plain, selectionStyle: .plain
                ).render(Rect(x: 1, y: 1, width: width, height: 2), into: &buffer)
                if width >= 2 {
                    Block(title: string).render(Rect(x: 1, y: 3, width: width, height: 2), into: &buffer, glyphs: .unicode)
                }
                for (offset, line) in TextWrap.lines(string, width: width).prefix(2).enumerated() {
                    #expect(TextWidth.of(line) <= width || line.count == 1, "\(seed), round \(round): wrapped line too wide")
                    buffer.put(line, x: 1, y: 5 + offset, width: width, clip: inner)
                }
                TextField(string).render(x: 1, y: 7, width: width, into: &buffer, style: .plain)
                #expect(TextWidth.of(TextWidth.truncate(string, to: width)) <= width, "\(seed), round \(round)")
                #expect(TextWidth.of(TextWidth.fit(string, to: width)) == width, "\(seed), round \(round)")
                for y in 0..<8 {
                    #expect(buffer[0, y].symbol == "#" && buffer[width + 1, y].symbol == "#", "\(seed), round \(round): \(buffer.lines[y])")
                }
                expectConsistentGrid(buffer, "\(seed), round \(round)")
                if ascii {
                    #expect(buffer.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy(\.isASCII) }, "\(seed), round \(round): only ASCII")
                }
            }
        }
    }

    @Test func wrappingAGlyphWiderThanTheWidthEnds() {
        #expect(TextWrap.lines("打印机", width: 1) == ["打", "印", "机"])
    }
}

/// Issue 12: the console at random clocks across the accepted range draws the queue, the ticket and
/// the dashboard without trapping.
struct RandomClockConsoleTests {
    @Test func theConsoleDrawsAtRandomClocks() async throws {
        let seed = TestSeed(default: 0xC10C_C0DE)
        print("theConsoleDrawsAtRandomClocks: \(seed)")
        let fx = try await ConsoleFixture()
        let range = AcceptedInstants.range
        var random = SplitMix64(seed: seed.value)
        for round in 0..<8 {
            let instant = Double.random(in: range.lowerBound.timeIntervalSince1970...(range.upperBound.timeIntervalSince1970 - 60 * 86400), using: &random)
            fx.now = Date(timeIntervalSince1970: instant.rounded())
            try await fx.file("Filed in round \(round)")
            let console = await fx.console(as: fx.admin, width: 150, height: 30)
            await console.press("1", "ret", "2")
            #expect(console.controller.state.dashboard != nil, "\(seed), round \(round)")
            #expect(console.screen.contains("Dashboard"), "\(seed), round \(round)")
        }
    }
}
