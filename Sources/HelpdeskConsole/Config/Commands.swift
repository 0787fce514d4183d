/// Where a key is pressed: the focused part of the screen. Its table resolves first, then `global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, views, queue, ticket, dashboard, admin, editor, menu, prompt, login, form
}

import HelpdeskCore

/// A console command: the one declaration that key maps, footer hints, the `?` help and the README's
/// key reference all read.
public struct ConsoleCommand: Sendable, Equatable {
    public var name: String
    public var description: String
    public var contexts: [KeyContext]
    /// Shown in the footer hint line of its contexts.
    public var footer: Bool
    /// The roles that may use it (empty: everyone); hints and help leave it out for the others.
    public var roles: [Role]

    init(_ name: String, _ description: String, _ contexts: [KeyContext], footer: Bool = false, roles: [Role] = []) {
        self.name = name
        self.description = description
        self.contexts = contexts
        self.footer = footer
        self.roles = roles
    }

    public func isAvailable(to role: Role?) -> Bool {
        roles.isEmpty || role.map(roles.contains) == true
    }
}

public enum CommandTable {
    public static let all: [ConsoleCommand] = [
        ConsoleCommand("app.quit", "Quit (asks first while a draft is unsent)", [.global]),
        ConsoleCommand("app.back", "Back; quit from the queue", [.global], footer: true),
        ConsoleCommand("app.cancel", "Close, go back or clear the search; never quits", [.global]),
        ConsoleCommand("app.help", "Show the key bindings", [.global], footer: true),
        ConsoleCommand("app.palette", "Find and run a command", [.global]),
        ConsoleCommand("app.refresh", "Reload from the database", [.global]),
        ConsoleCommand("pane.next", "Next pane", [.global]),
        ConsoleCommand("screen.queue", "Go to the queues", [.global], footer: true),
        ConsoleCommand("screen.dashboard", "Dashboard (agents: my stats)", [.global], footer: true, roles: [.agent, .admin]),
        ConsoleCommand("screen.admin", "Users, trash and settings", [.global], footer: true, roles: [.admin]),
        ConsoleCommand("account.password", "Change your password", [.global]),
        ConsoleCommand("admin.next-tab", "Next tab: users, trash, settings", [.admin], footer: true, roles: [.admin]),
        ConsoleCommand("admin.add-user", "Add a user", [.admin], footer: true, roles: [.admin]),
        ConsoleCommand("admin.change-role", "Change the role", [.admin], footer: true, roles: [.admin]),
        ConsoleCommand("admin.toggle-active", "Deactivate or reactivate", [.admin], footer: true, roles: [.admin]),
        ConsoleCommand("admin.reset-password", "Reset the password", [.admin], roles: [.admin]),
        ConsoleCommand("admin.restore", "Restore from the trash", [.admin], footer: true, roles: [.admin]),
        ConsoleCommand("admin.purge", "Purge for good", [.admin], roles: [.admin]),
        ConsoleCommand("admin.toggle-setting", "Switch the setting", [.admin], roles: [.admin]),
        ConsoleCommand("report.period", "Choose the reports' period", [.dashboard], footer: true, roles: [.agent, .admin]),
        ConsoleCommand("report.export", "Export CSV reports", [.dashboard], footer: true, roles: [.agent, .admin]),
        ConsoleCommand("pane.left", "Pane to the left", [.views, .queue, .ticket]),
        ConsoleCommand("pane.right", "Pane to the right", [.views, .queue, .ticket]),
        ConsoleCommand("list.down", "Move down", [.views, .queue, .ticket, .admin]),
        ConsoleCommand("list.up", "Move up", [.views, .queue, .ticket, .admin]),
        ConsoleCommand("list.top", "Go to the top", [.views, .queue, .ticket]),
        ConsoleCommand("list.bottom", "Go to the bottom", [.views, .queue, .ticket]),
        ConsoleCommand("list.page-down", "Page down", [.queue, .ticket]),
        ConsoleCommand("list.page-up", "Page up", [.queue, .ticket]),
        ConsoleCommand("ticket.open", "Open the ticket", [.views, .queue], footer: true),
        ConsoleCommand("ticket.reply", "Reply to the customer", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.note", "Add an internal note", [.queue, .ticket], footer: true, roles: [.agent, .admin]),
        ConsoleCommand("ticket.status", "Change status", [.queue, .ticket], footer: true),
        ConsoleCommand("ticket.priority", "Change priority", [.queue, .ticket], footer: true, roles: [.agent, .admin]),
        ConsoleCommand("ticket.assign", "Assign", [.queue, .ticket], roles: [.admin]),
        ConsoleCommand("ticket.edit", "Edit the subject", [.queue, .ticket]),
        ConsoleCommand("ticket.category", "Change the category", [.queue, .ticket]),
        ConsoleCommand("ticket.delete", "Delete (to the trash)", [.queue, .ticket], roles: [.admin]),
        ConsoleCommand("search.start", "Search", [.views, .queue], footer: true),
        ConsoleCommand("ticket.jump", "Go to a ticket by its number", [.views, .queue, .ticket]),
        ConsoleCommand("filter.open", "Filter by status, priority, category or assignee", [.views, .queue]),
        ConsoleCommand("filter.clear", "Clear the search and filter", [.views, .queue]),
        ConsoleCommand("sort.cycle", "Sort", [.views, .queue, .dashboard], footer: true),
        ConsoleCommand("editor.submit", "Send", [.editor], footer: true),
        ConsoleCommand("editor.cancel", "Cancel", [.editor], footer: true),
        ConsoleCommand("editor.external", "Edit in $VISUAL/$EDITOR", [.editor, .form], footer: true),
        ConsoleCommand("menu.down", "Next choice", [.menu]),
        ConsoleCommand("menu.up", "Previous choice", [.menu]),
        ConsoleCommand("menu.choose", "Choose", [.menu], footer: true),
        ConsoleCommand("menu.cancel", "Cancel", [.menu], footer: true),
        ConsoleCommand("prompt.submit", "Apply", [.prompt], footer: true),
        ConsoleCommand("prompt.cancel", "Cancel", [.prompt], footer: true),
        ConsoleCommand("login.submit", "Log in", [.login], footer: true),
        ConsoleCommand("login.register", "Create an account", [.login], footer: true),
        ConsoleCommand("ticket.new", "File a new ticket", [.views, .queue, .ticket], footer: true),
        ConsoleCommand("form.submit", "Submit", [.form], footer: true),
        ConsoleCommand("form.next-field", "Next field", [.form], footer: true),
        ConsoleCommand("form.previous-field", "Previous field", [.form]),
        ConsoleCommand("form.cancel", "Cancel", [.form], footer: true),
        ConsoleCommand("login.next-field", "Next field", [.login], footer: true),
    ]

    public static func named(_ name: String) -> ConsoleCommand? { all.first { $0.name == name } }

    /// The commands the palette offers in a context to a role, best fuzzy matches first: every
    /// character of the query in order in the name or description; earlier, tighter matches rank higher.
    public static func matches(_ query: String, context: KeyContext, role: Role?) -> [ConsoleCommand] {
        let candidates = all.filter {
            ($0.contexts.contains(context) || $0.contexts.contains(.global)) && $0.isAvailable(to: role) && $0.name != "app.palette"
        }
        let needle = query.lowercased().filter { !$0.isWhitespace }
        guard !needle.isEmpty else { return candidates }
        let scored = candidates.compactMap { command -> (ConsoleCommand, Int)? in
            let scores = [command.name, command.description].compactMap { fuzzyScore(needle, in: $0.lowercased()) }
            return scores.min().map { (command, $0) }
        }
        return scored.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Lower is better: the span the match covers plus where it starts; nil when it does not match.
    static func fuzzyScore(_ needle: String, in haystack: String) -> Int? {
        var index = haystack.startIndex
        var first: Int?
        var last = 0
        for character in needle {
            guard let found = haystack[index...].firstIndex(of: character) else { return nil }
            let offset = haystack.distance(from: haystack.startIndex, to: found)
            if first == nil { first = offset }
            last = offset
            index = haystack.index(after: found)
        }
        return (last - (first ?? 0)) * 2 + (first ?? 0)
    }
}
