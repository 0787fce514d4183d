import HelpdeskCore

/// The selected ticket: fields, both SLA clocks, then the thread oldest first. Internal notes are
/// marked `internal` in words and styled apart.
struct DetailView {
    let state: ConsoleState
    let theme: Theme
    let glyphs: Glyphs

    func lines(width: Int) -> [(String, Style)] {
        guard let listing = state.detail else { return [] }
        let t = listing.ticket
        let readings = SLAPolicy.readings(for: t, at: state.now)
        let zone = state.zone
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style = .plain) {
            for line in TextWrap.lines(DisplayText.sanitize(text, keepNewlines: true), width: width) { lines.append((line, style)) }
        }
        add(t.subject, theme.style("ui.title"))
        add("\(t.status.label) · \(t.priority.rawValue) priority · \(DisplayText.category(t.category)) · v\(t.version)", theme.style("thread.meta"))
        add("Requester: \(listing.requester.name) <\(listing.requester.email)>")
        // A ticket staff filed for an unregistered address belongs to the filer; the address the
        // customer is reached at, and who filed it for them, are shown whenever they differ.
        if t.customerEmail != listing.requester.email { add("Contact: <\(t.customerEmail)>") }
        if listing.submitter.id != listing.requester.id { add("Filed by: \(listing.submitter.name) <\(listing.submitter.email)>") }
        add("Assignee: \(listing.assignee.map { "\($0.name) <\($0.email)>" } ?? "nobody")")
        add("Created \(Formatting.time(t.createdAt, in: zone)) · updated \(Formatting.time(t.updatedAt, in: zone))", theme.style("thread.meta"))
        add(Formatting.clock("First response", readings.firstResponse, in: zone), theme.style(scope(readings.firstResponse)))
        add(Formatting.clock("Resolution", readings.resolution, in: zone), theme.style(scope(readings.resolution)))
        lines.append((String(repeating: glyphs.horizontal, count: width), theme.style("ui.border")))
        add(t.description)
        for view in state.comments {
            lines.append(("", .plain))
            let c = view.comment
            let style = c.isInternal ? theme.style("thread.internal") : theme.style("thread.author")
            add("\(view.author.name) (\(view.author.role.rawValue)) · \(Formatting.time(c.createdAt, in: zone))" + (c.isInternal ? " · internal" : ""), style)
            let mark = c.isInternal ? glyphs.internalMark + " " : "  "
            for line in TextWrap.lines(DisplayText.sanitize(c.body, keepNewlines: true), width: max(1, width - 2)) {
                lines.append((mark + line, c.isInternal ? theme.style("thread.internal") : .plain))
            }
        }
        return lines
    }

    func scope(_ reading: SLAClockReading) -> String {
        reading.isPaused && !reading.isFinished ? "sla.paused" : "sla.\(reading.state.rawValue)"
    }

    func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        var title = state.detail?.ticket.number ?? "Ticket"
        if let number = state.detail?.ticket.number, !state.rows.contains(where: { $0.ticket.number == number }) {
            // Kept open after a change moved it out of the list (the next key still acts on it).
            title += " (not in this view)"
        }
        let inner = Block(title: title, style: theme.style(focused ? "ui.border.focus" : "ui.border"), titleStyle: theme.style("ticket.number"))
            .render(area, into: &buffer, glyphs: glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        guard state.detail != nil else {
            buffer.put(state.rows.isEmpty ? "" : "Loading…", x: inner.x, y: inner.y, width: inner.width, style: theme.style("ui.hint"))
            return
        }
        let all = lines(width: inner.width)
        let top = min(state.detailScroll, max(0, all.count - inner.height))
        for (index, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            buffer.put(line.0, x: inner.x, y: inner.y + index, width: inner.width, style: line.1)
        }
    }
}
