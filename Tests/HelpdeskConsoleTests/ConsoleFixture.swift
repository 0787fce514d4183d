import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskStore

/// A console on the in-memory test backend over a temporary helpdesk, driven by keys and read as lines.
final class ConsoleFixture {
    let directory: URL
    let database: HelpdeskDatabase
    var now: Date
    let admin: User, alice: User, bob: User, dan: User
    static let hasher = PBKDF2PasswordHasher(rounds: 1_000)
    static let start = ISO8601DateFormatter().date(from: "2026-11-29T09:00:00Z")!

    init() throws {
        TextWidth.adoptLocale("C.UTF-8")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try HelpdeskDatabase(path: directory.appendingPathComponent("console.sqlite").path)
        now = Self.start
        let service = HelpdeskService(database: database, clock: FixedTimeSource(now), hasher: Self.hasher)
        admin = try service.addUser(email: "admin@x.test", name: "Ada Admin", role: "admin", password: "password1", by: nil)
        alice = try service.addUser(email: "alice@x.test", name: "Alice Agent", role: "agent", password: "password1", by: admin)
        bob = try service.addUser(email: "bob@x.test", name: "Bob Agent", role: "agent", password: "password1", by: admin)
        dan = try service.register(email: "dan@x.test", name: "Dan Customer", password: "password1")
    }

    var service: HelpdeskService { HelpdeskService(database: database, clock: FixedTimeSource(now), hasher: Self.hasher) }

    /// The same file through a connection of its own, as another agent's process would write it.
    func otherProcess() throws -> HelpdeskService {
        HelpdeskService(database: try HelpdeskDatabase(path: database.path), clock: FixedTimeSource(now), hasher: Self.hasher)
    }

    @discardableResult
    func file(_ subject: String, priority: String = "medium", assignTo: String? = "alice@x.test", by user: User? = nil) throws -> String {
        let number = try service.createTicket(
            NewTicketInput(subject: subject, description: "Details of: \(subject)", priority: priority), by: user ?? dan
        ).ticket.number
        if let assignTo { _ = try service.assign(number: number, to: assignTo, by: admin) }
        return number
    }

    static func config(theme: String = "mono", keymap: String = "default", user: URL? = nil) -> ConsoleConfig {
        var loader = ConfigLoader.standard(environment: [:])
        loader.user = user
        return loader.load(keymap: keymap, theme: theme, environment: [:], colours: 256, utf8: true)
    }

    func console(as user: User?, width: Int = 120, height: Int = 30, config: ConsoleConfig = ConsoleFixture.config()) -> ConsoleDriver {
        ConsoleDriver(controller: ConsoleController(
            service: service, config: config, scheduler: InlineScheduler(), inbox: Inbox(), width: width, height: height, user: user))
    }
}

/// Presses keys and reads the screen, like a person at the terminal.
struct ConsoleDriver {
    let controller: ConsoleController

    init(controller: ConsoleController) {
        self.controller = controller
        controller.applyFinishedWork()
        controller.applyFinishedWork()
    }

    @discardableResult
    func press(_ names: String...) -> ConsoleController.Effect {
        var effect = ConsoleController.Effect.none
        for name in names {
            let key = Key(name: name) ?? .char(name.first ?? " ")
            effect = controller.handle(.key(key))
            settle()
        }
        return effect
    }

    func type(_ text: String) {
        for character in text {
            _ = controller.handle(.key(character == "\n" ? .enter : .char(character)))
        }
        settle()
    }

    func settle() {
        for _ in 0..<4 { controller.applyFinishedWork() }
    }

    var lines: [String] { controller.render().lines }
    var screen: String { lines.joined(separator: "\n") }

    func resize(_ width: Int, _ height: Int) {
        _ = controller.handle(.resize(width: width, height: height))
        settle()
    }
}
