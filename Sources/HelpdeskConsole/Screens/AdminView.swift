import HelpdeskCore

/// The admin screen: tabs for users, the trash and the settings.
struct AdminView {
    let state: ConsoleState
    let theme: Theme
    let glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        var x = area.x + 1
        for tab in AdminTab.allCases {
            let label = " \(tab.rawValue.capitalized) "
            let style = tab == state.adminTab ? theme.style("ui.selection") : theme.style("ui.hint")
            x += buffer.put(label, x: x, y: area.y, style: style) + 1
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        switch state.adminTab {
        case .users: renderUsers(&buffer, body)
        case .trash: renderTrash(&buffer, body)
        case .settings: renderSettings(&buffer, body)
        }
    }

    func box(_ buffer: inout Buffer, _ area: Rect, _ title: String) -> Rect {
        Block(title: title, style: theme.style("ui.border.focus"), titleStyle: theme.style("ui.title")).render(area, into: &buffer, glyphs: glyphs)
    }

    func renderUsers(_ buffer: inout Buffer, _ area: Rect) {
        let inner = box(&buffer, area, "Users (\(state.admin.users.count))")
        let rows = state.admin.users.map { summary in
            TableView.Row(
                [summary.user.email, summary.user.name, summary.user.role.rawValue, summary.user.isActive ? "active" : "deactivated",
                 "\(summary.openTickets)"],
                style: summary.user.isActive ? .plain : theme.style("ticket.status.closed"))
        }
        let offset = TableView.offset(keeping: state.adminSelected, visible: max(1, inner.height - 1), from: 0)
        TableView(
            columns: [.init("EMAIL", .fill), .init("NAME", .length(18)), .init("ROLE", .length(8)), .init("STATUS", .length(11)),
                      .init("OPEN", .length(5))],
            rows: rows, selected: state.adminSelected, headerStyle: theme.style("ui.header"), selectionStyle: theme.style("ui.selection")
        ).render(inner, into: &buffer, offset: offset)
    }

    func renderTrash(_ buffer: inout Buffer, _ area: Rect) {
        let inner = box(&buffer, area, "Trash (\(state.admin.trash.count))")
        guard !state.admin.trash.isEmpty else {
            buffer.put("The trash is empty.", x: inner.x + 1, y: inner.y + 1, style: theme.style("ui.hint"))
            return
        }
        let rows = state.admin.trash.map { listing in
            TableView.Row([
                listing.ticket.number, listing.ticket.subject, listing.requester.email,
                listing.ticket.deletedAt.map { Formatting.time($0, in: state.zone) } ?? "",
            ])
        }
        let offset = TableView.offset(keeping: state.adminSelected, visible: max(1, inner.height - 1), from: 0)
        TableView(
            columns: [.init("NUMBER", .length(18)), .init("SUBJECT", .fill), .init("REQUESTER", .length(22)), .init("DELETED", .length(11))],
            rows: rows, selected: state.adminSelected, headerStyle: theme.style("ui.header"), selectionStyle: theme.style("ui.selection")
        ).render(inner, into: &buffer, offset: offset)
    }

    func renderSettings(_ buffer: inout Buffer, _ area: Rect) {
        let inner = box(&buffer, area, "Settings")
        let value = state.admin.autoAssign ? "[x] on" : "[ ] off"
        buffer.put("Assign new tickets automatically to the least-loaded agent:", x: inner.x + 1, y: inner.y)
        buffer.put(" \(value) ", x: inner.x + 1, y: inner.y + 1, style: theme.style("ui.selection"))
        buffer.put("space or ret switches it", x: inner.x + 12, y: inner.y + 1, style: theme.style("ui.hint"))
    }
}
