/// Where a key is pressed: the focused part of the screen. Its table resolves first, then `global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, views, queue, ticket, editor, menu, prompt, login
}

/// A console command: the one declaration that key maps, footer hints, the `?` help and the README's
/// key reference all read.
public struct ConsoleCommand: Sendable, Equatable {
    public var name: String
    public var description: String
    public var contexts: [KeyContext]
    /// Shown in the footer hint line of its contexts.
    public var footer: Bool

    init(_ name: String, _ description: String, _ contexts: [KeyContext], footer: Bool = false) {
        self.name = name
        self.description = description
        self.contexts = contexts
        self.footer = footer
    }
}

public enum CommandTable {
    public static let all: [ConsoleCommand] = [
        ConsoleCommand("app.quit", "Quit", [.global]),
        ConsoleCommand("app.back", "Back; quit from the queue", [.global], footer: true),
        ConsoleCommand("app.help", "Show the key bindings", [.global], footer: true),
        ConsoleCommand("app.refresh", "Reload from the database", [.global]),
        ConsoleCommand("pane.next", "Next pane", [.global]),
        ConsoleCommand("pane.left", "Pane to the left", [.views, .queue, .ticket]),
        ConsoleCommand("pane.right", "Pane to the right", [.views, .queue, .ticket]),
        ConsoleCommand("list.down", "Move down", [.views, .queue, .ticket]),
        ConsoleCommand("list.up", "Move up", [.views, .queue, .ticket]),
        ConsoleCommand("list.top", "Go to the top", [.views, .queue, .ticket]),
        ConsoleCommand("list.bottom", "Go to the bottom", [.views, .queue, .ticket]),
        ConsoleCommand("list.page-down", "Page down", [.queue, .ticket]),
        ConsoleCommand("list.page-up", "Page up", [.queue, .ticket]),
        ConsoleCommand("ticket.open", "Open the ticket", [.views, .queue], footer: true),
        ConsoleCommand("ticket.reply", "Reply to the customer", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.note", "Add an internal note", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.status", "Change status", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.priority", "Change priority", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.assign", "Assign (admins)", [.queue, .ticket]),
        ConsoleCommand("ticket.edit", "Edit the subject", [.queue, .ticket]),
        ConsoleCommand("ticket.delete", "Delete (admins)", [.queue, .ticket]),
        ConsoleCommand("search.start", "Search", [.views, .queue], footer: true),
        ConsoleCommand("filter.open", "Filter by status, priority, category or assignee", [.views, .queue]),
        ConsoleCommand("filter.clear", "Clear the search and filter", [.views, .queue]),
        ConsoleCommand("sort.cycle", "Change the sort order", [.views, .queue]),
        ConsoleCommand("editor.submit", "Send", [.editor], footer: true),
        ConsoleCommand("editor.cancel", "Cancel", [.editor], footer: true),
        ConsoleCommand("editor.external", "Edit in $VISUAL/$EDITOR", [.editor], footer: true),
        ConsoleCommand("menu.down", "Next choice", [.menu]),
        ConsoleCommand("menu.up", "Previous choice", [.menu]),
        ConsoleCommand("menu.choose", "Choose", [.menu], footer: true),
        ConsoleCommand("menu.cancel", "Cancel", [.menu], footer: true),
        ConsoleCommand("prompt.submit", "Apply", [.prompt], footer: true),
        ConsoleCommand("prompt.cancel", "Cancel", [.prompt], footer: true),
        ConsoleCommand("login.submit", "Log in", [.login], footer: true),
        ConsoleCommand("login.next-field", "Next field", [.login], footer: true),
    ]

    public static func named(_ name: String) -> ConsoleCommand? { all.first { $0.name == name } }
}
