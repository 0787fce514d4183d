import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite

/// Durable writes (each commit fsynced), on the same file the reads use.
struct WriteOperations {
    let setup: BenchSetup
    let stopwatch: Stopwatch

    func all() async throws -> [Measurement] {
        [try await create(), try await statusChange()]
    }

    func create() async throws -> Measurement {
        let customer = setup.customer, service = setup.service
        let ours = try await stopwatch.time { run in
            blackHole(try await service.createTicket(
                NewTicketInput(
                    subject: "Benchmark ticket \(run) cannot export report",
                    description: "Filed by the benchmark: the export button spins and nothing downloads.",
                    priority: "high", category: "technical"),
                by: customer))
        }
        return Measurement("create a ticket (number, history, search index, fsync)", goal: 5, ours: ours)
    }

    /// Each run moves one of 50 tickets in progress to waiting, or back on its next visit, as its agent.
    func statusChange() async throws -> Measurement {
        let flips = try await StatusFlips(setup: setup)
        let service = setup.service
        let ours = try await stopwatch.time { run in
            let flip = flips.flip(run)
            blackHole(try await service.changeStatus(number: flip.number, to: flip.status, by: flip.agent))
        }
        return Measurement("status change with history (fsync)", goal: 3, ours: ours)
    }
}
