import Foundation
import HelpdeskCore

/// The admin dashboard (an agent's "my stats"): tiles, SLA compliance, volume, backlog, agents. It
/// keeps to 80x24 and gives extra rows to the agent table.
struct DashboardView {
    let state: ConsoleState
    let theme: Theme
    let glyphs: Glyphs

    var ascii: Bool { glyphs == .ascii }

    func render(into buffer: inout Buffer, area: Rect) {
        guard let data = state.dashboard else {
            buffer.put("Loading the dashboard…", x: area.x + 1, y: area.y + 1, style: theme.style("ui.hint"))
            return
        }
        let middleHeight = area.height >= 28 ? 8 : 6
        let rows = Layout.split(area, .vertical, [.length(1), .length(middleHeight), .length(9), .min(3)])
        renderTiles(&buffer, rows[0], data.now)
        let middle = Layout.split(rows[1], .horizontal, [.percentage(50), .fill])
        renderSLA(&buffer, middle[0], data)
        renderVolume(&buffer, middle[1], data.volume)
        let lower = Layout.split(rows[2], .horizontal, [.percentage(50), .fill])
        renderBars(&buffer, lower[0], title: "Backlog by status",
                   items: TicketStatus.allCases.map { ($0.label, data.now.byStatus[$0.rawValue, default: 0]) })
        renderBars(&buffer, lower[1], title: "Open by priority",
                   items: Priority.allCases.reversed().map { ($0.rawValue, data.now.byPriority[$0.rawValue, default: 0]) })
        renderAgents(&buffer, rows[3], data.agents)
    }

    func renderTiles(_ buffer: inout Buffer, _ area: Rect, _ d: DashboardReport) {
        let tiles: [(String, Int, String)] = [
            ("Open", d.open, "ui.title"), ("Unassigned", d.unassigned, d.unassigned > 0 ? "sla.at_risk" : "ui.title"),
            ("Breached", d.breachedNow, d.breachedNow > 0 ? "sla.breached" : "sla.met"),
            ("At risk", d.atRisk, d.atRisk > 0 ? "sla.at_risk" : "sla.met"), ("New today", d.createdToday, "ui.title"),
            ("Resolved today", d.resolvedToday, "ui.title"),
        ]
        var x = area.x + 1
        for (label, value, scope) in tiles {
            let text = "\(label) "
            if x + TextWidth.of(text) + TextWidth.of("\(value)") > area.right { break }
            x += buffer.put(text, x: x, y: area.y, style: theme.style("ui.hint"))
            x += buffer.put("\(value)", x: x, y: area.y, style: theme.style(scope).patched(with: Style(attributes: .bold)))
            x += 2
        }
    }

    func box(_ buffer: inout Buffer, _ area: Rect, _ title: String) -> Rect {
        Block(title: title, style: theme.style("ui.border"), titleStyle: theme.style("ui.title")).render(area, into: &buffer, glyphs: glyphs)
    }

    func renderSLA(_ buffer: inout Buffer, _ area: Rect, _ data: DashboardData) {
        let inner = box(&buffer, area, "SLA compliance")
        guard inner.width > 10 else { return }
        let lines: [(String, SLACompliance)] = [
            ("Response 7d", data.sla7.firstResponse), ("Response 30d", data.sla30.firstResponse),
            ("Resolve 7d", data.sla7.resolution), ("Resolve 30d", data.sla30.resolution),
        ]
        let barWidth = max(0, inner.width - 21)
        for (index, (label, c)) in lines.enumerated() where index < inner.height {
            let y = inner.y + index
            buffer.put(TextWidth.fit(label, to: 13), x: inner.x, y: y)
            let percent = c.compliancePercent.map { String(format: "%5.1f%%", $0) } ?? "    -"
            buffer.put(percent, x: inner.x + 13, y: y, style: theme.style((c.compliancePercent ?? 100) < 90 ? "sla.at_risk" : "sla.pending"))
            buffer.put(Bar(value: c.compliancePercent ?? 0, maximum: 100, ascii: ascii).text(width: barWidth), x: inner.x + 20, y: y,
                       style: theme.style("sla.met"))
        }
        func time(_ seconds: Double?) -> String { seconds.map { DisplayText.duration(seconds: Int($0)) } ?? "-" }
        if inner.height > 4 {
            buffer.put("Response median \(time(data.sla30.firstResponse.medianSeconds)) mean \(time(data.sla30.firstResponse.meanSeconds))",
                       x: inner.x, y: inner.y + 4, width: inner.width, style: theme.style("thread.meta"))
        }
        if inner.height > 5 {
            buffer.put("Resolve median \(time(data.sla30.resolution.medianSeconds)) mean \(time(data.sla30.resolution.meanSeconds))",
                       x: inner.x, y: inner.y + 5, width: inner.width, style: theme.style("thread.meta"))
        }
    }

    func renderVolume(_ buffer: inout Buffer, _ area: Rect, _ days: [VolumeDay]) {
        let inner = box(&buffer, area, "Volume, \(days.first?.date ?? "") to \(days.last?.date ?? "")")
        guard inner.width > 12, inner.height > 0 else { return }
        let width = inner.width - 10
        let created = days.map(\.created), resolved = days.map(\.resolved)
        buffer.put("created", x: inner.x, y: inner.y, style: theme.style("ui.hint"))
        buffer.put(Sparkline(values: created, ascii: ascii).text(width: width), x: inner.x + 10, y: inner.y, style: theme.style("ticket.number"))
        if inner.height > 1 {
            buffer.put("resolved", x: inner.x, y: inner.y + 1, style: theme.style("ui.hint"))
            buffer.put(Sparkline(values: resolved, ascii: ascii).text(width: width), x: inner.x + 10, y: inner.y + 1,
                       style: theme.style("sla.pending"))
        }
        if inner.height > 3 {
            let total = "\(created.reduce(0, +)) created, \(resolved.reduce(0, +)) resolved"
            buffer.put(total, x: inner.x, y: inner.y + 3, width: inner.width, style: theme.style("thread.meta"))
        }
        if inner.height > 4, let today = days.last {
            buffer.put("today \(today.created) created, \(today.resolved) resolved", x: inner.x, y: inner.y + 4, width: inner.width,
                       style: theme.style("thread.meta"))
        }
    }

    func renderBars(_ buffer: inout Buffer, _ area: Rect, title: String, items: [(String, Int)]) {
        let inner = box(&buffer, area, title)
        let top = max(1, items.map(\.1).max() ?? 1)
        for (index, item) in items.enumerated() where index < inner.height {
            let y = inner.y + index
            buffer.put(TextWidth.fit(item.0, to: 12), x: inner.x, y: y)
            buffer.put(String(item.1).leftPadded(to: 6), x: inner.x + 12, y: y, style: theme.style("ui.count"))
            buffer.put(Bar(value: Double(item.1), maximum: Double(top), ascii: ascii).text(width: max(0, inner.width - 20)),
                       x: inner.x + 19, y: y, style: theme.style("ticket.number"))
        }
    }

    func sorted(_ agents: [AgentStats]) -> [AgentStats] {
        switch state.agentSort {
        case .open: agents.sorted { ($0.openAssigned, $1.email) > ($1.openAssigned, $0.email) }
        case .resolved: agents.sorted { ($0.resolvedInPeriod, $1.email) > ($1.resolvedInPeriod, $0.email) }
        case .median: agents.sorted { ($0.medianResolutionSeconds ?? .infinity, $0.email) < ($1.medianResolutionSeconds ?? .infinity, $1.email) }
        case .compliance: agents.sorted { ($0.slaCompliancePercent ?? -1, $1.email) > ($1.slaCompliancePercent ?? -1, $0.email) }
        case .name: agents.sorted { $0.name < $1.name }
        }
    }

    func renderAgents(_ buffer: inout Buffer, _ area: Rect, _ agents: [AgentStats]) {
        let period = state.reportPeriod.map { "\($0.from) to \($0.to)" } ?? "last 30 days"
        let title = (state.user?.role == .admin ? "Agents" : "My stats") + ", \(period) · sort: \(state.agentSort.rawValue)"
        let inner = box(&buffer, area, title)
        let rows = sorted(agents).map { a in
            TableView.Row([
                a.name, "\(a.openAssigned)", "\(a.resolvedInPeriod)",
                a.medianResolutionSeconds.map { DisplayText.duration(seconds: Int($0)) } ?? "-",
                a.slaCompliancePercent.map { String(format: "%.1f%%", $0) } ?? "-",
            ])
        }
        TableView(
            columns: [.init("AGENT", .fill), .init("OPEN", .length(6)), .init("RESOLVED", .length(9)), .init("MEDIAN", .length(8)),
                      .init("SLA MET", .length(8))],
            rows: rows, selected: nil, headerStyle: theme.style("ui.header"), selectionStyle: theme.style("ui.selection")
        ).render(inner, into: &buffer)
        // Agents past the table's height are counted on its border (`x` exports them all).
        let shown = max(0, inner.height - 1)
        if rows.count > shown {
            MenuView.moreMarks(above: 0, below: rows.count - shown, box: area, into: &buffer, style: theme.style("ui.border"))
        }
    }
}
