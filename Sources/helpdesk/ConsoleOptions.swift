import ArgumentParser
import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskTerminal

/// How the console looks and which keys it takes.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "Theme name (default, dark, light, high-contrast, mono) or path to a theme file.")
    var theme: String?

    @Option(help: "Key map name (default, vim, emacs) or path to a key map file.")
    var keymap: String?

    /// Opens the full-screen console; `--as` (or an SSH session's key) skips the login screen.
    /// `externalEditor: false` turns `C-o` off (over SSH); `guest` is a guest connection's key (the
    /// login and registration screens, then the offer to link the key). Inside an SSH session, the
    /// configuration and exports are the helpdesk user's own (`UserFolders`), never the shared
    /// account's `~/.config`.
    func open(
        _ global: GlobalOptions, databasePath: String? = nil, loginNote: String? = nil, externalEditor: Bool = true,
        guest: SSHGuestEntry? = nil
    ) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw HelpdeskError(.validation, "The console needs a terminal; for scripts use the subcommands (helpdesk --help)")
        }
        let service = try global.service(path: databasePath)
        let user = global.namesUser ? try await global.actor(service) : nil
        let utf8 = TextWidth.adoptLocale(environment: global.environment)
        let environment = global.environment, keymap = keymap, theme = theme
        let reports = URL(fileURLWithPath: ((databasePath ?? global.databasePath) as NSString).deletingLastPathComponent)
            .appendingPathComponent("reports")
        let drafts = DraftStore.standard(environment: environment, helpdesk: databasePath ?? global.databasePath)
        let userFolders = SSHSessionContext.current.map { UserFolders(database: $0.databasePath) }
        // The event loop blocks in the terminal's input between keys, so it gets a thread of its own:
        // on one of the few threads every async task shares, it would starve the console's own
        // database work and change feed.
        let status = await withCheckedContinuation { (finished: CheckedContinuation<Int32, Never>) in
            let loop = Thread {
                finished.resume(returning: ConsoleRunner.run { width, height, colours in
                    let configFor: @Sendable (User?) -> ConsoleConfig = { user in
                        Self.configuration(
                            for: user, userFolders: userFolders, keymap: keymap, theme: theme, environment: environment,
                            colours: colours, utf8: utf8, externalEditor: externalEditor)
                    }
                    var perUser: (@Sendable (User) -> ConsoleConfig)?
                    if userFolders != nil { perUser = { configFor($0) } }
                    return ConsoleController(
                        service: service, config: configFor(user), scheduler: BackgroundScheduler(), inbox: Inbox(),
                        width: width, height: height, user: user, loginNote: loginNote, exportDirectory: reports,
                        drafts: drafts, userFolders: userFolders, configForUser: perUser, guest: guest)
                })
            }
            loop.stackSize = 8 << 20
            loop.start()
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The console's configuration for `user`: the shipped files and the account's
    /// `~/.config/helpdesk/`; over SSH (`userFolders`), the shipped files and the user's own folder
    /// instead, and for a guest who has not logged in, the shipped files only.
    static func configuration(
        for user: User?, userFolders: UserFolders?, keymap: String?, theme: String?, environment: [String: String],
        colours: Int, utf8: Bool, externalEditor: Bool
    ) -> ConsoleConfig {
        var loader = ConfigLoader.standard(environment: environment)
        if let userFolders { loader.user = user.map { userFolders.config(for: $0.id) } }
        var config = loader.load(keymap: keymap, theme: theme, environment: environment, colours: colours, utf8: utf8)
        config.externalEditorAllowed = externalEditor
        return config
    }
}
