import HelpdeskCore
import HelpdeskUseCases

/// Fifty tickets that are in progress or waiting, each flipped to the other status on every visit, so
/// that any number of runs (and a second benchmark on the same file) find a permitted move.
final class StatusFlips {
    private var tickets: [(number: String, status: String, agent: User)]

    init(setup: BenchSetup, count: Int = 50) async throws {
        let rows = try setup.numbers(
            """
            SELECT number || ' ' || status || ' ' || assignee_id FROM tickets
            WHERE status IN ('in_progress', 'waiting') AND deleted_at IS NULL ORDER BY id DESC
            """,
            limit: count)
        guard rows.count == count else { throw BenchError("only \(rows.count) tickets in progress or waiting; \(count) needed") }
        var agents: [Int64: User] = [:]
        var tickets: [(number: String, status: String, agent: User)] = []
        for row in rows {
            let parts = row.split(separator: " ")
            let id = Int64(parts[2]) ?? 0
            if agents[id] == nil { agents[id] = try await setup.service.actor(email: "agent\(id - 2)@bench.test") }
            guard let agent = agents[id] else { throw BenchError("no agent \(id)") }
            tickets.append((String(parts[0]), String(parts[1]), agent))
        }
        self.tickets = tickets
    }

    /// The ticket and target status of run `run`.
    func flip(_ run: Int) -> (number: String, status: String, agent: User) {
        let index = run % tickets.count
        tickets[index].status = tickets[index].status == "waiting" ? "in_progress" : "waiting"
        return tickets[index]
    }
}
