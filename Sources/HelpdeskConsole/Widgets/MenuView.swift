/// A small popup list to choose one item from, centred over its area.
public struct MenuView {
    public var title: String
    public var items: [String]
    public var selected: Int
    public var style: Style
    public var selectionStyle: Style

    public init(title: String, items: [String], selected: Int, style: Style, selectionStyle: Style) {
        self.title = title
        self.items = items
        self.selected = selected
        self.style = style
        self.selectionStyle = selectionStyle
    }

    public func render(_ area: Rect, into buffer: inout Buffer, glyphs: Glyphs) {
        let width = max(TextWidth.of(title) + 6, (items.map { TextWidth.of($0) }.max() ?? 0) + 4)
        let box = area.centered(width: width, height: items.count + 2)
        buffer.fill(box, style: style)
        let inner = Block(title: title, style: style, titleStyle: style.patched(with: Style(attributes: .bold)))
            .render(box, into: &buffer, glyphs: glyphs)
        for (index, item) in items.enumerated() where index < inner.height {
            buffer.put(" " + item, x: inner.x, y: inner.y + index, width: inner.width, style: style)
            if index == selected { buffer.paint(inner.row(index), style: selectionStyle) }
        }
    }
}
