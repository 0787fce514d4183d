import HelpdeskCore

/// A grid of cells that widgets draw into; a backend shows it. Every string drawn is sanitized
/// here, so no user text can reach the terminal as a control sequence.
public struct Buffer: Sendable, Equatable {
    public let area: Rect
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        area = Rect(x: 0, y: 0, width: width, height: height)
        cells = Array(repeating: .blank, count: area.width * area.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * area.width + x] }
        set { cells[y * area.width + x] = newValue }
    }

    func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < area.width && y < area.height }

    /// Draws text from (x, y), at most `width` columns, clipped to `clip`; returns the columns used.
    /// A wide glyph that would not fit whole is not drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width: Int? = nil, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.bottom, y < area.height else { return 0 }
        let limit = min(bounds.right, width.map { x + $0 } ?? bounds.right, area.width)
        var column = x
        let clean = DisplayText.sanitize(text)
        if TextWidth.isPrintableASCII(clean) {
            // Printable ASCII: one column per byte, no grapheme breaking or width lookups.
            for byte in clean.utf8 {
                if column + 1 > limit { break }
                if column >= bounds.x { self[column, y] = Cell(Self.asciiSymbols[Int(byte)], style: style) }
                column += 1
            }
            return column - x
        }
        drawing: for character in clean {
            for cell in TextWidth.cells(of: character) {
                if column + cell.width > limit { break drawing }
                if column >= bounds.x {
                    self[column, y] = Cell(cell.symbol, style: style)
                    if cell.width == 2 { self[column + 1, y] = Cell(Cell.continuation.symbol, style: style) }
                }
                column += cell.width
            }
        }
        return column - x
    }

    /// Draws one glyph `count` times in a row (or down a column): measured and sanitized once, for
    /// borders and rules, which are most of the cells of a frame.
    public mutating func putRepeated(_ glyph: String, x: Int, y: Int, count: Int, vertical: Bool = false, style: Style = .plain) {
        let clean = DisplayText.sanitize(glyph)
        guard clean.count == 1, let character = clean.first, TextWidth.cells(of: character).map(\.width) == [1] else {
            for step in 0..<count { put(glyph, x: vertical ? x : x + step, y: vertical ? y + step : y, style: style) }
            return
        }
        let cell = Cell(TextWidth.cells(of: character)[0].symbol, style: style)
        for step in 0..<count {
            let (cx, cy) = vertical ? (x, y + step) : (x + step, y)
            if contains(x: cx, y: cy) { self[cx, cy] = cell }
        }
    }

    /// One-character strings for the ASCII range, made once rather than per cell drawn.
    private static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Sets the style of every cell in the rectangle, keeping the symbols.
    public mutating func paint(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(area.height, rect.bottom) {
            for x in max(0, rect.x)..<min(area.width, rect.right) {
                self[x, y].style = self[x, y].style.patched(with: style)
            }
        }
    }

    /// Clears the rectangle to blanks in the given style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(area.height, rect.bottom) {
            for x in max(0, rect.x)..<min(area.width, rect.right) {
                self[x, y] = Cell(" ", style: style)
            }
        }
    }

    /// The screen as text, one string per row (trailing spaces kept): what tests assert.
    public var lines: [String] {
        (0..<area.height).map { y in
            (0..<area.width).reduce(into: "") { line, x in line += self[x, y].symbol }
        }
    }

    /// The cells that differ from `previous` (all of them when the size changed).
    public func changes(since previous: Buffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var result: [(x: Int, y: Int, cell: Cell)] = []
        let same = previous?.area == area
        for y in 0..<area.height {
            for x in 0..<area.width {
                let cell = self[x, y]
                if !same || previous?[x, y] != cell { result.append((x, y, cell)) }
            }
        }
        return result
    }
}
