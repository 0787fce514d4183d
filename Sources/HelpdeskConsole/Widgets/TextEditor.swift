import HelpdeskCore

/// A multi-line text editor's state: lines and a cursor (row, column in grapheme clusters).
///
/// Each line is edited as a `TextField` (so the cursor never splits a grapheme and the readline
/// keys work the same in every text input); the editor adds `ret` (split the line), `tab` (a tab
/// character, kept in the text), up/down/pageup/pagedown by line, `C-k` at the end of a line (join
/// the next one, as Emacs does) and backspace/delete across line ends. Drawn soft-wrapped at the
/// box's width and scrolled to keep the cursor in view.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [TextField]
    public private(set) var row = 0

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextField(String($0)) }
        if lines.isEmpty { lines = [TextField()] }
        row = lines.count - 1
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
    /// The cursor's column on its line, in characters.
    public var column: Int { lines[row].cursor }

    /// Puts `inserted` (which may hold newlines, from a paste) at the cursor.
    public mutating func insert(_ inserted: String) {
        let parts = inserted.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, part) in parts.enumerated() {
            if index > 0 { splitLine() }
            lines[row].insert(part)
        }
    }

    private mutating func splitLine() {
        var head = lines[row]
        let rest = String(head.text.dropFirst(head.cursor))
        head.removeAfterCursor()
        lines[row] = head
        lines.insert(TextField(rest), at: row + 1)
        row += 1
        lines[row].moveCursor(by: -rest.count)
    }

    /// Moves to `target` row, keeping the column where the line allows.
    private mutating func moveRow(to target: Int) {
        let column = lines[row].cursor
        row = max(0, min(lines.count - 1, target))
        lines[row].moveCursor(by: -lines[row].text.count)
        lines[row].moveCursor(by: column)
    }

    /// Handles the editing keys; false when the key is not one of them.
    public mutating func handle(_ key: Key) -> Bool {
        let atStart = lines[row].cursor == 0, atEnd = lines[row].cursor == lines[row].text.count
        switch key {
        case .enter: splitLine()
        case .tab: lines[row].insert("\t")
        case .backspace where atStart && row > 0, .ctrl("h") where atStart && row > 0:
            let removed = lines.remove(at: row)
            row -= 1
            lines[row].moveCursor(by: lines[row].text.count)
            lines[row].insert(removed.text)
            lines[row].moveCursor(by: -removed.text.count)
        case .delete where atEnd && row < lines.count - 1, .ctrl("d") where atEnd && row < lines.count - 1,
            .ctrl("k") where atEnd && row < lines.count - 1:
            let removed = lines.remove(at: row + 1)
            let column = lines[row].cursor
            lines[row].insert(removed.text)
            lines[row].moveCursor(by: column - lines[row].cursor)
        case .left where atStart && row > 0, .ctrl("b") where atStart && row > 0:
            row -= 1
            lines[row].moveCursor(by: lines[row].text.count)
        case .right where atEnd && row < lines.count - 1, .ctrl("f") where atEnd && row < lines.count - 1:
            row += 1
            lines[row].moveCursor(by: -lines[row].text.count)
        case .up, .ctrl("p"): moveRow(to: row - 1)
        case .down, .ctrl("n"): moveRow(to: row + 1)
        case .pageUp: moveRow(to: row - 10)
        case .pageDown: moveRow(to: row + 10)
        default: return lines[row].handle(key)
        }
        return true
    }

    /// The rows line `index` takes when wrapped at `width` columns: (first character, end).
    func visualRows(ofLine index: Int, width: Int) -> [(start: Int, end: Int)] {
        let characters = Array(lines[index].text)
        let widths = characters.map { TextWidth.of(String($0)) }
        var rows: [(start: Int, end: Int)] = []
        var start = 0, used = 0, lastBreak: Int?
        for (offset, w) in widths.enumerated() {
            if used + w > width && offset > start {
                // Break after the last space of the row when there is one, else inside the word.
                let end = lastBreak.map { $0 > start ? $0 : offset } ?? offset
                rows.append((start, end))
                used = widths[end..<offset].reduce(0, +)
                start = end
                lastBreak = nil
            }
            used += w
            if characters[offset] == " " { lastBreak = offset + 1 }
        }
        rows.append((start, widths.count))
        return rows
    }

    /// Draws the lines soft-wrapped, scrolled to keep the cursor in view; returns the cursor position.
    /// Only the lines that can show are wrapped (those within a screen of the cursor), so a long
    /// draft costs no more per key than a short one.
    @discardableResult
    public func render(_ area: Rect, into buffer: inout Buffer, style: Style) -> (x: Int, y: Int) {
        buffer.fill(area, style: style)
        guard area.width > 0, area.height > 0 else { return (area.x, area.y) }
        let cursorColumn = lines[row].cursor
        let cursorLine = visualRows(ofLine: row, width: area.width)
        // The last visual row of the cursor's line that starts at or before the cursor.
        let cursorIndex = cursorLine.lastIndex { $0.start <= cursorColumn } ?? 0
        // Lines above the cursor's, until a screen of rows is above it; lines below, a screen's worth.
        var above: [(line: Int, start: Int, end: Int)] = []
        var first = row
        while first > 0 && above.count + cursorIndex < area.height {
            first -= 1
            above.insert(contentsOf: visualRows(ofLine: first, width: area.width).map { (first, $0.start, $0.end) }, at: 0)
        }
        var rows = above + cursorLine.map { (row, $0.start, $0.end) }
        var last = row
        while last + 1 < lines.count && rows.count < above.count + cursorIndex + area.height {
            last += 1
            rows += visualRows(ofLine: last, width: area.width).map { (last, $0.start, $0.end) }
        }
        let cursorRow = above.count + cursorIndex
        let top = max(0, cursorRow - area.height + 1)
        for (offset, visual) in rows.dropFirst(top).prefix(area.height).enumerated() {
            let characters = Array(lines[visual.line].text)
            buffer.put(String(characters[visual.start..<visual.end]), x: area.x, y: area.y + offset, width: area.width, style: style)
        }
        let visual = rows[cursorRow]
        let before = Array(lines[row].text)[visual.start..<min(cursorColumn, visual.end)]
        let x = TextWidth.of(String(before))
        return (min(area.right - 1, area.x + x), area.y + cursorRow - top)
    }
}
