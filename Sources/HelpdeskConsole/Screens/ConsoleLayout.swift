/// Where each pane goes for a terminal size: a pure function of the size, recomputed every frame,
/// so resizing is free. From 150 columns the views, list and detail sit side by side; from 100 the
/// list and detail do; below that the detail stacks under the list. Where the views have no column
/// of their own they take the list's place while focused.
public struct ConsoleLayout: Equatable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var tooSmall: Bool
    public var topBar: Rect
    public var views: Rect?
    public var list: Rect
    public var detail: Rect
    public var message: Rect
    public var hints: Rect

    public init(width: Int, height: Int, focus: Pane) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let rows = Layout.split(screen, .vertical, [.length(1), .fill, .length(1), .length(1)])
        topBar = rows[0]
        message = rows[2]
        hints = rows[3]
        let body = rows[1]
        if width >= 150 {
            let columns = Layout.split(body, .horizontal, [.length(24), .fill, .percentage(38)])
            views = columns[0]
            list = columns[1]
            detail = columns[2]
        } else if width >= 100 {
            let columns = Layout.split(body, .horizontal, [.percentage(60), .fill])
            views = focus == .views ? columns[0] : nil
            list = columns[0]
            detail = columns[1]
        } else {
            let stacked = Layout.split(body, .vertical, [.percentage(height >= 24 ? 50 : 45), .fill])
            views = focus == .views ? stacked[0] : nil
            list = stacked[0]
            detail = stacked[1]
        }
    }

    /// Ticket rows visible in the list (inside its border, under its header).
    public var listRows: Int { max(0, list.height - 3) }
}
