/// The login form: email, masked password, and the reason the last attempt failed.
struct LoginView {
    let state: LoginState
    let theme: Theme
    let glyphs: Glyphs

    /// Draws the form and returns where the cursor goes.
    @discardableResult
    func render(into buffer: inout Buffer) -> (x: Int, y: Int) {
        let box = buffer.area.centered(width: 50, height: 10)
        let inner = Block(title: "Helpdesk · log in", style: theme.style("ui.border.focus"), titleStyle: theme.style("ui.title"))
            .render(box, into: &buffer, glyphs: glyphs)
        buffer.put("Email", x: inner.x + 1, y: inner.y + 1, style: theme.style(state.focus == 0 ? "ui.title" : "ui.hint"))
        buffer.put("Password", x: inner.x + 1, y: inner.y + 3, style: theme.style(state.focus == 1 ? "ui.title" : "ui.hint"))
        let fieldX = inner.x + 11, fieldWidth = max(1, inner.width - 12)
        let emailCursor = state.email.render(x: fieldX, y: inner.y + 1, width: fieldWidth, into: &buffer, style: theme.style("ui.input"))
        let passwordCursor = state.password.render(x: fieldX, y: inner.y + 3, width: fieldWidth, into: &buffer, style: theme.style("ui.input"))
        if let error = state.error {
            for (index, line) in TextWrap.lines(error, width: max(1, inner.width - 2)).prefix(2).enumerated() {
                buffer.put(line, x: inner.x + 1, y: inner.y + 5 + index, style: theme.style("ui.message.error"))
            }
        } else if state.busy {
            buffer.put("Checking…", x: inner.x + 1, y: inner.y + 5, style: theme.style("ui.hint"))
        }
        if let note = state.note {
            for (index, line) in TextWrap.lines(note, width: max(1, buffer.area.width - box.x - 1)).enumerated() where box.bottom + 1 + index < buffer.area.height - 1 {
                buffer.put(line, x: max(0, box.x), y: box.bottom + 1 + index, style: theme.style("ui.hint"))
            }
        }
        return state.focus == 0 ? (emailCursor, inner.y + 1) : (passwordCursor, inner.y + 3)
    }
}
