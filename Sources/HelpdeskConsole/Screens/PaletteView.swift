import HelpdeskCore

/// The `:` palette: a query line and the matching commands with their keys.
struct PaletteView {
    let state: PaletteState
    let role: Role?
    let keyMap: KeyMap
    let theme: Theme
    let glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        let matches = CommandTable.matches(state.field.text, context: state.context, role: role)
        let box = Rect(x: area.x + max(0, (area.width - 64) / 2), y: area.y + 1, width: min(64, area.width), height: min(area.height - 1, matches.count + 4))
        buffer.fill(box, style: theme.style("ui.menu"))
        let inner = Block(title: "Command", style: theme.style("ui.border.focus"), titleStyle: theme.style("ui.title"))
            .render(box, into: &buffer, glyphs: glyphs)
        guard inner.height > 0 else { return }
        let used = buffer.put(": ", x: inner.x, y: inner.y, style: theme.style("ui.title"))
        state.field.render(x: inner.x + used, y: inner.y, width: max(1, inner.width - used), into: &buffer, style: theme.style("ui.input"))
        let visible = max(0, inner.height - 1)
        let top = TableView.offset(keeping: state.selected, visible: visible, from: 0)
        for (row, index) in (top..<min(matches.count, top + visible)).enumerated() {
            let command = matches[index]
            let y = inner.y + 1 + row
            let key = keyMap.keys(for: command.name, in: state.context).first ?? keyMap.keys(for: command.name, in: .global).first ?? ""
            buffer.put(TextWidth.fit(command.description, to: max(1, inner.width - 12)), x: inner.x + 1, y: y)
            buffer.put(key.leftPadded(to: 10), x: inner.right - 10, y: y, style: theme.style("ui.hint.key"))
            if index == state.selected { buffer.paint(inner.row(row + 1), style: theme.style("ui.selection")) }
        }
        MenuView.moreMarks(above: top, below: matches.count - top - visible, box: box, into: &buffer, style: theme.style("ui.border.focus"))
    }
}
