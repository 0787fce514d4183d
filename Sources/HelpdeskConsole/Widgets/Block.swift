/// A bordered box with a title; returns the inner area for content.
public struct Block {
    public var title: String
    public var style: Style
    public var titleStyle: Style

    public init(title: String = "", style: Style = .plain, titleStyle: Style = .plain) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    @discardableResult
    public func render(_ area: Rect, into buffer: inout Buffer, glyphs: Glyphs) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let inner = String(repeating: glyphs.horizontal, count: area.width - 2)
        buffer.put(glyphs.topLeft + inner + glyphs.topRight, x: area.x, y: area.y, style: style)
        for y in (area.y + 1)..<(area.bottom - 1) {
            buffer.put(glyphs.vertical, x: area.x, y: y, style: style)
            buffer.put(glyphs.vertical, x: area.right - 1, y: y, style: style)
        }
        buffer.put(glyphs.bottomLeft + inner + glyphs.bottomRight, x: area.x, y: area.bottom - 1, style: style)
        if !title.isEmpty, area.width > 4 {
            buffer.put(" " + TextWidth.truncate(title, to: area.width - 4) + " ", x: area.x + 1, y: area.y, style: titleStyle)
        }
        return area.inset(1)
    }
}
