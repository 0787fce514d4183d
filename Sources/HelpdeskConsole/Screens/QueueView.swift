import HelpdeskCore

/// The ticket list of the active view: number, priority, status, SLA, subject, people, last update.
struct QueueView {
    let state: ConsoleState
    let theme: Theme
    let glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        let view = state.views.indices.contains(state.viewIndex) ? state.views[state.viewIndex].name : "Tickets"
        // The count of the list as shown (search and filter applied), and where the selection is in it.
        var count = state.shownCount.map { " (\(Self.grouped($0)))" } ?? ""
        if let position = state.position, !state.rows.isEmpty { count = " \(Self.grouped(position.row))/\(Self.grouped(position.of))" }
        let inner = Block(title: view + count, style: theme.style(focused ? "ui.border.focus" : "ui.border"), titleStyle: theme.style("ui.title"))
            .render(area, into: &buffer, glyphs: glyphs)
        guard inner.height > 0 else { return }
        if state.rows.isEmpty {
            buffer.put(state.loading ? "Loading…" : "No tickets here.", x: inner.x + 1, y: inner.y + 1, width: inner.width - 1, style: theme.style("ui.hint"))
            return
        }
        if state.user?.role == .customer {
            renderForCustomer(into: &buffer, inner)
            return
        }
        var columns: [TableView.Column] = [
            .init("NUMBER", .length(18)), .init("PRIO", .length(6)), .init("STATUS", .length(11)), .init("SLA", .length(8)),
            .init("SUBJECT", .fill),
        ]
        let wide = inner.width >= 110, medium = inner.width >= 78
        if medium { columns.append(.init("ASSIGNEE", .length(10))) }
        if wide {
            columns.insert(.init("REQUESTER", .length(12)), at: 5)
            columns.append(updatedColumn)
        }
        let rows = state.rows.dropFirst(state.offset).prefix(inner.height - 1).map { listing -> TableView.Row in
            let t = listing.ticket
            let sla = Formatting.sla(t, now: state.now, glyphs: glyphs)
            var cells = [t.number, t.priority.rawValue, t.status.label, sla.text, t.subject]
            var styles: [Style?] = [
                theme.style("ticket.number"), theme.style("ticket.priority.\(t.priority.rawValue)"),
                theme.style("ticket.status.\(t.status.rawValue)"), theme.style(sla.scope), nil,
            ]
            if wide {
                cells.append(listing.requester.name)
                styles.append(nil)
            }
            if medium {
                cells.append(listing.assignee.map { $0.name } ?? "-")
                styles.append(nil)
            }
            if wide {
                cells.append(Formatting.time(t.updatedAt, unlabelledIn: state.zone))
                styles.append(theme.style("thread.meta"))
            }
            return TableView.Row(cells, cellStyles: styles)
        }
        TableView(
            columns: columns, rows: Array(rows), selected: state.selected - state.offset,
            headerStyle: theme.style("ui.header"), selectionStyle: theme.style("ui.selection")
        ).render(inner, into: &buffer)
    }

    /// The last-update column: its times are in the user's zone, named in its header.
    var updatedColumn: TableView.Column {
        let header = "UPDATED " + DisplayZone.label(state.zone, at: state.now)
        return .init(header, .length(max(11, TextWidth.of(header))))
    }

    /// A count with thousands separated (`3,000`), as people read figures.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A customer's own tickets: whether staff replied since they last looked, number, subject,
    /// status in words and last update.
    func renderForCustomer(into buffer: inout Buffer, _ inner: Rect) {
        let rows = state.rows.dropFirst(state.offset).prefix(inner.height - 1).map { listing -> TableView.Row in
            let t = listing.ticket
            return TableView.Row(
                [listing.unread ? glyphs.unread : " ", t.number, t.subject, t.status.label, Formatting.time(t.updatedAt, unlabelledIn: state.zone)],
                style: listing.unread ? Style(attributes: .bold) : .plain,
                cellStyles: [theme.style("ui.message.info"), theme.style("ticket.number"), nil, theme.style("ticket.status.\(t.status.rawValue)"),
                             theme.style("thread.meta")])
        }
        TableView(
            columns: [.init(" ", .length(1)), .init("NUMBER", .length(18)), .init("SUBJECT", .fill), .init("STATUS", .length(11)),
                      updatedColumn],
            rows: Array(rows), selected: state.selected - state.offset,
            headerStyle: theme.style("ui.header"), selectionStyle: theme.style("ui.selection")
        ).render(inner, into: &buffer)
    }
}
