/// One terminal cell: a grapheme and its style. A wide glyph occupies its cell and marks the next
/// one as a continuation (empty symbol) so that both belong to it.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell("")

    public var isContinuation: Bool { symbol.isEmpty }
}
