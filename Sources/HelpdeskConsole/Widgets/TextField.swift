import HelpdeskCore

/// A one-line text input with a cursor; masked fields show bullets.
///
/// The cursor counts grapheme clusters (Swift `Character`s), and every edit recomputes it from the
/// text it produced: a typed combining mark, skin tone or second regional indicator merges into the
/// character before it, so the count of characters does not always grow by one when one is typed.
/// The editing keys are readline's (as bash and most prompts have them): `C-a`/`home`, `C-e`/`end`,
/// `C-b`/`C-f`/arrows, `A-b`/`A-f` by word, `backspace`, `del`/`C-d`, `C-k` (kill to the end),
/// `C-u` (kill to the start), `C-w` (kill the word before), `C-y` (yank the last kill).
public struct TextField: Sendable, Equatable {
    public private(set) var text: String = ""
    /// Characters before the cursor, `0...text.count`.
    public private(set) var cursor: Int = 0
    public var masked: Bool
    /// What the last kill removed, for `C-y`.
    private var killed = ""

    public init(_ text: String = "", masked: Bool = false) {
        self.text = text
        self.cursor = text.count
        self.masked = masked
    }

    /// Puts `inserted` at the cursor and the cursor after it (where the text lets it be).
    public mutating func insert(_ inserted: String) {
        let split = text.index(text.startIndex, offsetBy: cursor, limitedBy: text.endIndex) ?? text.endIndex
        let before = String(text[..<split]) + inserted
        text = before + text[split...]
        cursor = min(before.count, text.count)
    }

    /// Types one character at the cursor (it may merge into the one before it).
    public mutating func insert(_ character: Character) { insert(String(character)) }

    /// Drops what follows the cursor (without keeping it for `C-y`).
    public mutating func removeAfterCursor() { delete(from: cursor, to: text.count) }

    /// Removes the character before the cursor.
    public mutating func backspace() { delete(from: cursor - 1, to: cursor) }

    /// Moves the cursor `delta` characters, kept within the text.
    public mutating func moveCursor(by delta: Int) {
        cursor = max(0, min(text.count, cursor + delta))
    }

    /// Removes the characters in `from..<to` (clamped) and leaves the cursor where they were.
    private mutating func delete(from: Int, to: Int, kill: Bool = false) {
        let lower = max(0, min(from, text.count)), upper = max(lower, min(to, text.count))
        guard lower < upper else { return }
        let start = text.index(text.startIndex, offsetBy: lower), end = text.index(start, offsetBy: upper - lower)
        if kill { killed = String(text[start..<end]) }
        text.removeSubrange(start..<end)
        cursor = min(lower, text.count)
    }

    /// Handles the editing keys; false when the key is not one of them (the caller's to resolve).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): delete(from: cursor, to: cursor + 1)
        case .left, .ctrl("b"): moveCursor(by: -1)
        case .right, .ctrl("f"): moveCursor(by: 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .alt("b"): cursor = WordMotion.previous(in: Array(text), from: cursor)
        case .alt("f"): cursor = WordMotion.next(in: Array(text), from: cursor)
        case .ctrl("k"): delete(from: cursor, to: text.count, kill: true)
        case .ctrl("u"): delete(from: 0, to: cursor, kill: true)
        case .ctrl("w"): delete(from: WordMotion.previous(in: Array(text), from: cursor), to: cursor, kill: true)
        case .ctrl("y"): insert(killed)
        default: return false
        }
        return true
    }

    /// Draws the field and returns the cursor's column.
    @discardableResult
    public func render(x: Int, y: Int, width: Int, into buffer: inout Buffer, style: Style) -> Int {
        let characters = Array(text)
        let widths = characters.map { masked ? 1 : TextWidth.of(String($0)) }
        let before = widths.prefix(cursor).reduce(0, +)
        // Scrolled so that the cursor's column is inside the field.
        var skip = 0, dropped = 0
        while before - dropped > width - 1, skip < characters.count {
            dropped += widths[skip]
            skip += 1
        }
        let visible = characters.dropFirst(skip).map { masked ? "•" : String($0) }.joined()
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        buffer.put(visible, x: x, y: y, width: width, style: style)
        return x + before - dropped
    }
}

/// Word boundaries for `A-b`, `A-f` and `C-w`: a word is a run of letters and digits.
enum WordMotion {
    static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// The start of the word before `index` (skipping what separates them).
    static func previous(in characters: [Character], from index: Int) -> Int {
        var position = max(0, min(index, characters.count))
        while position > 0 && !isWord(characters[position - 1]) { position -= 1 }
        while position > 0 && isWord(characters[position - 1]) { position -= 1 }
        return position
    }

    /// The end of the word at or after `index`.
    static func next(in characters: [Character], from index: Int) -> Int {
        var position = max(0, min(index, characters.count))
        while position < characters.count && !isWord(characters[position]) { position += 1 }
        while position < characters.count && isWord(characters[position]) { position += 1 }
        return position
    }
}
