/// Where each pane goes for a terminal size: a pure function of the size, recomputed every frame,
/// so resizing is free. Wide terminals put views, list and detail side by side; 80x24 stacks the
/// detail under the list; narrower ones hide the views behind the top bar.
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
        if width >= 120 {
            let columns = Layout.split(body, .horizontal, [.length(26), .fill, .percentage(40)])
            views = columns[0]
            list = columns[1]
            detail = columns[2]
        } else if width >= 80 && height >= 24 {
            let columns = Layout.split(body, .horizontal, [.length(24), .fill])
            views = columns[0]
            let stacked = Layout.split(columns[1], .vertical, [.percentage(50), .fill])
            list = stacked[0]
            detail = stacked[1]
        } else {
            let stacked = Layout.split(body, .vertical, [.percentage(45), .fill])
            views = focus == .views ? stacked[0] : nil
            list = stacked[0]
            detail = stacked[1]
        }
    }

    /// Ticket rows visible in the list (inside its border, under its header).
    public var listRows: Int { max(0, list.height - 3) }
}
