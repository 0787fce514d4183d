/// A one-line text input with a cursor; masked fields show bullets.
public struct TextField: Sendable, Equatable {
    public var text: String = ""
    public var cursor: Int = 0
    public var masked: Bool

    public init(_ text: String = "", masked: Bool = false) {
        self.text = text
        self.cursor = text.count
        self.masked = masked
    }

    public mutating func insert(_ character: Character) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(character, at: index)
        cursor += 1
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    public mutating func moveCursor(by delta: Int) {
        cursor = max(0, min(text.count, cursor + delta))
    }

    /// Handles the editing keys; false when the key is not one of them.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace: backspace()
        case .left: moveCursor(by: -1)
        case .right: moveCursor(by: 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    public var displayed: String { masked ? String(repeating: "•", count: text.count) : text }

    /// Draws the field and returns the cursor's column.
    @discardableResult
    public func render(x: Int, y: Int, width: Int, into buffer: inout Buffer, style: Style) -> Int {
        let shown = displayed
        let before = String(shown.prefix(cursor))
        let skip = max(0, TextWidth.of(before) - width + 1)
        var visible = shown
        var dropped = 0
        while dropped < skip, let first = visible.first {
            dropped += TextWidth.of(first)
            visible.removeFirst()
        }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        buffer.put(visible, x: x, y: y, width: width, style: style)
        return x + TextWidth.of(before) - dropped
    }
}
