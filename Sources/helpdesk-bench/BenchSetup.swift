import Foundation
import HelpdeskCore
import GRDB
import HelpdeskSQLite
import HelpdeskUseCases

/// The people and tickets the measured operations work on, found in a built database.
struct BenchSetup {
    static let password = "bench-password"
    /// The instant the generated data ends and every measured operation happens.
    static let now = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29T12:00:00Z

    let database: HelpdeskDatabase
    let service: Helpdesk
    let admin: User
    /// The agent with the largest queue.
    let agent: User
    let customer: User

    init(path: String) async throws {
        database = try HelpdeskDatabase(path: path)
        service = Helpdesk(storage: SQLiteStorage(database: database), clock: FixedTimeSource(Self.now), hasher: PBKDF2PasswordHasher(rounds: 1_000), digest: SHA256Digester())
        admin = try await service.actor(email: "admin@bench.test")
        agent = try await service.actor(email: "agent0@bench.test")
        customer = try await service.actor(email: "customer0@bench.test")
    }

    /// A file built by an older generator may hold status moves the workflow forbids (in_progress →
    /// reopened); figures measured on it would describe data the product could never hold.
    /// (Checked once per benchmark run, not in the probe processes, whose start is itself measured.)
    func requireLegalStatusHistory(_ path: String) throws {
        let moves = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT old_value, new_value FROM history WHERE field = 'status'")
                .map { (old: $0[0] as String? ?? "", new: $0[1] as String? ?? "") }
        }
        let illegal = moves.filter { move in
            guard let from = TicketStatus(rawValue: move.old), let to = TicketStatus(rawValue: move.new) else { return true }
            return !Workflow.isAllowed(from: from, to: to)
        }
        guard illegal.isEmpty else {
            let list = illegal.map { "\($0.old) → \($0.new)" }.joined(separator: ", ")
            throw BenchError("\(path) holds status moves the workflow forbids (\(list)); delete it to rebuild")
        }
    }

    /// Ticket numbers chosen by a query, for operations that need a different ticket each run.
    func numbers(_ sql: String, limit: Int) throws -> [String] {
        try database.writer.read { db in try String.fetchAll(db, sql: sql + " LIMIT \(limit)") }
    }
}
