import Foundation

/// Operations timed as whole processes: the console's start, its memory, and the command line.
struct ProcessOperations {
    let setup: BenchSetup
    let stopwatch: Stopwatch
    let bench: String
    let helpdesk: String
    let runner = ProcessRunner(environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"])

    var path: String { setup.database.path }
    static let nowOption = ["--now", "2026-11-29T12:00:00Z"]

    func console() async throws -> [Measurement] {
        let start = try await stopwatch.time { _ in blackHole(try runner.time([bench, "probe-first-frame", "--db", path])) }
        let (status, output) = try runner.run([bench, "probe-memory", "--db", path], capture: true)
        guard status == 0, let megabytes = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("the memory probe failed (\(status)): \(output)")
        }
        return [
            Measurement("console: process start to first queue frame (agent)", goal: 150, ours: start),
            Measurement(
                "console: peak resident memory, MB (2,000 pages scrolled)", goal: 64, ours: [megabytes],
                note: "one run; the figure is MB, not ms"),
        ]
    }

    func commandLine() async throws -> [Measurement] {
        let base = [helpdesk] + Self.nowOption + ["--db", path]
        let open = ["open", "assigned", "in_progress", "waiting", "reopened"].flatMap { ["--status", $0] }
        let list = base + ["ticket", "list", "--as", setup.admin.email, "--sort", "priority", "--limit", "50"] + open
        let search = base + ["ticket", "list", "--as", setup.admin.email, "--search", "webhook", "--limit", "50"]
        var results = [
            Measurement("cli: ticket list, open, top 50 by priority", goal: 5, ours: try await stopwatch.time { _ in blackHole(try runner.time(list)) }),
            Measurement("cli: ticket list --search (keyword)", goal: 5, ours: try await stopwatch.time { _ in blackHole(try runner.time(search)) }),
        ]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let sql = """
                SELECT number, subject, status, priority FROM tickets WHERE deleted_at IS NULL AND status IN \
                ('open','assigned','in_progress','waiting','reopened') ORDER BY priority_rank, sla_next_due, id LIMIT 50
                """
            results.append(Measurement(
                "cli floor: sqlite3 shell, the same list", goal: nil,
                ours: try await stopwatch.time { _ in blackHole(try runner.time(["/usr/bin/sqlite3", "-readonly", path, sql])) }))
        }
        let flips = try await StatusFlips(setup: setup)
        results.append(Measurement("cli: ticket status (durable)", goal: 5, ours: try await stopwatch.time { run in
            let flip = flips.flip(run)
            blackHole(try runner.time(base + ["ticket", "status", flip.number, flip.status, "--as", flip.agent.email]))
        }))
        results.append(Measurement("cli: ticket create (durable)", goal: 8, ours: try await stopwatch.time { run in
            blackHole(try runner.time(base + [
                "ticket", "create", "--as", setup.customer.email, "--subject", "Cannot export report \(run)",
                "--description", "The export button spins and nothing downloads.", "--priority", "high",
            ]))
        }))
        return results
    }
}
