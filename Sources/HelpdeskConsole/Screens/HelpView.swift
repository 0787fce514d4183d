import HelpdeskCore

/// The `?` overlay: the bindings of the focused context and the global ones, from the command table.
struct HelpView {
    let keyMap: KeyMap
    let context: KeyContext
    let role: Role?
    let filter: String
    /// Rows scrolled past (up/down/pageup/pagedown while help is open).
    var scroll = 0
    let theme: Theme
    let glyphs: Glyphs

    static func entries(_ keyMap: KeyMap, context: KeyContext, role: Role?) -> [(group: String, keys: String, description: String)] {
        [context, .global].flatMap { ctx in
            CommandTable.all.filter { $0.isAvailable(to: role) }.compactMap { command -> (String, String, String)? in
                let keys = keyMap.keys(for: command.name, in: ctx)
                return keys.isEmpty ? nil : (ctx.rawValue, keys.joined(separator: ", "), command.description)
            }
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let needle = filter.lowercased()
        let entries = Self.entries(keyMap, context: context, role: role).filter {
            needle.isEmpty || $0.description.lowercased().contains(needle) || $0.keys.lowercased().contains(needle)
        }
        let box = area.centered(width: min(area.width - 2, 72), height: min(area.height, entries.count + 4))
        buffer.fill(box, style: theme.style("ui.menu"))
        let title = filter.isEmpty ? "Keys · type to filter · esc closes" : "Keys matching \u{201C}\(filter)\u{201D} · esc closes"
        let inner = Block(title: title, style: theme.style("ui.border.focus"), titleStyle: theme.style("ui.title"))
            .render(box, into: &buffer, glyphs: glyphs)
        // Laid out as rows first (group headings and entries), then the visible ones drawn.
        var rows: [(text: String, keys: String?)] = []
        var group = ""
        for entry in entries {
            if entry.group != group {
                group = entry.group
                rows.append((group, nil))
            }
            rows.append((entry.description, entry.keys))
        }
        let top = max(0, min(scroll, rows.count - inner.height))
        for (offset, row) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            if let keys = row.keys {
                buffer.put(TextWidth.fit(keys, to: 16), x: inner.x + 1, y: y, style: theme.style("ui.hint.key"))
                buffer.put(row.text, x: inner.x + 18, y: y, width: inner.width - 18)
            } else {
                buffer.put(row.text, x: inner.x, y: y, style: theme.style("ui.header"))
            }
        }
        MenuView.moreMarks(above: top, below: rows.count - top - inner.height, box: box, into: &buffer, style: theme.style("ui.border.focus"))
    }
}
