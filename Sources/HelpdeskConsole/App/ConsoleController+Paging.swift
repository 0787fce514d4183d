import HelpdeskCore

/// The queue keeps a window of pages, not the whole list: scrolling through a million tickets must
/// not hold a million tickets. Pages past `rowLimit` are let go from the far end, whole, and paged
/// in again by cursor when the selection comes back to them.
extension ConsoleController {
    func place(_ page: TicketPage, _ placement: PagePlacement) {
        let span = PageSpan(count: page.tickets.count, before: page.previousCursor, after: page.nextCursor)
        switch placement {
        case .replace:
            state.rows = page.tickets
            state.pages = [span]
            state.window = .fromStart(0)
        case .end:
            state.rows = page.tickets
            state.pages = [span]
            state.window = .fromEnd(0)
        case .append:
            state.rows += page.tickets
            state.pages.append(span)
            dropPagesAbove()
        case .prepend:
            if case .fromStart(let position) = state.window { state.window = .fromStart(max(0, position - page.tickets.count)) }
            state.rows = page.tickets + state.rows
            state.pages.insert(span, at: 0)
            state.selected += page.tickets.count
            state.offset += page.tickets.count
            dropPagesBelow()
        }
    }

    /// Lets go of whole pages above the visible rows while more than `rowLimit` are held.
    private func dropPagesAbove() {
        while state.rows.count > rowLimit, state.pages.count > 1, let first = state.pages.first,
            state.offset >= first.count, state.selected >= first.count
        {
            state.pages.removeFirst()
            state.rows.removeFirst(first.count)
            if case .fromStart(let position) = state.window { state.window = .fromStart(position + first.count) }
            state.selected -= first.count
            state.offset -= first.count
        }
    }

    /// Lets go of whole pages below the visible rows while more than `rowLimit` are held.
    private func dropPagesBelow() {
        let visible = max(1, ConsoleLayout(width: state.width, height: state.height, focus: state.focus).listRows)
        while state.rows.count > rowLimit, state.pages.count > 1, let last = state.pages.last,
            state.rows.count - last.count >= state.offset + visible, state.rows.count - last.count > state.selected
        {
            state.pages.removeLast()
            state.rows.removeLast(last.count)
            if case .fromEnd(let position) = state.window { state.window = .fromEnd(position + last.count) }
        }
    }
}
