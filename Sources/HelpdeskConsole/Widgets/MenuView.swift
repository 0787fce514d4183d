/// A small popup list to choose one item from, centred over its area. A list taller than the area
/// scrolls to keep the selection in view, and its border says how many items are above and below.
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
        let box = area.centered(width: min(width, area.width), height: min(items.count + 2, area.height))
        buffer.fill(box, style: style)
        let inner = Block(title: title, style: style, titleStyle: style.patched(with: Style(attributes: .bold)))
            .render(box, into: &buffer, glyphs: glyphs)
        guard inner.height > 0 else { return }
        let top = TableView.offset(keeping: selected, visible: inner.height, from: 0)
        for (row, index) in (top..<min(items.count, top + inner.height)).enumerated() {
            buffer.put(" " + items[index], x: inner.x, y: inner.y + row, width: inner.width, style: style)
            if index == selected { buffer.paint(inner.row(row), style: selectionStyle) }
        }
        Self.moreMarks(above: top, below: items.count - top - inner.height, box: box, into: &buffer, style: style)
    }

    /// `N more` on the top and bottom borders of a scrolled list.
    static func moreMarks(above: Int, below: Int, box: Rect, into buffer: inout Buffer, style: Style) {
        if above > 0 { buffer.put(" \(above) more ", x: box.right - 2 - TextWidth.of(" \(above) more "), y: box.y, style: style) }
        if below > 0 {
            buffer.put(" \(below) more ", x: box.right - 2 - TextWidth.of(" \(below) more "), y: box.bottom - 1, style: style)
        }
    }
}
