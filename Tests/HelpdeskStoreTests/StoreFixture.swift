import Foundation
import GRDB
import HelpdeskCore
@testable import HelpdeskStore

/// A helpdesk on a temporary file with an admin, two agents and two customers, and a clock the test
/// moves by hand.
struct StoreFixture {
    let directory: URL
    let database: HelpdeskDatabase
    let start: Date
    let admin: User, alice: User, bob: User, dan: User, erin: User

    static let hasher = PBKDF2PasswordHasher(rounds: 1_000)

    init(start: Date = Date(timeIntervalSince1970: 1_795_000_000)) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try HelpdeskDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        self.start = start
        let service = HelpdeskService(database: database, clock: FixedTimeSource(start), hasher: Self.hasher)
        admin = try service.addUser(email: "admin@x.test", name: "Admin", role: "admin", password: "password1", by: nil)
        alice = try service.addUser(email: "alice@x.test", name: "Alice", role: "agent", password: "password1", by: admin)
        bob = try service.addUser(email: "bob@x.test", name: "Bob", role: "agent", password: "password1", by: admin)
        dan = try service.register(email: "dan@x.test", name: "Dan", password: "password1")
        erin = try service.register(email: "erin@x.test", name: "Erin", password: "password1")
    }

    /// The service with its clock `hours` after the start.
    func at(_ hours: Double = 0) -> HelpdeskService {
        HelpdeskService(database: database, clock: FixedTimeSource(start.addingTimeInterval(hours * 3600)), hasher: Self.hasher)
    }

    var service: HelpdeskService { at(0) }

    func file(_ subject: String = "Printer is on fire", by user: User? = nil, priority: String? = nil, hours: Double = 0) throws -> String {
        try at(hours).createTicket(
            NewTicketInput(subject: subject, description: "Please help, details inside.", priority: priority), by: user ?? dan
        ).ticket.number
    }

    func count(_ sql: String) throws -> Int {
        try database.writer.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}
