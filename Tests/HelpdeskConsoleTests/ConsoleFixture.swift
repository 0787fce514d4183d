import Foundation
import Testing
import HelpdeskConsole
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

/// A console on the in-memory test backend over a temporary helpdesk, driven by keys and read as lines.
final class ConsoleFixture {
    let directory: URL
    let database: HelpdeskDatabase
    var now: Date
    let admin: User, alice: User, bob: User, dan: User
    static let hasher = PBKDF2PasswordHasher(rounds: 1_000)
    static let start = ISO8601DateFormatter().date(from: "2026-11-29T09:00:00Z")!

    init() async throws {
        TextWidth.adoptLocale("C.UTF-8")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try HelpdeskDatabase(path: directory.appendingPathComponent("console.sqlite").path)
        now = Self.start
        let service = Helpdesk(storage: SQLiteStorage(database: database), clock: FixedTimeSource(now), hasher: Self.hasher, digest: SHA256Digester())
        admin = try await service.addUser(email: "admin@x.test", name: "Ada Admin", role: "admin", password: "password1", by: nil)
        alice = try await service.addUser(email: "alice@x.test", name: "Alice Agent", role: "agent", password: "password1", by: admin)
        bob = try await service.addUser(email: "bob@x.test", name: "Bob Agent", role: "agent", password: "password1", by: admin)
        dan = try await service.register(email: "dan@x.test", name: "Dan Customer", password: "password1")
    }

    var service: Helpdesk { Helpdesk(storage: SQLiteStorage(database: database), clock: FixedTimeSource(now), hasher: Self.hasher, digest: SHA256Digester()) }

    /// The same file through a connection of its own, as another agent's process would write it.
    func otherProcess() throws -> Helpdesk {
        Helpdesk(storage: SQLiteStorage(database: try HelpdeskDatabase(path: database.path)), clock: FixedTimeSource(now), hasher: Self.hasher, digest: SHA256Digester())
    }

    @discardableResult
    func file(_ subject: String, priority: String = "medium", assignTo: String? = "alice@x.test", by user: User? = nil) async throws -> String {
        let number = try await service.createTicket(
            NewTicketInput(subject: subject, description: "Details of: \(subject)", priority: priority), by: user ?? dan
        ).ticket.number
        if let assignTo { _ = try await service.assign(number: number, to: assignTo, by: admin) }
        return number
    }

    static func config(theme: String = "mono", keymap: String = "default", user: URL? = nil) -> ConsoleConfig {
        var loader = ConfigLoader.standard(environment: [:])
        loader.user = user
        return loader.load(keymap: keymap, theme: theme, environment: [:], colours: 256, utf8: true)
    }

    func console(
        as user: User?, width: Int = 120, height: Int = 30, config: ConsoleConfig = ConsoleFixture.config(),
        exportDirectory: URL? = nil, drafts: DraftStore = DraftStore(directory: nil), userFolders: UserFolders? = nil,
        configForUser: (@Sendable (User) -> ConsoleConfig)? = nil, guest: SSHGuestEntry? = nil
    ) async -> ConsoleDriver {
        let scheduler = ManualScheduler(), inbox = Inbox()
        let controller = ConsoleController(
            service: service, config: config, scheduler: scheduler, inbox: inbox, width: width, height: height, user: user,
            exportDirectory: exportDirectory ?? FileManager.default.temporaryDirectory, followsChanges: false, drafts: drafts,
            userFolders: userFolders, configForUser: configForUser, guest: guest)
        let driver = ConsoleDriver(controller: controller, scheduler: scheduler, inbox: inbox)
        await driver.settle()
        return driver
    }
}

/// Presses keys and reads the screen, like a person at the terminal. The database work a key starts
/// runs before the screen is read, as the terminal's background queue would have run it by then.
struct ConsoleDriver {
    let controller: ConsoleController
    let scheduler: ManualScheduler
    let inbox: Inbox

    @discardableResult
    func press(_ names: String...) async -> ConsoleController.Effect {
        var effect = ConsoleController.Effect.none
        for name in names {
            let key = Key(name: name) ?? .char(name.first ?? " ")
            effect = controller.handle(.key(key))
            await settle()
        }
        return effect
    }

    func type(_ text: String) async {
        for character in text {
            _ = controller.handle(.key(character == "\n" ? .enter : .char(character)))
        }
        await settle()
    }

    /// Runs the scheduled work and applies its results until nothing is left to do.
    func settle(sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<16 {
            await scheduler.runAll()
            controller.applyFinishedWork()
            if scheduler.isIdle { return }
        }
        Issue.record("the console still had work after 16 rounds (a reload loop?)", sourceLocation: sourceLocation)
    }

    /// What the change feed does when another process commits.
    func announceChange() async {
        inbox.post(.changed)
        await settle()
    }

    var lines: [String] { controller.render().lines }
    var screen: String { lines.joined(separator: "\n") }

    func resize(_ width: Int, _ height: Int) async {
        _ = controller.handle(.resize(width: width, height: height))
        await settle()
    }
}
