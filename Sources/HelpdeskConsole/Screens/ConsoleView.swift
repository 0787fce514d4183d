import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Draws a frame from the state: a pure function, so every screen is testable on a plain buffer.
struct ConsoleView {
    let state: ConsoleState
    let config: ConsoleConfig
    var theme: Theme { config.theme }
    var glyphs: Glyphs { config.glyphs }

    /// The frame and where the terminal cursor belongs (in a focused text field), drawn in one pass.
    func render() -> (buffer: Buffer, cursor: (x: Int, y: Int)?) {
        var buffer = Buffer(width: state.width, height: state.height)
        let layout = ConsoleLayout(width: state.width, height: state.height, focus: state.focus)
        if layout.tooSmall {
            let notice = "Terminal too small: \(state.width)x\(state.height), need \(ConsoleLayout.minimumWidth)x\(ConsoleLayout.minimumHeight)"
            for (index, line) in TextWrap.lines(notice, width: max(1, state.width)).enumerated() {
                buffer.put(line, x: 0, y: index)
            }
            return (buffer, nil)
        }
        guard let user = state.user else {
            var cursor: (x: Int, y: Int)? = LoginView(state: state.login, theme: theme, glyphs: glyphs).render(into: &buffer)
            if case .form(let form)? = state.overlay {
                cursor = FormView(form: form, theme: theme, glyphs: glyphs)
                    .render(into: &buffer, area: Rect(x: 0, y: 0, width: state.width, height: state.height - 1))
                renderMessage(&buffer, layout.message)
            }
            renderHints(&buffer, layout.hints, context: state.overlay == nil ? .login : .form)
            return (buffer, cursor)
        }
        renderTopBar(&buffer, layout.topBar, user: user)
        if state.screen == .dashboard {
            let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
            DashboardView(state: state, theme: theme, glyphs: glyphs).render(into: &buffer, area: body)
        } else if state.screen == .admin {
            let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
            AdminView(state: state, theme: theme, glyphs: glyphs).render(into: &buffer, area: body)
        } else {
            if let views = layout.views { renderViews(&buffer, views) }
            if layout.views == nil || layout.views != layout.list {
                QueueView(state: state, theme: theme, glyphs: glyphs).render(into: &buffer, area: layout.list, focused: state.focus == .queue)
            }
            DetailView(state: state, theme: theme, glyphs: glyphs).render(into: &buffer, area: layout.detail, focused: state.focus == .ticket)
        }
        renderMessage(&buffer, layout.message)
        let cursor = renderOverlay(&buffer, layout)
        if case .prompt(let prompt)? = state.overlay, let error = prompt.error {
            // The prompt covers the message line; why it was refused shows under it, text kept.
            buffer.put(error, x: 0, y: layout.hints.y, width: layout.hints.width, style: theme.style("ui.message.error"))
        } else {
            renderHints(&buffer, layout.hints, context: contextForHints)
        }
        return (buffer, cursor)
    }

    func renderMessage(_ buffer: inout Buffer, _ area: Rect) {
        guard let message = state.message else { return }
        buffer.put(message.text, x: 0, y: area.y, width: area.width, style: theme.style(message.isError ? "ui.message.error" : "ui.message.info"))
    }

    var contextForHints: KeyContext {
        switch state.overlay {
        case .menu?, .help?, .palette?: .menu
        case .form?: .form
        case .editor?: .editor
        case .prompt?: .prompt
        case nil:
            state.screen == .dashboard ? .dashboard
                : state.screen == .admin ? .admin : (state.focus == .views ? .views : (state.focus == .queue ? .queue : .ticket))
        }
    }

    func renderTopBar(_ buffer: inout Buffer, _ area: Rect, user: User) {
        let style = theme.style("ui.statusline")
        buffer.fill(area, style: style)
        let view = state.views.indices.contains(state.viewIndex) ? state.views[state.viewIndex].name : ""
        var text = " Helpdesk · \(user.name) (\(user.role.rawValue)) · "
        if state.screen == .dashboard {
            text += user.role == .admin ? "Dashboard" : "My stats"
        } else if state.screen == .admin {
            text += "Administration"
        } else {
            text += "\(view) · sort: \(state.query.sort.rawValue)"
            if !state.filterSummary.isEmpty { text += " · \(state.filterSummary)" }
        }
        buffer.put(text, x: 0, y: area.y, width: area.width, style: style)
    }

    func renderViews(_ buffer: inout Buffer, _ area: Rect) {
        let focused = state.focus == .views
        let inner = Block(title: "Queues", style: theme.style(focused ? "ui.border.focus" : "ui.border"), titleStyle: theme.style("ui.title"))
            .render(area, into: &buffer, glyphs: glyphs)
        for (index, view) in state.views.enumerated() where index < inner.height {
            let count = state.counts.indices.contains(index) ? state.counts[index].map(String.init) ?? "…" : "…"
            let y = inner.y + index
            let marker = index == state.viewIndex ? glyphs.selected : " "
            buffer.put(marker + TextWidth.fit(view.name, to: max(1, inner.width - 6)), x: inner.x, y: y, width: inner.width)
            buffer.put(String(count.suffix(5)).leftPadded(to: 5), x: inner.right - 5, y: y, style: theme.style("ui.count"))
            if index == state.viewIndex && focused { buffer.paint(inner.row(index), style: theme.style("ui.selection")) }
        }
    }

    /// Draws what floats over the screen; returns the cursor of a text field in it.
    func renderOverlay(_ buffer: inout Buffer, _ layout: ConsoleLayout) -> (x: Int, y: Int)? {
        let screen = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        switch state.overlay {
        case .menu(let menu)?:
            MenuView(title: menu.title, items: menu.items, selected: menu.selected, style: theme.style("ui.menu"),
                     selectionStyle: theme.style("ui.selection")).render(screen, into: &buffer, glyphs: glyphs)
        case .editor(let editor)?:
            // The editor takes the list's place; the ticket being answered stays in view beside or under it.
            let box = layout.list
            buffer.fill(box, style: theme.style("ui.menu"))
            let title = (editor.kind == .reply ? "Reply on " : "Internal note on ") + editor.number
            let inner = Block(title: title, style: theme.style(editor.kind == .note ? "thread.internal" : "ui.border.focus"),
                              titleStyle: theme.style("ui.title")).render(box, into: &buffer, glyphs: glyphs)
            return editor.editor.render(inner, into: &buffer, style: theme.style("ui.menu"))
        case .prompt(let prompt)?:
            let label = prompt.label + ": "
            buffer.fill(layout.message, style: .plain)
            let used = buffer.put(label, x: 0, y: layout.message.y, style: theme.style("ui.title"))
            let x = prompt.field.render(x: used, y: layout.message.y, width: max(1, state.width - used), into: &buffer, style: theme.style("ui.input"))
            return (x, layout.message.y)
        case .form(let form)?:
            return FormView(form: form, theme: theme, glyphs: glyphs).render(into: &buffer, area: screen)
        case .palette(let palette)?:
            PaletteView(state: palette, role: state.user?.role, keyMap: config.keyMap, theme: theme, glyphs: glyphs)
                .render(into: &buffer, area: screen)
        case .help(let filter, let context, let scroll)?:
            HelpView(keyMap: config.keyMap, context: context, role: state.user?.role, filter: filter.text, scroll: scroll, theme: theme, glyphs: glyphs)
                .render(into: &buffer, area: screen)
        case nil:
            break
        }
        return nil
    }

    func renderHints(_ buffer: inout Buffer, _ area: Rect, context: KeyContext) {
        var x = area.x
        // The focused context's own commands come first; global ones fill what room is left.
        let shown = CommandTable.all.sorted { ($0.contexts == [.global] ? 1 : 0) < ($1.contexts == [.global] ? 1 : 0) }.filter { command in
            guard command.footer, command.isAvailable(to: state.user?.role) else { return false }
            if command.name == "editor.external" && !config.externalEditorAllowed { return false }
            return command.contexts.contains(context)
                || (command.contexts == [.global] && [.views, .queue, .ticket, .dashboard, .admin].contains(context)
                    && !(command.name == "screen.queue" && [.views, .queue, .ticket].contains(context))
                    && !(command.name == "screen.dashboard" && context == .dashboard)
                    && !(command.name == "screen.admin" && context == .admin))
        }
        for command in shown {
            guard let key = config.keyMap.keys(for: command.name, in: context).first ?? config.keyMap.keys(for: command.name, in: .global).first
            else { continue }
            let label = command.description.split(separator: ";").first.map(String.init) ?? command.description
            let width = TextWidth.of(key) + 1 + TextWidth.of(label) + 2
            if x + width > area.right { continue }
            x += buffer.put(key, x: x, y: area.y, style: theme.style("ui.hint.key"))
            x += buffer.put(" " + label + "  ", x: x, y: area.y, style: theme.style("ui.hint"))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.of(self))) + self
    }
}
