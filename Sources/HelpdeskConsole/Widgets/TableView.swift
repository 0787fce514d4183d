/// A table with a header, a selected row and a scroll offset that keeps the selection in view.
public struct TableView {
    public struct Column {
        public var title: String
        public var width: Constraint
        public init(_ title: String, _ width: Constraint) {
            self.title = title
            self.width = width
        }
    }

    public struct Row {
        public var cells: [String]
        /// Style per cell (missing ones use the row style).
        public var cellStyles: [Style?]
        public var style: Style
        public init(_ cells: [String], style: Style = .plain, cellStyles: [Style?] = []) {
            self.cells = cells
            self.style = style
            self.cellStyles = cellStyles
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    public var selected: Int?
    public var headerStyle: Style
    public var selectionStyle: Style

    public init(columns: [Column], rows: [Row], selected: Int?, headerStyle: Style, selectionStyle: Style) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle
    }

    /// The first row to show so that `selected` is visible in `height` rows, starting from `offset`.
    public static func offset(keeping selected: Int?, visible height: Int, from offset: Int) -> Int {
        guard let selected, height > 0 else { return 0 }
        if selected < offset { return selected }
        if selected >= offset + height { return selected - height + 1 }
        return offset
    }

    public func render(_ area: Rect, into buffer: inout Buffer, offset: Int = 0) {
        guard area.height > 0 else { return }
        let withGaps = columns.enumerated().flatMap { index, column in index == 0 ? [column.width] : [.length(1), column.width] }
        let cells = Layout.split(Rect(x: area.x, y: area.y, width: area.width, height: 1), .horizontal, withGaps)
            .enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        for (index, column) in columns.enumerated() {
            buffer.put(TextWidth.truncate(column.title, to: cells[index].width), x: cells[index].x, y: area.y, style: headerStyle)
        }
        buffer.paint(area.row(0), style: headerStyle)
        for line in 1..<area.height {
            let index = offset + line - 1
            guard index < rows.count else { break }
            let row = rows[index]
            let y = area.y + line
            buffer.paint(area.row(line), style: row.style)
            for (column, rect) in cells.enumerated() where column < row.cells.count {
                let style = row.style.patched(with: (column < row.cellStyles.count ? row.cellStyles[column] : nil) ?? .plain)
                buffer.put(TextWidth.truncate(row.cells[column], to: rect.width), x: rect.x, y: y, style: style)
            }
            if index == selected { buffer.paint(area.row(line), style: selectionStyle) }
        }
    }
}
