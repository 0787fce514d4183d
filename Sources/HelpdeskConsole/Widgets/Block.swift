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
        buffer.put(glyphs.topLeft, x: area.x, y: area.y, style: style)
        buffer.putRepeated(glyphs.horizontal, x: area.x + 1, y: area.y, count: area.width - 2, style: style)
        buffer.put(glyphs.topRight, x: area.right - 1, y: area.y, style: style)
        buffer.putRepeated(glyphs.vertical, x: area.x, y: area.y + 1, count: area.height - 2, vertical: true, style: style)
        buffer.putRepeated(glyphs.vertical, x: area.right - 1, y: area.y + 1, count: area.height - 2, vertical: true, style: style)
        buffer.put(glyphs.bottomLeft, x: area.x, y: area.bottom - 1, style: style)
        buffer.putRepeated(glyphs.horizontal, x: area.x + 1, y: area.bottom - 1, count: area.width - 2, style: style)
        buffer.put(glyphs.bottomRight, x: area.right - 1, y: area.bottom - 1, style: style)
        if !title.isEmpty, area.width > 4 {
            buffer.put(" " + TextWidth.truncate(title, to: area.width - 4) + " ", x: area.x + 1, y: area.y, style: titleStyle)
        }
        return area.inset(1)
    }
}
