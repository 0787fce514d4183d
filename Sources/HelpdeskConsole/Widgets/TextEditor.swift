/// A multi-line text editor's state: lines and a cursor (row, column in characters).
public struct TextEditor: Sendable, Equatable {
    public var lines: [String]
    public var row = 0
    public var column = 0

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.isEmpty { lines = [""] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.joined(separator: "\n") }

    private func index(_ line: String, _ column: Int) -> String.Index {
        line.index(line.startIndex, offsetBy: min(column, line.count))
    }

    /// Handles the editing keys; false when the key is not one of them.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            lines[row].insert(c, at: index(lines[row], column))
            column += 1
        case .enter:
            let rest = String(lines[row][index(lines[row], column)...])
            lines[row] = String(lines[row][..<index(lines[row], column)])
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                lines[row].remove(at: index(lines[row], column - 1))
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines.remove(at: row)
                row -= 1
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .up:
            if row > 0 { row -= 1; column = min(column, lines[row].count) }
        case .down:
            if row < lines.count - 1 { row += 1; column = min(column, lines[row].count) }
        case .home: column = 0
        case .end: column = lines[row].count
        default: return false
        }
        return true
    }

    /// Draws the visible lines (scrolled to keep the cursor in view); returns the cursor position.
    @discardableResult
    public func render(_ area: Rect, into buffer: inout Buffer, style: Style) -> (x: Int, y: Int) {
        buffer.fill(area, style: style)
        let top = max(0, row - area.height + 1)
        for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            buffer.put(line, x: area.x, y: area.y + offset, width: area.width, style: style)
        }
        let before = String(lines[row].prefix(column))
        return (min(area.right - 1, area.x + TextWidth.of(before)), area.y + row - top)
    }
}
