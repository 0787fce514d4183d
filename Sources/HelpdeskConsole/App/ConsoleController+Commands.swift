import Foundation
import HelpdeskCore
import HelpdeskUseCases

extension ConsoleController {
    /// Runs a command by name: keys, and later the palette, come here.
    func perform(_ name: String) -> Effect {
        if state.screen == .admin && state.overlay == nil && (name == "list.down" || name == "list.up") {
            state.adminSelected = max(0, min(adminRows - 1, state.adminSelected + (name == "list.down" ? 1 : -1)))
            return .none
        }
        switch name {
        case "app.quit": return requestQuit()
        case "app.back": return back()
        case "app.cancel": _ = back(quitting: false)
        case "app.help": state.overlay = .help(filter: TextField(), context: currentContext, scroll: 0)
        case "app.palette":
            state.overlay = .palette(PaletteState(context: currentContext))
        case "app.refresh":
            reloadAll()
            state.message = ("Reloaded", false)
        case "pane.next": cyclePane()
        case "pane.left":
            if state.focus == .ticket { leaveTicketPane() } else { state.focus = .views }
        case "pane.right": state.focus = state.focus == .views ? .queue : (state.detail == nil ? .queue : .ticket)
        case "list.down": move(by: 1)
        case "list.up": move(by: -1)
        case "list.top":
            if state.focus == .queue && (state.previousCursor != nil || state.window != .fromStart(0)) {
                // The top of the list is no longer held: load it afresh.
                loadPage(append: false, keepSelection: false)
            } else {
                move(to: 0)
            }
        case "list.bottom":
            if state.focus == .queue { loadLastPage() } else { move(to: Int.max) }
        case "list.page-down": move(by: pageStep)
        case "list.page-up": move(by: -pageStep)
        case "ticket.open":
            if state.focus == .views { state.focus = .queue } else if state.selectedTicket != nil { state.focus = .ticket }
        case "ticket.new": openNewTicketForm()
        case "ticket.reply": openEditor(.reply)
        case "ticket.note": openEditor(.note)
        case "ticket.status": openStatusMenu()
        case "ticket.priority": openPriorityMenu()
        case "ticket.assign": openAssignMenu()
        case "ticket.edit": openSubjectPrompt()
        case "ticket.category": openCategoryMenu()
        case "ticket.delete": openDeleteConfirmation()
        case "search.start":
            state.overlay = .prompt(PromptState(purpose: .search, label: "Search", field: TextField(state.search ?? "")))
        case "filter.open":
            // Staff filter by agent: the agents are read afresh first, as every picker's choices are.
            guard let user = state.user, user.role.isStaff else {
                openFilterMenu()
                return .none
            }
            let service = self.service
            background({ .filterAgents((try await service.agents(by: user)).map(\.user).filter(\.isActive)) })
        case "ticket.jump":
            state.overlay = .prompt(PromptState(purpose: .jump, label: "Go to ticket", field: TextField()))
        case "filter.clear":
            state.search = nil
            state.filter = TicketQuery()
            loadPage(append: false, keepSelection: false)
        case "screen.queue":
            state.screen = .queue
            state.overlay = nil
        case "screen.dashboard":
            guard state.user?.role.isStaff == true else {
                state.message = ("Reports are for agents and admins", true)
                return .none
            }
            state.screen = .dashboard
            state.overlay = nil
            loadDashboard()
        case "report.export": exportReports()
        case "report.period":
            let current = state.reportPeriod.map { "\($0.from) \($0.to)" } ?? ""
            state.overlay = .prompt(PromptState(purpose: .period, label: "Period (YYYY-MM-DD YYYY-MM-DD, empty for 30 days)", field: TextField(current)))
        case "screen.admin":
            guard state.user?.role == .admin else {
                state.message = ("User management is for admins", true)
                return .none
            }
            state.screen = .admin
            state.overlay = nil
            loadAdmin()
        case _ where name.hasPrefix("admin."): performAdmin(name)
        case "account.password":
            guard state.user != nil else { return .none }
            state.overlay = .form(.changePassword())

        case "sort.cycle" where state.screen == .dashboard:
            let all = AgentSort.allCases
            state.agentSort = all[((all.firstIndex(of: state.agentSort) ?? 0) + 1) % all.count]
        case "sort.cycle":
            let order: [TicketSort] = [.due, .priority, .updated, .created]
            let current = state.query.sort
            state.sort = order[((order.firstIndex(of: current) ?? 0) + 1) % order.count]
            loadPage(append: false, keepSelection: false)
        case "editor.submit": submitEditor()
        case "editor.cancel": closeEditor()
        case "editor.external":
            guard config.externalEditorAllowed else {
                state.message = (Self.noExternalEditor, true)
                return .none
            }
            if case .editor(let editor)? = state.overlay { return .editExternally(editor.editor.text) }
        case "menu.down", "menu.up":
            if case .menu(var menu)? = state.overlay, !menu.items.isEmpty {
                menu.selected = (menu.selected + (name == "menu.down" ? 1 : menu.items.count - 1)) % menu.items.count
                state.overlay = .menu(menu)
            }
        case "menu.choose": return chooseMenuItem()
        case "menu.cancel":
            if case .menu(let menu)? = state.overlay, menu.purpose == .confirmQuit {
                stayInsteadOfQuitting()
            } else if case .menu(let menu)? = state.overlay, menu.purpose == .confirmLinkKey {
                answerKeyLink("no")
            } else {
                state.overlay = nil
            }
        case "prompt.cancel": state.overlay = nil
        case "prompt.submit": submitPrompt()
        default:
            state.message = ("\(name) is not available here", true)
        }
        return .none
    }

    /// `q` (and `esc`, with `quitting` false): close what is open, go back from the dashboard or the
    /// admin screen to the queue, leave the ticket, clear a search; `q` on the bare queue quits
    /// (asking first while a draft is unsent), `esc` never does.
    func back(quitting: Bool = true) -> Effect {
        if case .editor? = state.overlay {
            closeEditor()
        } else if state.overlay != nil {
            state.overlay = nil
        } else if state.screen != .queue {
            state.screen = .queue
        } else if state.focus == .ticket {
            leaveTicketPane()
        } else if state.search != nil || state.filter != TicketQuery() {
            _ = perform("filter.clear")
        } else if quitting {
            return requestQuit()
        }
        return .none
    }

    /// "Stay" (or cancelling the quit question): what the question covered comes back.
    func stayInsteadOfQuitting() {
        state.overlay = state.overlayBeforeQuit
        state.overlayBeforeQuit = nil
    }

    /// Quits, or first asks when something typed has not been sent: the open editor's text is kept as
    /// a draft (on disk) before the question, and "Stay" brings the editor back.
    func requestQuit() -> Effect {
        if case .editor? = state.overlay { keepEditorDraft() }
        // Replies and notes are on disk and come back; a form or a subject edit ends with the session.
        let kept = state.drafts.count
        var lost = 0
        if case .form(let form)? = state.overlay, form.hasText { lost += 1 } else if state.ticketDraft?.hasText == true { lost += 1 }
        if case .prompt(let prompt)? = state.overlay, prompt.purpose == .subject { lost += 1 }
        guard kept + lost > 0 else { return .quit }
        if case .menu(let menu)? = state.overlay, menu.purpose == .confirmQuit { return .quit }
        var parts: [String] = []
        if kept > 0 { parts.append("\(kept) unsent repl\(kept == 1 ? "y or note is" : "ies or notes are") kept and reopen with r or i") }
        if lost > 0 { parts.append("what is typed in the open form or prompt is lost") }
        state.overlayBeforeQuit = state.overlay
        state.overlay = .menu(MenuState(
            purpose: .confirmQuit, title: "Quit? " + parts.joined(separator: "; "), items: ["Stay", "Quit"], values: ["no", "yes"]))
        return .none
    }

    /// Back to the list: the detail pane follows the selected row again.
    func leaveTicketPane() {
        state.focus = .queue
        if state.detail?.ticket.number != state.selectedTicket?.ticket.number {
            state.detailScroll = 0
            loadDetail()
        }
    }

    var pageStep: Int { max(1, ConsoleLayout(width: state.width, height: state.height, focus: state.focus).listRows / 2) }

    func cyclePane() {
        switch state.focus {
        case .views: state.focus = .queue
        case .queue: state.focus = state.detail == nil ? .views : .ticket
        case .ticket: state.focus = .views
        }
    }

    func move(by delta: Int) {
        switch state.focus {
        case .views:
            selectView(max(0, min(state.views.count - 1, state.viewIndex + delta)))
        case .queue:
            move(to: state.selected + delta)
        case .ticket:
            state.detailScroll = max(0, min(maxDetailScroll, state.detailScroll + delta))
        }
    }

    func move(to index: Int) {
        switch state.focus {
        case .views:
            selectView(index == Int.max ? state.views.count - 1 : max(0, index))
        case .ticket:
            state.detailScroll = index == Int.max ? maxDetailScroll : 0
        case .queue:
            guard !state.rows.isEmpty else { return }
            let target = max(0, min(state.rows.count - 1, index))
            let changed = target != state.selected
            state.selected = target
            keepSelectionVisible()
            if state.selected >= state.rows.count - 10 { loadPage(append: true) }
            if state.selected < 10 { loadEarlierPage() }
            if changed {
                state.detailScroll = 0
                loadDetail()
            }
        }
    }

    /// How far the ticket pane scrolls: its lines at the pane's width less the rows it shows, so that
    /// `k` after `G` moves at once.
    var maxDetailScroll: Int {
        let inner = ConsoleLayout(width: state.width, height: state.height, focus: state.focus).detail.inset(1)
        guard state.detail != nil, inner.width > 0 else { return 0 }
        let lines = DetailView(state: state, theme: config.theme, glyphs: config.glyphs).lines(width: inner.width)
        return max(0, lines.count - inner.height)
    }

    func selectView(_ index: Int) {
        guard index != state.viewIndex, state.views.indices.contains(index) else { return }
        state.viewIndex = index
        state.sort = nil
        loadPage(append: false, keepSelection: false)
    }

    /// The ticket an action applies to: the one the ticket pane shows while it has the focus, else the
    /// selected row (as the detail pane shows it when that is the same ticket, for its newer version).
    var actionTicket: TicketListing? {
        // The open ticket only: when it is gone the action has no ticket, never the row under it.
        if state.focus == .ticket { return state.detail }
        guard let row = state.selectedTicket else { return nil }
        if let detail = state.detail, detail.ticket.number == row.ticket.number { return detail }
        return row
    }

    /// The action ticket as a target captured by the menu, prompt or editor about to open.
    var actionTarget: ActionTarget? {
        actionTicket.map { .ticket(number: $0.ticket.number, version: $0.ticket.version) }
    }

    func openEditor(_ kind: EditorKind) {
        guard let user = state.user, let ticket = actionTicket?.ticket else { return noTicket() }
        if kind == .note && !user.role.isStaff {
            state.message = ("Only agents and admins write internal notes", true)
            return
        }
        let draft = state.drafts[DraftKey(number: ticket.number, kind: kind).name] ?? ""
        state.overlay = .editor(EditorState(kind: kind, number: ticket.number, editor: TextEditor(draft), version: ticket.version))
        // The thread being answered shows beside the editor.
        if state.detail?.ticket.number != ticket.number { loadDetail() }
    }

    func closeEditor() {
        if case .editor(let editor)? = state.overlay, keepEditorDraft() {
            state.message = ("Draft of \(editor.number) kept; it reopens with the editor", false)
        }
        state.overlay = nil
    }

    /// Keeps the open editor's text as the draft of its ticket and kind, in memory and on disk (an
    /// empty editor removes the draft); true when a draft is kept.
    @discardableResult
    func keepEditorDraft() -> Bool {
        guard case .editor(let editor)? = state.overlay, let user = state.user else { return false }
        let key = DraftKey(number: editor.number, kind: editor.kind)
        let text = editor.editor.text
        state.drafts[key.name] = text.isEmpty ? nil : text
        if let error = drafts.save(text, for: key, user: user.id) { state.message = (error, true) }
        return !text.isEmpty
    }

    /// Sends the reply or note; the editor stays open (with the draft) until the store confirms it.
    func submitEditor() {
        guard case .editor(var editor)? = state.overlay, let user = state.user, !editor.sending else { return }
        editor.sending = true
        state.overlay = .editor(editor)
        keepEditorDraft()
        let text = editor.editor.text, number = editor.number, isInternal = editor.kind == .note, version = editor.version
        let key = DraftKey(number: number, kind: editor.kind)
        let wasFinished = state.detail.map { $0.ticket.number == number && !$0.ticket.status.isActive } ?? false
        let service = self.service
        background({
            do {
                _ = try await service.addComment(number: number, body: text, isInternal: isInternal, expectedVersion: version, by: user)
            } catch let error as HelpdeskError where error.code == .conflict {
                return .conflicted(error, current: try? await service.ticket(number: number, by: user), reopen: nil)
            } catch let error as HelpdeskError where error.code == .ticketClosed {
                return .replyToClosedTicket(error, key, text)
            }
            let updated = try? await service.ticket(number: number, by: user)
            var message = isInternal ? "Internal note added to \(number)" : "Reply sent on \(number)"
            // A requester's reply reopens a resolved ticket (or one closed within 7 days): say so.
            if wasFinished, updated?.ticket.status == .reopened { message += "; the ticket is reopened" }
            return .commentSent(key, message: message, updated: updated)
        })
    }

    func noTicket() {
        state.message = ("No ticket selected", true)
    }

    func openStatusMenu() {
        guard let user = state.user, let listing = actionTicket else { return noTicket() }
        let targets = Permissions.statusTargets(for: user, on: listing.ticket, at: state.now)
        guard !targets.isEmpty else {
            // Say why: the first refusal the core gives for a move the workflow lists.
            let reason = Workflow.targets(from: listing.ticket.status).lazy.compactMap { target -> String? in
                do {
                    try Permissions.requireStatusChange(user, listing.ticket, to: target, at: self.state.now)
                    return nil
                } catch let error as HelpdeskError {
                    return error.message
                } catch {
                    return nil
                }
            }.first
            state.message = ("No status change is open to you from \(listing.ticket.status.label)" + (reason.map { ": \($0)" } ?? ""), true)
            return
        }
        state.overlay = .menu(MenuState(
            purpose: .status, title: "Status of \(listing.ticket.number)", items: targets.map(\.label), values: targets.map(\.rawValue),
            target: actionTarget))
    }

    func openPriorityMenu() {
        guard let user = state.user, let listing = actionTicket else { return noTicket() }
        guard user.role.isStaff else {
            state.message = ("Only agents and admins change priority", true)
            return
        }
        let all = Priority.allCases.reversed().map { $0 }
        state.overlay = .menu(MenuState(
            purpose: .priority, title: "Priority of \(listing.ticket.number)", items: all.map(\.rawValue), values: all.map(\.rawValue),
            selected: all.firstIndex(of: listing.ticket.priority) ?? 0, target: actionTarget))
    }

    /// Opens once the agents are read afresh: whoever was deactivated or added since login is as
    /// stored now.
    func openAssignMenu() {
        guard let user = state.user, let target = actionTarget, let number = target.ticketNumber else { return noTicket() }
        guard user.role == .admin else {
            state.message = ("Only admins assign tickets", true)
            return
        }
        let service = self.service
        background({
            let agents = try await service.agents(by: user).map(\.user).filter(\.isActive)
            return .openMenu(MenuState(
                purpose: .assign, title: "Assign \(number) to",
                items: ["Automatic (least loaded agent)"] + agents.map { "\($0.name) <\($0.email)>" },
                values: [""] + agents.map(\.email), target: target))
        })
    }

    func openSubjectPrompt() {
        guard let listing = actionTicket else { return noTicket() }
        state.overlay = .prompt(PromptState(
            purpose: .subject, label: "Subject of \(listing.ticket.number)", field: TextField(listing.ticket.subject), target: actionTarget))
    }

    func openCategoryMenu() {
        guard let listing = actionTicket else { return noTicket() }
        let all = TicketCategory.allCases
        state.overlay = .menu(MenuState(
            purpose: .category, title: "Category of \(listing.ticket.number)", items: all.map(DisplayText.category),
            values: all.map(\.rawValue), selected: all.firstIndex(of: listing.ticket.category) ?? 0, target: actionTarget))
    }

    func openDeleteConfirmation() {
        guard let user = state.user, let listing = actionTicket else { return noTicket() }
        guard user.role == .admin else {
            state.message = ("Only admins delete tickets", true)
            return
        }
        state.overlay = .menu(MenuState(
            purpose: .confirmDelete, title: "Delete \(listing.ticket.number)?",
            items: ["Cancel", "Move to the trash (admins can restore it)"], values: ["no", "yes"], target: actionTarget))
    }

    func openFilterMenu() {
        var items: [String] = [], values: [String] = []
        func add(_ label: String, _ value: String, active: Bool) {
            items.append((active ? "[x] " : "[ ] ") + label)
            values.append(value)
        }
        for status in TicketStatus.allCases { add("status \(status.label)", "status:\(status.rawValue)", active: state.filter.statuses.contains(status)) }
        for priority in Priority.allCases.reversed() {
            add("priority \(priority.rawValue)", "priority:\(priority.rawValue)", active: state.filter.priorities.contains(priority))
        }
        for category in TicketCategory.allCases {
            add("category \(category.rawValue)", "category:\(category.rawValue)", active: state.filter.categories.contains(category))
        }
        if state.user?.role.isStaff == true {
            add("assigned to me", "assignee:me", active: state.filter.assignee == .me)
            add("unassigned", "assignee:none", active: state.filter.assignee == AssigneeFilter.none)
            for agent in state.agents where agent.id != state.user?.id {
                add("assigned to \(agent.name)", "assignee:\(agent.email)", active: state.filter.assignee == .email(agent.email))
            }
        }
        state.overlay = .menu(MenuState(purpose: .filter, title: "Filter", items: items, values: values))
    }

    /// Acts on the menu's captured target, never on whatever the list holds now.
    @discardableResult
    func chooseMenuItem() -> Effect {
        guard case .menu(let menu)? = state.overlay, menu.values.indices.contains(menu.selected) else { return .none }
        let value = menu.values[menu.selected]
        state.overlay = nil
        if menu.purpose == .confirmQuit {
            if value == "yes" { return .quit }
            stayInsteadOfQuitting()
            return .none
        }
        if menu.purpose == .confirmLinkKey {
            answerKeyLink(value)
            return .none
        }
        if case .ticket(let number, let version)? = menu.target {
            chooseTicketItem(menu.purpose, value: value, number: number, version: version)
            return .none
        }
        switch menu.purpose {
        case .userRole, .confirmUserActive, .confirmReset, .confirmRestore, .confirmPurge:
            chooseAdmin(menu.purpose, value: value, menu: menu)
        case .filter:
            toggleFilter(value)
            openFilterMenu()
            if case .menu(var reopened)? = state.overlay {
                reopened.selected = menu.selected
                state.overlay = .menu(reopened)
            }
        case .status, .priority, .assign, .category, .confirmDelete:
            // A ticket menu always has its target; without one there is nothing safe to act on.
            noTicket()
        case .confirmQuit, .confirmLinkKey: break
        }
        return .none
    }

    /// A ticket menu's choice, applied to `number` only if it is still at `version`.
    func chooseTicketItem(_ purpose: MenuPurpose, value: String, number: String, version: Int) {
        switch purpose {
        case .status:
            write(on: number) { service, user in
                let changed = try await service.changeStatus(number: number, to: value, expectedVersion: version, by: user)
                return "\(number) is now \(changed.ticket.status.label)"
            }
        case .priority:
            write(on: number) { service, user in
                let changed = try await service.changePriority(number: number, to: value, expectedVersion: version, by: user)
                return "\(number) is now \(changed.ticket.priority.rawValue) priority"
            }
        case .assign:
            write(on: number) { service, user in
                let changed = try await service.assign(number: number, to: value.isEmpty ? nil : value, expectedVersion: version, by: user)
                let who = changed.assignee.map { "\($0.name) <\($0.email)>" } ?? "nobody"
                return value.isEmpty ? "\(number) assigned automatically to \(who)" : "\(number) assigned to \(who)"
            }
        case .category:
            write(on: number) { service, user in
                let changed = try await service.updateTicket(
                    number: number, subject: nil, description: nil, category: value, expectedVersion: version, by: user)
                return "\(number) is now in \(DisplayText.category(changed.ticket.category))"
            }
        case .confirmDelete:
            guard value == "yes" else { return }
            write(on: number) { service, user in
                _ = try await service.deleteTicket(number: number, expectedVersion: version, by: user)
                return "\(number) moved to the trash"
            }
            state.focus = .queue
        case .userRole, .confirmUserActive, .confirmReset, .confirmRestore, .confirmPurge, .filter, .confirmQuit, .confirmLinkKey:
            break
        }
    }

    func toggleFilter(_ value: String) {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        func toggle<T: Equatable>(_ list: inout [T], _ item: T?) {
            guard let item else { return }
            if let index = list.firstIndex(of: item) { list.remove(at: index) } else { list.append(item) }
        }
        switch parts[0] {
        case "status": toggle(&state.filter.statuses, TicketStatus(rawValue: parts[1]))
        case "priority": toggle(&state.filter.priorities, Priority(rawValue: parts[1]))
        case "category": toggle(&state.filter.categories, TicketCategory(rawValue: parts[1]))
        case "assignee":
            let wanted: AssigneeFilter = parts[1] == "me" ? .me : (parts[1] == "none" ? AssigneeFilter.none : .email(parts[1]))
            state.filter.assignee = state.filter.assignee == wanted ? nil : wanted
        default: break
        }
        loadPage(append: false, keepSelection: false)
    }

    func submitPrompt() {
        guard case .prompt(let prompt)? = state.overlay else { return }
        state.overlay = nil
        let text = prompt.field.text.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .search:
            state.search = text.isEmpty ? nil : text
            state.focus = .queue
            loadPage(append: false, keepSelection: false)
        case .period:
            let parts = text.split(separator: " ").map(String.init)
            if parts.isEmpty {
                state.reportPeriod = nil
            } else {
                do {
                    _ = try ReportPeriod.parse(from: parts.first, to: parts.count > 1 ? parts[1] : nil, now: state.now)
                    state.reportPeriod = (parts[0], parts.count > 1 ? parts[1] : ReportPeriod.isoDay(state.now))
                } catch let error as HelpdeskError {
                    // The prompt stays with the text as typed, so the next keys are not run as commands.
                    var kept = prompt
                    kept.error = error.description
                    state.overlay = .prompt(kept)
                    return
                } catch {
                    return
                }
            }
            loadDashboard()
        case .jump:
            guard let user = state.user, !text.isEmpty else { return }
            let number = text.uppercased(), service = self.service
            background({
                let (listing, comments) = try await service.ticketWithComments(number: number, by: user)
                return .jumped(listing, comments)
            }, onError: { error in .failed(error, reload: false, reopen: .prompt(prompt)) })
        case .subject:
            guard case .ticket(let number, let version)? = prompt.target else { return noTicket() }
            // Refused (a conflict, a bad subject): the prompt comes back with the text as typed.
            write(on: number, reopen: .prompt(prompt)) { service, user in
                _ = try await service.updateTicket(
                    number: number, subject: text, description: nil, category: nil, expectedVersion: version, by: user)
                return "Subject of \(number) changed"
            }
        }
    }
}
