// One file, linked into the contract suite and the SQLite engine's own tests.
import Foundation
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases
import Testing

/// The storage engines the contract suite runs against: every use-case test takes one as its
/// argument, so a new engine joins by adding a case here.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// A new, empty, migrated store in `directory`.
    func storage(in directory: URL) throws -> any HelpdeskStorage {
        switch self {
        case .sqlite: SQLiteStorage(database: try HelpdeskDatabase(path: directory.appendingPathComponent("test.sqlite").path))
        }
    }
}

/// A helpdesk on a fresh store with an admin, two agents and two customers, and a clock the test
/// moves by hand.
struct StoreFixture {
    let directory: URL
    let storage: any HelpdeskStorage
    let start: Date
    let admin: User, alice: User, bob: User, dan: User, erin: User

    static let hasher = PBKDF2PasswordHasher(rounds: 1_000)
    static let digest = SHA256Digester()

    init(_ engine: Engine = .sqlite, start: Date = Date(timeIntervalSince1970: 1_795_000_000)) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        storage = try engine.storage(in: directory)
        self.start = start
        let service = Helpdesk(storage: storage, clock: FixedTimeSource(start), hasher: Self.hasher, digest: SHA256Digester())
        admin = try await service.addUser(email: "admin@x.test", name: "Admin", role: "admin", password: "password1", by: nil)
        alice = try await service.addUser(email: "alice@x.test", name: "Alice", role: "agent", password: "password1", by: admin)
        bob = try await service.addUser(email: "bob@x.test", name: "Bob", role: "agent", password: "password1", by: admin)
        dan = try await service.register(email: "dan@x.test", name: "Dan", password: "password1")
        erin = try await service.register(email: "erin@x.test", name: "Erin", password: "password1")
    }

    /// The use cases with their clock `hours` after the start.
    func at(_ hours: Double = 0) -> Helpdesk {
        Helpdesk(storage: storage, clock: FixedTimeSource(start.addingTimeInterval(hours * 3600)), hasher: Self.hasher, digest: SHA256Digester())
    }

    var service: Helpdesk { at(0) }

    func file(_ subject: String = "Printer is on fire", by user: User? = nil, priority: String? = nil, hours: Double = 0) async throws -> String {
        try await at(hours).createTicket(
            NewTicketInput(subject: subject, description: "Please help, details inside.", priority: priority), by: user ?? dan
        ).ticket.number
    }

    /// Every ticket an admin can list, live or in the trash (the contract suite's way of counting).
    func allTickets() async throws -> [TicketListing] {
        var trash = TicketQuery()
        trash.trash = true
        trash.limit = TicketQuery.maximumLimit
        var live = TicketQuery()
        live.limit = TicketQuery.maximumLimit
        return try await service.listTickets(live, by: admin).tickets + service.listTickets(trash, by: admin).tickets
    }
}
