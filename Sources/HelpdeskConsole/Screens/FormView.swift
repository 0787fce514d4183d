import HelpdeskCore

/// A form in a centred box: each field on its row with its label, its error beside it.
struct FormView {
    let form: FormState
    let theme: Theme
    let glyphs: Glyphs

    static let labelWidth = 13
    static let editorRows = 6

    func height(of field: FormState.Field) -> Int {
        if case .multiline = field { return Self.editorRows }
        return 1
    }

    /// Draws the form and returns where the cursor goes.
    @discardableResult
    func render(into buffer: inout Buffer, area: Rect) -> (x: Int, y: Int)? {
        let rows = form.fields.reduce(0) { $0 + height(of: $1.field) + 1 } + 1
        let box = area.centered(width: min(area.width, 78), height: min(area.height, rows + 2))
        buffer.fill(box, style: theme.style("ui.menu"))
        let inner = Block(title: form.title, style: theme.style("ui.border.focus"), titleStyle: theme.style("ui.title"))
            .render(box, into: &buffer, glyphs: glyphs)
        var y = inner.y
        var cursor: (x: Int, y: Int)?
        let fieldX = inner.x + Self.labelWidth, fieldWidth = max(1, inner.width - Self.labelWidth - 1)
        for (index, entry) in form.fields.enumerated() {
            guard y < inner.bottom else { break }
            let focused = index == form.focus
            buffer.put(entry.label, x: inner.x + 1, y: y, style: theme.style(focused ? "ui.title" : "ui.hint"))
            switch entry.field {
            case .text(let field):
                let x = field.render(x: fieldX, y: y, width: fieldWidth, into: &buffer, style: theme.style("ui.input"))
                if focused { cursor = (x, y) }
            case .multiline(let editor):
                let area = Rect(x: fieldX, y: y, width: fieldWidth, height: min(Self.editorRows, inner.bottom - y))
                let position = editor.render(area, into: &buffer, style: theme.style("ui.input"))
                if focused { cursor = position }
            case .picker(let options, let selected):
                let left = glyphs == .ascii ? "<" : "◀", right = glyphs == .ascii ? ">" : "▶"
                let value = options.indices.contains(selected) ? (TicketCategory(rawValue: options[selected]).map(DisplayText.category) ?? options[selected]) : ""
                buffer.put("\(left) \(value) \(right)", x: fieldX, y: y, style: theme.style(focused ? "ui.selection" : "ui.input"))
            }
            y += height(of: entry.field)
            if let error = form.errors[entry.name], y < inner.bottom {
                buffer.put(error, x: fieldX, y: y, width: fieldWidth, style: theme.style("ui.message.error"))
            }
            y += 1
        }
        if form.busy, y < inner.bottom { buffer.put("Sending…", x: inner.x + 1, y: y, style: theme.style("ui.hint")) }
        return cursor
    }
}
