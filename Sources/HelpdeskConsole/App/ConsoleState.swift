import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Which screen fills the body.
public enum Screen: Sendable, Equatable { case queue, dashboard, admin }

/// The admin screen's tabs.
public enum AdminTab: String, CaseIterable, Sendable { case users, trash, settings }

/// What the admin screen shows.
public struct AdminData: Sendable {
    public var users: [UserSummary] = []
    public var trash: [TicketListing] = []
    public var autoAssign = false
}

/// Everything the dashboard shows, computed in SQL by the store's reports.
public struct DashboardData: Sendable {
    public var now: DashboardReport
    public var sla7: SLAReport
    public var sla30: SLAReport
    public var volume: [VolumeDay]
    public var agents: [AgentStats]
}

/// How the dashboard's agent table is ordered.
public enum AgentSort: String, CaseIterable, Sendable { case open, resolved, median, compliance, name }

/// The focused part of the main screen.
public enum Pane: Sendable, Equatable { case views, queue, ticket }

/// What floats over the main screen.
public enum Overlay: Sendable, Equatable {
    case menu(MenuState)
    case editor(EditorState)
    case prompt(PromptState)
    case palette(PaletteState)
    case form(FormState)
    /// The key bindings of the focused context, narrowed by what was typed.
    case help(filter: TextField, context: KeyContext, scroll: Int)
}

/// A form of labelled fields: text lines, one multi-line editor, and pickers cycled with left/right.
public struct FormState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case register, newTicket, newUser, changePassword }

    public enum Field: Sendable, Equatable {
        case text(TextField)
        case multiline(TextEditor)
        case picker(options: [String], selected: Int)
    }

    public var purpose: Purpose
    public var title: String
    /// (name as the core reports errors, label, field)
    public var fields: [(name: String, label: String, field: Field)]
    public var focus = 0
    /// Errors by field name, shown beside each field.
    public var errors: [String: String] = [:]
    public var busy = false

    public static func == (a: FormState, b: FormState) -> Bool {
        a.purpose == b.purpose && a.focus == b.focus && a.errors == b.errors && a.busy == b.busy
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.field) == b.fields.map(\.field)
    }

    /// Whether anything was typed into a text field (pickers do not count).
    public var hasText: Bool {
        fields.contains { field in
            switch field.field {
            case .text(let text): return !text.text.isEmpty
            case .multiline(let editor): return !editor.text.isEmpty
            case .picker: return false
            }
        }
    }

    public func text(_ name: String) -> String {
        switch fields.first(where: { $0.name == name })?.field {
        case .text(let field)?: return field.text
        case .multiline(let editor)?: return editor.text
        case .picker(let options, let selected)?: return options.indices.contains(selected) ? options[selected] : ""
        case nil: return ""
        }
    }

    public static func register() -> FormState {
        FormState(purpose: .register, title: "Create an account", fields: [
            ("email", "Email", .text(TextField())), ("name", "Name", .text(TextField())),
            ("password", "Password", .text(TextField(masked: true))),
            ("password_confirmation", "Again", .text(TextField(masked: true))),
        ])
    }

    public static func newUser() -> FormState {
        FormState(purpose: .newUser, title: "Add a user", fields: [
            ("email", "Email", .text(TextField())), ("name", "Name", .text(TextField())),
            ("role", "Role", .picker(options: ["agent", "admin", "customer"], selected: 0)),
            ("password", "Password", .text(TextField(masked: true))),
        ])
    }

    /// One's own password: the current one, the new one and the new one again, all masked.
    public static func changePassword() -> FormState {
        FormState(purpose: .changePassword, title: "Change your password", fields: [
            ("current_password", "Current", .text(TextField(masked: true))),
            ("new_password", "New", .text(TextField(masked: true))),
            ("new_password_confirmation", "Again", .text(TextField(masked: true))),
        ])
    }

    public static func newTicket() -> FormState {
        FormState(purpose: .newTicket, title: "New ticket", fields: [
            ("subject", "Subject", .text(TextField())), ("description", "Description", .multiline(TextEditor())),
            ("category", "Category", .picker(options: TicketCategory.allCases.map(\.rawValue), selected: 2)),
            ("priority", "Priority", .picker(options: Priority.allCases.map(\.rawValue), selected: 1)),
        ])
    }
}

/// The `:` command palette: what was typed and the highlighted match.
public struct PaletteState: Sendable, Equatable {
    public var field = TextField()
    public var selected = 0
    /// The context the palette was opened from; its commands are the ones offered.
    public var context: KeyContext
}

public enum MenuPurpose: Sendable, Equatable {
    case status, priority, category, assign, filter, confirmDelete, userRole, confirmUserActive, confirmReset, confirmRestore,
        confirmPurge, confirmQuit, confirmLinkKey
}

/// What a menu, prompt or editor acts on, captured when it opened: the list under it may move (another
/// process changes a ticket, a reload reorders rows), and the action must still apply to exactly the
/// ticket, and the version of it, that the user was looking at, or be refused with `CONFLICT`.
public enum ActionTarget: Sendable, Equatable {
    case ticket(number: String, version: Int)
    case user(email: String)

    /// The ticket's number, for a ticket target.
    public var ticketNumber: String? {
        if case .ticket(let number, _) = self { return number }
        return nil
    }

    /// The same ticket at `version` (a user target is returned unchanged).
    public func at(version: Int) -> ActionTarget {
        if case .ticket(let number, _) = self { return .ticket(number: number, version: version) }
        return self
    }
}

public struct MenuState: Sendable, Equatable {
    public var purpose: MenuPurpose
    public var title: String
    public var items: [String]
    /// What each item means to the command that opened the menu.
    public var values: [String]
    public var selected = 0
    /// The ticket or user the menu acts on; nil for menus about no one thing (the filter).
    public var target: ActionTarget? = nil
}

public enum EditorKind: String, Sendable, Equatable { case reply, note }

public struct EditorState: Sendable, Equatable {
    public var kind: EditorKind
    public var number: String
    public var editor: TextEditor
    /// The ticket version the writer has seen; sending against a newer one is refused once.
    public var version: Int
    /// A send is under way: the editor takes no keys until it is confirmed or refused, so nothing
    /// typed meanwhile is lost with the closing editor and a second `C-s` sends nothing twice.
    public var sending = false

    /// An editor on ticket `number`, aimed at `version`, holding `editor`'s text.
    public init(kind: EditorKind, number: String, editor: TextEditor, version: Int) {
        self.kind = kind
        self.number = number
        self.editor = editor
        self.version = version
    }
}

public enum PromptPurpose: Sendable, Equatable { case search, subject, period, jump }

public struct PromptState: Sendable, Equatable {
    public var purpose: PromptPurpose
    public var label: String
    public var field: TextField
    /// The ticket the prompt edits (the subject prompt), captured when it opened.
    public var target: ActionTarget? = nil
    /// Why the last submission was refused, shown beside the field; the prompt stays open with the text.
    public var error: String? = nil
}

/// The login form.
public struct LoginState: Sendable, Equatable {
    public var email = TextField()
    public var password = TextField(masked: true)
    public var focus = 0
    public var error: String?
    public var busy = false
    /// Shown under the form (the demo lists its sample logins here).
    public var note: String?
}

/// Everything the console shows; screens are functions of it.
public struct ConsoleState: Sendable {
    public var user: User?
    public var login = LoginState()
    public var screen: Screen = .queue
    public var dashboard: DashboardData?
    public var agentSort: AgentSort = .open
    /// The reports' period as typed (`from to`, UTC days); nil for the last 30 days.
    public var reportPeriod: (from: String, to: String)?
    public var adminTab: AdminTab = .users
    public var admin = AdminData()
    public var adminSelected = 0
    public var views: [SavedView] = []
    public var counts: [Int?] = []
    /// How many tickets the list as shown holds (the view with its search and filter); nil until counted.
    public var shownCount: Int?
    /// Where the held rows sit in the whole list: the first row's position from the start, or (after
    /// `G` read the list from its end) the last row's position from the end; 0-based.
    public var window: RowWindow = .fromStart(0)
    /// `G` asked for the last page: select its last row when it arrives.
    public var pendingLast = false
    public var viewIndex = 0
    public var focus: Pane = .queue
    public var rows: [TicketListing] = []
    public var selected = 0
    public var offset = 0
    /// The pages `rows` holds, in order, so that whole pages can be let go from either end.
    public var pages: [PageSpan] = []
    /// Where the next page starts; nil at the end of the list.
    public var nextCursor: String? { pages.last?.after }
    /// Set when pages above the first kept row were let go: where to page back from.
    public var previousCursor: String? { pages.first?.before }
    public var loading = false
    public var detail: TicketListing?
    public var comments: [CommentView] = []
    public var detailScroll = 0
    public var overlay: Overlay?
    public var search: String?
    public var filter = TicketQuery()
    public var sort: TicketSort?
    public var message: (text: String, isError: Bool)?
    public var pendingKeys: [Key] = []
    /// Unsent replies and notes, by ticket number and kind, kept when the editor is closed.
    public var drafts: [String: String] = [:]
    public var agents: [User] = []
    /// A ticket to select (and open) once the list that holds it has loaded.
    public var pendingSelection: String?
    /// The new-ticket form as it was when cancelled, so nothing typed is lost.
    public var ticketDraft: FormState?
    /// What the quit question covers; "Stay" brings it back.
    public var overlayBeforeQuit: Overlay?
    public var now: Date
    /// The `TZ` variable, from the configuration: the zone of users with none of their own.
    public var environmentTZ: String?
    /// The zone the logged-in user's times are shown in (`Formatting.zone`).
    public var zone: TimeZone { Formatting.zone(for: user, environmentTZ: environmentTZ) }
    public var width: Int
    public var height: Int

    public init(now: Date, width: Int, height: Int) {
        self.now = now
        self.width = width
        self.height = height
    }

    /// The selected row's position in the whole list and the list's length (1-based), when known:
    /// what the list's title shows (`1,234/3,000`).
    var position: (row: Int, of: Int)? {
        guard let total = shownCount, !rows.isEmpty else { return nil }
        switch window {
        case .fromStart(let first): return (first + selected + 1, total)
        case .fromEnd(let last): return (total - last - (rows.count - 1 - selected), total)
        }
    }

    public var selectedTicket: TicketListing? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The active view's query with the search, filter and sort laid over it.
    public var query: TicketQuery {
        var query = views.indices.contains(viewIndex) ? views[viewIndex].query : TicketQuery()
        if let search { query.search = search }
        if !filter.statuses.isEmpty { query.statuses = filter.statuses }
        if !filter.priorities.isEmpty { query.priorities = filter.priorities }
        if !filter.categories.isEmpty { query.categories = filter.categories }
        if let assignee = filter.assignee { query.assignee = assignee }
        if let requester = filter.requesterEmail { query.requesterEmail = requester }
        if let sort { query.sort = sort }
        return query
    }

    /// A one-line description of what narrows the list, shown above it.
    public var filterSummary: String {
        var parts: [String] = []
        if let search { parts.append("search: \(search)") }
        if !filter.statuses.isEmpty { parts.append("status: " + filter.statuses.map(\.rawValue).joined(separator: ",")) }
        if !filter.priorities.isEmpty { parts.append("priority: " + filter.priorities.map(\.rawValue).joined(separator: ",")) }
        if !filter.categories.isEmpty { parts.append("category: " + filter.categories.map(\.rawValue).joined(separator: ",")) }
        switch filter.assignee {
        case .me?: parts.append("assignee: me")
        case .none?: parts.append("assignee: none")
        case .email(let email)?: parts.append("assignee: \(email)")
        case nil: break
        }
        return parts.joined(separator: "  ")
    }
}

/// Where the held rows sit in the whole list.
public enum RowWindow: Sendable, Equatable {
    case fromStart(Int)
    case fromEnd(Int)
}

/// One page held in the queue: its length and the cursors before its first and after its last row.
public struct PageSpan: Sendable, Equatable {
    public var count: Int
    public var before: String?
    public var after: String?
}
