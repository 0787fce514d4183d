import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// The console's brain: turns events into state changes and database work, and state into frames.
/// It runs on the event loop's thread; database work goes through the scheduler and comes back
/// through the inbox.
public final class ConsoleController {
    public internal(set) var state: ConsoleState
    let service: Helpdesk
    /// The key map, theme and views in use; replaced by `configForUser`'s at each login, when
    /// given (over SSH).
    public internal(set) var config: ConsoleConfig
    let scheduler: any WorkScheduler
    let inbox: Inbox
    var pageGeneration = 0
    var detailGeneration = 0
    var countsGeneration = 0
    /// The task that relays the service's change feed to the inbox while a user is logged in.
    var changeFeed: Task<Void, Never>?
    /// Whether to follow the change feed (tests announce changes themselves, `LoadResult.changed`).
    let followsChanges: Bool
    /// Counts sign-outs: work started before one is dropped when it finishes (`LoadResult.inSession`).
    var session = 0
    /// A re-read of the user and a reload are under way: further changes announced meanwhile are
    /// covered by it, so they queue no more work.
    var refreshPending = false
    var changedSinceDraw = false
    var ticks = 0
    /// Where `report.export` writes its CSV files (locally; over SSH, each user's `userFolders`).
    let exportDirectory: URL
    /// Where unsent replies and notes are kept.
    let drafts: DraftStore
    /// Over SSH, each user's own folders: exports go there instead of `exportDirectory`.
    let userFolders: UserFolders?
    /// Over SSH, the configuration of the user who logs in (from their own folder, not the shared `$HOME`).
    let configForUser: (@Sendable (User) -> ConsoleConfig)?
    /// A guest connection over SSH (`ssh session --guest`): logins are the guest key's, and a
    /// customer is offered to link the key.
    let guest: SSHGuestEntry?
    /// The login or registration just made by a customer in a guest session, held only until the
    /// link question is answered (`linkGuestKey` checks the password again).
    var linkOffer: (email: String, password: String)?
    /// How many queue rows are held before whole pages are let go (about a dozen pages).
    public var rowLimit = 1_000

    /// What the terminal must do for the console beyond drawing.
    public enum Effect: Equatable {
        case none
        case quit
        case editExternally(String)
    }

    deinit { changeFeed?.cancel() }

    public init(
        service: Helpdesk, config: ConsoleConfig, scheduler: any WorkScheduler, inbox: Inbox,
        width: Int, height: Int, user: User? = nil, loginNote: String? = nil,
        exportDirectory: URL = FileManager.default.temporaryDirectory, followsChanges: Bool = true,
        drafts: DraftStore = DraftStore(directory: nil), userFolders: UserFolders? = nil,
        configForUser: (@Sendable (User) -> ConsoleConfig)? = nil, guest: SSHGuestEntry? = nil
    ) {
        self.exportDirectory = exportDirectory
        self.userFolders = userFolders
        self.configForUser = configForUser
        self.guest = guest
        self.drafts = drafts
        self.followsChanges = followsChanges
        self.service = service
        self.config = config
        self.scheduler = scheduler
        self.inbox = inbox
        state = ConsoleState(now: service.clock.now(), width: width, height: height)
        state.environmentTZ = config.environmentTZ
        state.login.note = loginNote
        if let warning = config.warnings.first {
            let more = config.warnings.count > 1 ? " (+\(config.warnings.count - 1) more)" : ""
            state.message = ("\(warning)\(more)", true)
        }
        if let user { enter(as: user) }
    }

    // MARK: Events

    public func handle(_ event: ConsoleEvent) -> Effect {
        state.now = service.clock.now()
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            keepSelectionVisible()
        case .tick:
            ticks += 1
            // An open editor's text reaches the disk within a second, so a crash or a dropped link loses little.
            if case .editor(let editor)? = state.overlay, state.drafts[DraftKey(number: editor.number, kind: editor.kind).name] != editor.editor.text {
                keepEditorDraft()
            }
            // The dashboard also refreshes on a timer, for clocks that cross into at-risk or breach.
            if state.screen == .dashboard && ticks % 30 == 0 { loadDashboard() }
        case .key(let key):
            return handleKey(key)
        case .paste(let text):
            paste(text)
        }
        return .none
    }

    /// Pasted text (bracketed paste) is text wherever text is typed, and never runs as keys: in the
    /// editor or a multi-line field it goes in whole; in a one-line field its line breaks become
    /// spaces; with no text field open it is ignored, and the message line says so.
    func paste(_ text: String) {
        let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        switch state.overlay {
        case .editor(var editor)? where !editor.sending:
            editor.editor.insert(lines)
            state.overlay = .editor(editor)
        case .editor?:
            state.message = ("Pasted text ignored while the reply is being sent", true)
        case .prompt(var prompt)?:
            prompt.field.insert(oneLine)
            prompt.error = nil
            state.overlay = .prompt(prompt)
        case .form(var form)?:
            switch form.fields[form.focus].field {
            case .text(var field):
                field.insert(oneLine)
                form.fields[form.focus].field = .text(field)
            case .multiline(var editor):
                editor.insert(lines)
                form.fields[form.focus].field = .multiline(editor)
            case .picker: break
            }
            state.overlay = .form(form)
        case .help(var filter, let context, _)?:
            filter.insert(oneLine)
            state.overlay = .help(filter: filter, context: context, scroll: 0)
        case .palette(var palette)?:
            palette.field.insert(oneLine)
            palette.selected = 0
            state.overlay = .palette(palette)
        case .menu?:
            state.message = ("Pasted text ignored: no text field is open", true)
        case nil:
            if state.user == nil {
                if state.login.focus == 0 { state.login.email.insert(oneLine) } else { state.login.password.insert(oneLine) }
            } else {
                state.message = ("Pasted text ignored: no text field is open", true)
            }
        }
    }

    /// Applies finished background work; the loop calls it before drawing.
    public func applyFinishedWork() {
        let results = inbox.drain()
        if !results.isEmpty { changedSinceDraw = true }
        for result in results { apply(result) }
    }

    /// Has `wake` called whenever background work finishes (from its thread), so an event loop
    /// waiting for a key can go round and draw the result at once.
    public func wakeOnFinishedWork(_ wake: @escaping @Sendable () -> Void) {
        inbox.wakes(wake)
    }

    /// Whether background work changed the state since the last call (the loop redraws then).
    public func takeChanged() -> Bool {
        defer { changedSinceDraw = false }
        return changedSinceDraw
    }

    /// Said when `C-o` is pressed where the external editor is off (over SSH).
    static let noExternalEditor = "The external editor is off over SSH: write here (C-s sends)"

    /// The external editor closed: `text` is the file's content, nil when it failed.
    public func externalEditFinished(_ text: String?) {
        if case .form(var form) = state.overlay, case .multiline = form.fields[form.focus].field {
            if let text { form.fields[form.focus].field = .multiline(TextEditor(text.hasSuffix("\n") ? String(text.dropLast()) : text)) }
            state.overlay = .form(form)
            return
        }
        guard case .editor(var editorState) = state.overlay else { return }
        if let text {
            editorState.editor = TextEditor(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            state.overlay = .editor(editorState)
        } else {
            state.message = ("The external editor failed; the draft is unchanged", true)
        }
    }

    func handleKey(_ key: Key) -> Effect {
        if case .form(var form)? = state.overlay { return handleFormKey(key, &form) }
        guard state.user != nil else { return handleLoginKey(key) }
        let context = currentContext
        if context == .editor || context == .prompt { return handleTextKey(key, in: context) }
        if case .help(var filter, let context, var scroll)? = state.overlay {
            switch key {
            case .escape, .enter: state.overlay = nil
            case .down, .ctrl("n"): scroll += 1
            case .up, .ctrl("p"): scroll = max(0, scroll - 1)
            case .pageDown: scroll += 10
            case .pageUp: scroll = max(0, scroll - 10)
            default:
                if filter.handle(key) { scroll = 0 }
            }
            if state.overlay != nil {
                // Kept within the rows there are, so that `up` answers at once after scrolling far down.
                let entries = HelpView.entries(config.keyMap, context: context, role: state.user?.role).count
                let visible = max(1, min(state.height - 3, entries + 4) - 2)
                state.overlay = .help(filter: filter, context: context, scroll: min(scroll, max(0, entries + 2 - visible)))
            }
            return .none
        }
        if case .palette(var palette)? = state.overlay {
            return handlePaletteKey(key, &palette)
        }
        let keys = state.pendingKeys + [key]
        switch config.keyMap.resolve(keys, in: [context]) {
        case .pending:
            state.pendingKeys = keys
        case .command(let name):
            state.pendingKeys = []
            return perform(name)
        case .none:
            state.pendingKeys = []
        }
        return .none
    }

    /// Keys while text is typed (the editor, a prompt): printable keys are text; then the context's own
    /// bindings (send, cancel); then the field's editing keys (readline's, `ret` and `tab` in the
    /// editor); only then the global table, so no editing key can quit, switch panes or run a command.
    func handleTextKey(_ key: Key, in context: KeyContext) -> Effect {
        let keys = state.pendingKeys + [key]
        if keys.count == 1 && key.isPrintable {
            textInput(key)
            return .none
        }
        switch config.keyMap.resolve(keys, in: [context], includingGlobal: false) {
        case .command(let name):
            state.pendingKeys = []
            return perform(name)
        case .pending:
            state.pendingKeys = keys
            return .none
        case .none:
            state.pendingKeys = []
            if keys.count > 1 {
                // A prefix followed by a key it does not lead to: said, not silently dropped.
                state.message = ("\(keys.map(\.name).joined(separator: " ")) is not bound here", true)
                return .none
            }
        }
        if keys.count == 1 && textInput(key) { return .none }
        if case .command(let name) = config.keyMap.resolve(keys, in: [], includingGlobal: true) { return perform(name) }
        return .none
    }

    func handleLoginKey(_ key: Key) -> Effect {
        switch config.keyMap.resolve([key], in: [.login]) {
        case .command("app.quit"): return .quit
        case .command("login.register"):
            state.overlay = .form(.register())
        case .command("login.next-field"):
            state.login.focus = 1 - state.login.focus
        case .command("login.submit"):
            if state.login.focus == 0 { state.login.focus = 1 } else { submitLogin() }
        default:
            if state.login.focus == 0 { _ = state.login.email.handle(key) } else { _ = state.login.password.handle(key) }
        }
        return .none
    }

    var currentContext: KeyContext {
        switch state.overlay {
        case .menu?: return .menu
        case .editor?: return .editor
        case .prompt?: return .prompt
        case .help?, .palette?: return .menu
        case .form?: return .form
        case nil:
            if state.screen == .dashboard { return .dashboard }
            if state.screen == .admin { return .admin }
            switch state.focus {
            case .views: return .views
            case .queue: return .queue
            case .ticket: return .ticket
            }
        }
    }

    /// Gives a key to the open editor or prompt; false when it is not one of its editing keys.
    @discardableResult
    func textInput(_ key: Key) -> Bool {
        switch state.overlay {
        case .editor(let editor)? where editor.sending:
            // Held while the send is under way (see `EditorState.sending`).
            state.message = ("Sending to \(editor.number)…", false)
        case .editor(var editor)?:
            guard editor.editor.handle(key) else { return false }
            state.overlay = .editor(editor)
        case .prompt? where key == .tab || key == .backTab:
            // Nothing to complete; a tab never reaches the panes behind the prompt.
            break
        case .prompt(var prompt)?:
            guard prompt.field.handle(key) else { return false }
            prompt.error = nil
            state.overlay = .prompt(prompt)
        default: return false
        }
        return true
    }

    func handlePaletteKey(_ key: Key, _ palette: inout PaletteState) -> Effect {
        let matches = CommandTable.matches(palette.field.text, context: palette.context, role: state.user?.role)
        switch key {
        case .escape:
            state.overlay = nil
            return .none
        case .enter:
            state.overlay = nil
            guard matches.indices.contains(palette.selected) else { return .none }
            return perform(matches[palette.selected].name)
        case .down, .ctrl("n"), .tab:
            palette.selected = matches.isEmpty ? 0 : (palette.selected + 1) % matches.count
        case .up, .ctrl("p"), .backTab:
            palette.selected = matches.isEmpty ? 0 : (palette.selected + matches.count - 1) % matches.count
        default:
            if palette.field.handle(key) { palette.selected = 0 }
        }
        state.overlay = .palette(palette)
        return .none
    }

    // MARK: Session

    func submitLogin() {
        let email = state.login.email.text, password = state.login.password.text
        state.login.busy = true
        state.login.error = nil
        let service = self.service, guest = self.guest
        background({
            guard let guest else { return .loggedIn(try await service.login(email: email, password: password, origin: .local)) }
            let user = try await service.guestLogin(email: email, password: password, guest: guest)
            return .guestLoggedIn(user, email: email, password: password)
        }, onError: { error in .loginFailed(error.message) })
    }

    func enter(as user: User) {
        if let configForUser { config = configForUser(user) }
        state.user = user
        state.login = LoginState()
        state.drafts = drafts.load(user: user.id)
        adoptViews(for: user.role)
        state.screen = user.role == .admin ? .dashboard : .queue
        followChanges()
        reloadAll()
        if user.role.isStaff { loadAgents() }
    }

    /// The saved views a role may use (customers have their one list).
    func adoptViews(for role: Role) {
        state.views = config.views.filter { view in
            view.roles.isEmpty ? true : view.roles.contains(role)
        }
        if role == .customer {
            state.views = [SavedView(name: "My tickets", query: { var q = TicketQuery(); q.sort = .updated; return q }())]
        }
        if state.views.isEmpty { state.views = [SavedView(name: "All I can see", query: TicketQuery())] }
        state.viewIndex = min(state.viewIndex, state.views.count - 1)
        state.counts = Array(repeating: nil, count: state.views.count)
    }

    /// Re-reads the acting user after another process committed, then reloads what is on screen
    /// (`.actorRefreshed`): a role change is followed at once
    /// (screens the new role may not see close), a deactivation signs the console out. The use cases
    /// re-check the user on every action regardless; this keeps the screen honest about it.
    func refreshActor() {
        guard let user = state.user else { return }
        let service = self.service
        refreshPending = true
        background({
            .actorRefreshed(try await service.currentUser(user))
        }, onError: { error in .actorRefreshFailed(error) })
    }

    /// Follows the acting user's stored role (the caller reloads the screen).
    func adopt(_ current: User) {
        guard let previous = state.user, previous.id == current.id else { return }
        state.user = current
        guard previous.role != current.role else { return }
        adoptViews(for: current.role)
        var closed: String?
        if state.screen == .admin && current.role != .admin {
            closed = "the admin screen closed"
        } else if state.screen == .dashboard && !current.role.isStaff {
            closed = "the dashboard closed"
        }
        if closed != nil { state.screen = .queue }
        // A menu or form opened under the old role may offer what the new one may not do.
        if case .editor? = state.overlay {} else { state.overlay = nil }
        state.message = ("Your role is now \(current.role.rawValue)" + (closed.map { ": \($0)" } ?? ""), true)
        if current.role.isStaff { loadAgents() } else { state.agents = [] }
    }

    /// Back to the login screen, with `reason` shown there; nothing of the session is kept.
    func signOut(_ reason: String) {
        let width = state.width, height = state.height
        state = ConsoleState(now: state.now, width: width, height: height)
        state.environmentTZ = config.environmentTZ
        state.login.note = "Signed out: \(reason)"
        changeFeed?.cancel()
        changeFeed = nil
        linkOffer = nil
        session += 1
        refreshPending = false
        pageGeneration += 1
        detailGeneration += 1
        countsGeneration += 1
    }

    // MARK: Loading

    /// Runs database work on the scheduler and posts its result; a failure becomes what `onError`
    /// makes of it (by default a message in the message line).
    /// - Parameter supersedes: a key (`"page"`, `"detail"`, `"counts"`) for loads that a newer one
    ///   of the same key makes useless: the older is dropped or cancelled, and posts nothing.
    func background(
        supersedes key: String? = nil,
        _ work: @escaping @Sendable () async throws -> LoadResult,
        onError: @escaping @Sendable (HelpdeskError) -> LoadResult = { .failed($0, reload: false) }
    ) {
        let inbox = self.inbox, session = self.session, signedIn = state.user != nil
        scheduler.schedule(supersedes: key) {
            let result: LoadResult
            do {
                result = try await work()
                if key != nil && Task.isCancelled { return }
            } catch is CancellationError {
                return
            } catch let error as HelpdeskError {
                // Whatever the work was, a signed-in user who may no longer act is signed out (on the
                // login screen an UNAUTHORIZED is the login's own answer, for `onError` to show).
                result = signedIn && error.code == .unauthorized ? .signedOut(error.message) : onError(error)
            } catch {
                result = onError(HelpdeskError(.internalError, "\(error)"))
            }
            inbox.post(.inSession(session, result))
        }
    }

    /// Reloads everything on screen, keeping the selection.
    func reloadAll() {
        if state.screen == .dashboard { loadDashboard() }
        if state.screen == .admin { loadAdmin() }
        loadCounts()
        loadPage(append: false)
    }

    func loadDashboard() {
        guard let user = state.user, user.role.isStaff else { return }
        let service = self.service, now = state.now, chosen = state.reportPeriod
        background({
            let month = try ReportPeriod.parse(from: chosen?.from, to: chosen?.to, now: now)
            let week = ReportPeriod(from: month.until.addingTimeInterval(-7 * 86400), until: month.until)
            let sla = try await service.slaReports([week, month], by: user)
            return .dashboard(DashboardData(
                    now: try await service.dashboard(by: user), sla7: sla[0], sla30: sla[1],
                    volume: try await service.volume(month, by: user), agents: try await service.agentsReport(month, by: user)))
        })
    }

    /// Writes the volume, agents and SLA reports of the chosen period as CSV files and names them.
    func exportReports() {
        guard let user = state.user else { return }
        let service = self.service, now = state.now, chosen = state.reportPeriod, userFolders = self.userFolders
        let shared = exportDirectory
        background({
            let period = try ReportPeriod.parse(from: chosen?.from, to: chosen?.to, now: now)
            let directory = try userFolders?.exports(for: user.id) ?? shared
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let files = try [
                ("volume", ReportCSV.volume(try await service.volume(period, by: user))),
                ("agents", ReportCSV.agents(try await service.agentsReport(period, by: user))),
                ("sla", ReportCSV.sla(try await service.slaReport(period, by: user))),
            ].map { name, csv -> String in
                let path = directory.appendingPathComponent("\(name)-\(period.fromDay)-\(period.toDay).csv").path
                guard FileManager.default.createFile(atPath: path, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw HelpdeskError(.internalError, "Cannot write \(path)")
                }
                return path
            }
            return .exported(files)
        })
    }

    func loadCounts() {
        guard let user = state.user else { return }
        countsGeneration += 1
        let generation = countsGeneration, views = state.views, service = self.service, shown = state.query
        background(supersedes: "counts", {
            // One read for every view and the list as shown; one that cannot be counted shows no figure.
            let counts = (try? await service.countTickets(views.map(\.query) + [shown], by: user))?.map { try? $0.get() }
            let all = counts ?? Array(repeating: nil, count: views.count + 1)
            return .counts(generation: generation, Array(all.dropLast()), shown: all.last ?? nil)
        })
    }

    /// Two screens of rows, at least 50 and at most what a list may ask for (a terminal taller
    /// than 250 rows would otherwise ask for more and load nothing).
    var pageSize: Int { min(TicketQuery.maximumLimit, max(50, state.height * 2)) }

    func loadPage(append: Bool, keepSelection: Bool = true) {
        if append && state.nextCursor == nil { return }
        if !append && !keepSelection {
            state.selected = 0
            state.offset = 0
            state.window = .fromStart(0)
            // What narrows the list changed: its count too.
            state.shownCount = nil
            loadCounts()
        }
        // A reload keeps the window where it is: read from the end again after `G`.
        if !append, keepSelection, case .fromEnd = state.window {
            loadPage(.end)
        } else {
            loadPage(append ? .append : .replace)
        }
    }

    /// `G`: the real end of the list, read backwards from it, rather than the end of what is held.
    func loadLastPage() {
        if state.nextCursor == nil {
            move(to: Int.max)
        } else {
            state.pendingLast = true
            loadPage(.end)
        }
    }

    /// Pages back above the first kept row, when rows there were let go.
    func loadEarlierPage() {
        if state.previousCursor != nil { loadPage(.prepend) }
    }

    private func loadPage(_ placement: PagePlacement) {
        guard let user = state.user else { return }
        if placement != .replace && placement != .end && state.loading { return }
        if placement == .replace || placement == .end { pageGeneration += 1 }
        let generation = pageGeneration
        var query = state.query
        query.limit = pageSize
        switch placement {
        case .replace: break
        case .end: query.fromEnd = true
        case .append: query.after = state.nextCursor
        case .prepend: query.before = state.previousCursor
        }
        state.loading = true
        let service = self.service, request = query
        // A new first page (a new search, view, filter or reload) supersedes the one still loading;
        // pages appended or prepended to what is held do not.
        let search = state.search
        background(supersedes: placement == .replace || placement == .end ? "page" : nil, {
            .page(generation: generation, placement: placement, try await service.listTickets(request, by: user))
        }, onError: { error in
            // A search refused (too costly, past its deadline) comes back in its prompt with the reason.
            guard let search, error.fieldErrors["search"] != nil else { return .failed(error, reload: false) }
            return .searchRefused(error, search)
        })
    }

    /// The ticket the detail pane shows: the one being written to while the editor is open; the open
    /// one while the ticket pane has the focus (it stays even when a change moves it out of the list,
    /// so the next key still acts on the ticket the user chose); else the selected row.
    var detailNumber: String? {
        if case .editor(let editor)? = state.overlay { return editor.number }
        if state.focus == .ticket, let open = state.detail?.ticket.number { return open }
        return state.selectedTicket?.ticket.number
    }

    func loadDetail() {
        guard let user = state.user, let number = detailNumber else {
            state.detail = nil
            state.comments = []
            return
        }
        detailGeneration += 1
        let generation = detailGeneration, service = self.service
        background(supersedes: "detail", {
            let (listing, comments) = try await service.ticketWithComments(number: number, by: user)
            // A customer's unread marker clears when they look; staff reading has no marker to clear.
            if user.role == .customer { try await service.markSeen(number: number, by: user) }
            return .detail(generation: generation, listing, comments)
        }, onError: { error in .detailGone(generation: generation, error.message) })
    }

    func loadAgents() {
        guard let user = state.user else { return }
        let service = self.service
        background({
            .agents((try? await service.agents(by: user))?.map(\.user).filter(\.isActive) ?? [])
        })
    }

    /// Relays the service's change feed to the inbox: after another process's commit, the user is
    /// re-read and everything on screen reloaded, keeping the selection and any open draft.
    func followChanges() {
        changeFeed?.cancel()
        guard followsChanges else { return }
        let service = self.service, inbox = self.inbox
        changeFeed = Task {
            for await _ in await service.changes() { inbox.post(.changed) }
        }
    }

    /// Runs a change in the background, then shows the message `change` returns and reloads.
    /// A change to ticket `number` refused with `CONFLICT` re-reads that ticket (`.conflicted`): the
    /// screen shows its new version, and the next attempt is aimed at it. `reopen` (a prompt holding
    /// what was typed) comes back after any refusal, so no text is lost.
    func write(
        on number: String? = nil, reopen: Overlay? = nil, _ change: @escaping @Sendable (Helpdesk, User) async throws -> String
    ) {
        guard let user = state.user else { return }
        let service = self.service
        background({
            do {
                let message = try await change(service, user)
                let updated = if let number { try? await service.ticket(number: number, by: user) } else { TicketListing?.none }
                return .done(message: message, reload: true, updated: updated)
            } catch let error as HelpdeskError where error.code == .conflict {
                guard let number else { throw error }
                return .conflicted(error, current: try? await service.ticket(number: number, by: user), reopen: reopen)
            }
        }, onError: { error in .failed(error, reload: error.code == .conflict, reopen: reopen) })
    }

    func apply(_ result: LoadResult) {
        switch result {
        case .loggedIn(let user):
            enter(as: user)
        case .guestLoggedIn(let user, let email, let password):
            enter(as: user)
            offerKeyLink(to: user, email: email, password: password)
        case .loginFailed(let message):
            state.login.busy = false
            state.login.error = message
            state.login.focus = 1
            state.login.password = TextField(masked: true)
        case .counts(let generation, let counts, let shown):
            if generation == countsGeneration {
                state.counts = counts
                state.shownCount = shown
            }
        case .page(let generation, let placement, let page):
            guard generation == pageGeneration else { return }
            state.loading = false
            let previous = state.selectedTicket?.ticket.number
            place(page, placement)
            if placement == .end && state.pendingLast {
                state.pendingLast = false
                state.selected = state.rows.count - 1
                state.detailScroll = 0
            } else if placement == .replace || placement == .end, let previous,
                let index = state.rows.firstIndex(where: { $0.ticket.number == previous })
            {
                state.selected = index
            }
            if let wanted = state.pendingSelection, let index = state.rows.firstIndex(where: { $0.ticket.number == wanted }) {
                state.selected = index
                state.focus = .ticket
                state.pendingSelection = nil
            }
            state.selected = max(0, min(state.selected, state.rows.count - 1))
            keepSelectionVisible()
            if placement == .replace || placement == .end { loadDetail() }
        case .detail(let generation, let listing, let comments):
            guard generation == detailGeneration else { return }
            state.detail = listing
            state.comments = comments
            if state.user?.role == .customer, let index = state.rows.firstIndex(where: { $0.ticket.number == listing.ticket.number }) {
                state.rows[index].unread = false
            }
        case .jumped(let listing, let comments):
            detailGeneration += 1
            state.screen = .queue
            state.detail = listing
            state.comments = comments
            state.detailScroll = 0
            if let index = state.rows.firstIndex(where: { $0.ticket.number == listing.ticket.number }) {
                state.selected = index
                keepSelectionVisible()
            }
            state.focus = .ticket
        case .detailGone(let generation, let message):
            guard generation == detailGeneration else { return }
            // The open ticket can no longer be read (reassigned away, deleted): the pane lets go of it
            // rather than fall back to another row, and the focus returns to the list.
            let gone = state.detail?.ticket.number
            state.detail = nil
            state.comments = []
            if state.focus == .ticket {
                state.focus = .queue
                state.message = ((gone.map { "\($0) is no longer open to you: " } ?? "") + message, true)
            } else {
                state.message = (message, true)
            }
        case .agents(let agents):
            state.agents = agents
        case .filterAgents(let agents):
            state.agents = agents
            if state.overlay == nil { openFilterMenu() }
        case .dashboard(let data):
            state.dashboard = data
        case .admin(let data):
            state.admin = data
            state.adminSelected = max(0, min(state.adminSelected, adminRows - 1))
        case .formDone(let message):
            state.overlay = nil
            state.message = (message, false)
            reloadAll()
        case .openMenu(let menu):
            // A menu read in the background never replaces what the user opened meanwhile.
            if state.overlay == nil { state.overlay = .menu(menu) }
        case .registered(let user, let credentials):
            state.overlay = nil
            enter(as: user)
            state.message = ("Welcome, \(user.name): your account is ready", false)
            if let credentials { offerKeyLink(to: user, email: credentials.email, password: credentials.password) }
        case .ticketCreated(let number):
            state.overlay = nil
            state.ticketDraft = nil
            state.screen = .queue
            state.message = ("Created \(number)", false)
            state.pendingSelection = number
            reloadAll()
        case .formFailed(let error):
            guard case .form(var form)? = state.overlay else { return }
            form.busy = false
            form.errors = error.fieldErrors.mapValues { $0.joined(separator: "; ") }
            state.overlay = .form(form)
            state.message = (error.fieldErrors.isEmpty ? error.message : "Please correct the marked fields", true)
        case .exported(let files):
            state.message = ("Wrote " + files.joined(separator: ", "), false)
        case .done(let message, let reload, let updated):
            if let updated { adoptUpdated(updated) }
            state.message = (message, false)
            if reload { reloadAll() }
        case .commentSent(let key, let message, let updated):
            if let updated { adoptUpdated(updated) }
            state.drafts[key.name] = nil
            if let user = state.user, let error = drafts.save("", for: key, user: user.id) { state.message = (error, true) }
            if case .editor(let editor)? = state.overlay, DraftKey(number: editor.number, kind: editor.kind) == key { state.overlay = nil }
            state.message = (message, false)
            reloadAll()
        case .replyToClosedTicket(let error, let key, let text):
            // The reply stays a draft; the new-ticket form opens holding it, to file with `C-s`.
            if case .editor(var editor)? = state.overlay {
                editor.sending = false
                state.overlay = .editor(editor)
                keepEditorDraft()
            }
            var form = FormState.newTicket()
            for index in form.fields.indices {
                switch form.fields[index].name {
                case "subject": form.fields[index].field = .text(TextField("Follow-up to \(key.number)"))
                case "description": form.fields[index].field = .multiline(TextEditor(text))
                default: break
                }
            }
            state.overlay = .form(form)
            state.message = (error.message + " The form below holds your text; C-s files it as a new ticket.", true)
        case .searchRefused(let error, let search):
            state.loading = false
            state.search = nil
            loadPage(append: false, keepSelection: false)
            var prompt = PromptState(purpose: .search, label: "Search", field: TextField(search))
            prompt.error = error.description
            state.overlay = .prompt(prompt)
        case .failed(let error, let reload, let reopen):
            state.loading = false
            if case .editor(var editor)? = state.overlay, editor.sending {
                editor.sending = false
                state.overlay = .editor(editor)
            }
            state.message = (error.description + (reload ? " (reloaded)" : ""), true)
            if var reopen, state.overlay == nil {
                if case .prompt(var prompt) = reopen {
                    prompt.error = error.description
                    reopen = .prompt(prompt)
                }
                state.overlay = reopen
            }
            if reload { reloadAll() }
        case .conflicted(let error, let current, let reopen):
            conflicted(error, current: current, reopen: reopen)
        case .changed:
            // The user is re-read first and the screen reloaded after, so nothing loads under a
            // role the user no longer has.
            if state.user != nil && !refreshPending { refreshActor() }
        case .actorRefreshed(let user):
            refreshPending = false
            adopt(user)
            reloadAll()
        case .actorRefreshFailed(let error):
            refreshPending = false
            state.message = (error.description, true)
            reloadAll()
        case .inSession(let started, let result):
            if started == session { apply(result) }
        case .signedOut(let reason):
            if state.user != nil { signOut(reason) }
        }
    }

    /// A change refused because the ticket moved on: say what it is now, aim what is still open at that
    /// version (the editor keeps its draft; a prompt comes back with its text) and reload, so that the
    /// next attempt applies to what the screen then shows.
    func conflicted(_ error: HelpdeskError, current: TicketListing?, reopen: Overlay?) {
        guard let current else {
            state.message = (error.description + " (reloaded)", true)
            reloadAll()
            return
        }
        let number = current.ticket.number, version = current.ticket.version
        var text = "Not saved: \(number) changed since you opened it (now \(current.ticket.status.label), version \(version)); check it and try again"
        switch state.overlay {
        case .editor(var editor)? where editor.number == number:
            editor.version = version
            editor.sending = false
            state.overlay = .editor(editor)
            text += " (C-s sends the draft)"
        case nil:
            if case .prompt(var prompt)? = reopen, prompt.target?.ticketNumber == number {
                prompt.target = prompt.target?.at(version: version)
                prompt.error = "Not saved: \(number) changed since you opened it (now version \(version)); ret saves over it"
                state.overlay = .prompt(prompt)
            }
        default: break
        }
        if state.detail?.ticket.number == number { state.detail = current }
        state.message = (text, true)
        reloadAll()
    }

    /// Shows a ticket as the user's own change left it, in the list and the detail pane.
    func adoptUpdated(_ updated: TicketListing) {
        if state.detail?.ticket.number == updated.ticket.number { state.detail = updated }
        if let index = state.rows.firstIndex(where: { $0.ticket.number == updated.ticket.number }) { state.rows[index] = updated }
    }

    func keepSelectionVisible() {
        let visible = max(1, ConsoleLayout(width: state.width, height: state.height, focus: state.focus).listRows)
        state.offset = TableView.offset(keeping: state.rows.isEmpty ? nil : state.selected, visible: visible, from: state.offset)
    }

    // MARK: Drawing

    /// The frame and where the terminal cursor belongs (in a text field), if anywhere.
    public func frame() -> (buffer: Buffer, cursor: (x: Int, y: Int)?) {
        ConsoleView(state: state, config: config).render()
    }

    public func render() -> Buffer { frame().buffer }
}
