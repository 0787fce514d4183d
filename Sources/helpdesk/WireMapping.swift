import HelpdeskConsole
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire

// The store's composite views onto the wire format. HelpdeskWire knows only core types, so the
// command line takes these apart.

extension WireComment {
    init(_ view: CommentView) { self.init(view.comment, author: view.author) }
}

extension WireHistoryEntry {
    init(_ view: HistoryView) { self.init(view.entry, actor: view.actor) }
}

extension WireUserListEntry {
    init(_ summary: UserSummary) { self.init(summary.user, openTickets: summary.openTickets) }
}

extension WireAgent {
    init(_ summary: AgentSummary) { self.init(summary.user, openAssigned: summary.openAssigned) }
}

extension WireAuditEntry {
    init(_ entry: AuditEntry) {
        self.init(at: entry.at, actor: entry.actorEmail, action: entry.action, target: entry.target, detail: entry.detail)
    }
}

extension WireSettings {
    init(_ settings: HelpdeskSettings) {
        self.init(
            autoAssign: settings.autoAssign, sshGuests: settings.sshGuests, sshGuestLimit: settings.sshGuestLimit,
            tokenIdleDays: settings.sessionLifetimes.idleDays, tokenMaxDays: settings.sessionLifetimes.maxDays)
    }
}

extension WireCheck {
    init(_ report: CheckReport) {
        self.init(
            healthy: report.isHealthy, integrity: report.integrity, foreignKeys: report.foreignKeys, storedValues: report.storedValues,
            consistency: report.consistency, emailCollisions: report.emailCollisions)
    }
}

extension WireDemoLogin {
    init(_ login: DemoData.Login) { self.init(email: login.email, role: login.role) }
}

extension WireKeyBindings {
    /// The bindings of `keyMap` in the Markdown reference's order (`KeyReference`).
    init(_ keyMap: KeyMap) {
        var bindings: [WireKeyBinding] = []
        for context in KeyContext.allCases {
            for command in CommandTable.all {
                let keys = keyMap.keys(for: command.name, in: context)
                guard !keys.isEmpty else { continue }
                bindings.append(WireKeyBinding(
                    context: context.rawValue, keys: keys, command: command.name, description: command.description, roles: command.roles))
            }
        }
        self.init(bindings: bindings)
    }
}
