import Foundation
import GRDB
import HelpdeskConsole
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

/// The reads an agent or admin waits on, each beside its floor.
struct ReadOperations {
    let setup: BenchSetup
    let floor: RawSQLite
    let stopwatch: Stopwatch

    var service: Helpdesk { setup.service }

    func all() async throws -> [Measurement] {
        [
            try await queueFirstPage(), try await queueNextPage(), try await openTicket(), try await viewCounts(setup.agent),
            try await viewCounts(setup.admin),
        ] + (try await search()) + (try await dashboard())
    }

    private var mine: TicketQuery {
        var query = TicketQuery()
        query.assignee = .me
        query.statuses = [.open, .assigned, .inProgress, .reopened]
        return query
    }

    private var openQueue: TicketQuery {
        var query = TicketQuery()
        query.statuses = [.open, .assigned, .inProgress, .waiting, .reopened]
        return query
    }

    func queueFirstPage() async throws -> Measurement {
        let agent = setup.agent
        let ours = try await stopwatch.time { _ in blackHole(try await service.listTickets(mine, by: agent)) }
        let id = RawSQLite.Value.int(agent.id)
        let floorTimes = try await stopwatch.time { _ in
            try floor.query(FloorSQL.mineFirstPage, [id, id, id] + FloorSQL.mineStatuses + [id])
        }
        return Measurement("queue: first page (agent's open tickets)", goal: nil, ours: ours, floor: floorTimes)
    }

    /// Every run fetches a different page of the open queue, walking it from the start with cursors.
    func queueNextPage() async throws -> Measurement {
        var cursors: [String] = []
        var pages: [TicketListing] = []
        var query = openQueue
        while cursors.count < stopwatch.runs + stopwatch.warmup {
            let page = try await service.listTickets(query, by: setup.admin)
            guard let next = page.nextCursor, let last = page.tickets.last else { break }
            cursors.append(next)
            pages.append(last)
            query.after = next
        }
        guard !cursors.isEmpty else { throw BenchError("the open queue has a single page; use more tickets") }
        let admin = setup.admin
        let ours = try await stopwatch.time { run in
            var query = openQueue
            query.after = cursors[run % cursors.count]
            blackHole(try await service.listTickets(query, by: admin))
        }
        let floorTimes = try await stopwatch.time { run in
            let last = pages[run % pages.count].ticket
            let due = (last.sla.nextDue ?? Date.distantFuture).databaseText
            try floor.query(FloorSQL.openNextPage, [.int(admin.id)] + FloorSQL.openStatuses + [.text(due), .int(last.id)])
        }
        return Measurement("queue: next page (keyset)", goal: 2, ours: ours, floor: floorTimes, note: "\(cursors.count) pages deep")
    }

    func openTicket() async throws -> Measurement {
        let numbers = try setup.numbers(
            """
            SELECT number FROM tickets WHERE id % \(Generator.threadOf20Every) = 1 AND deleted_at IS NULL
                AND (SELECT COUNT(*) FROM comments c WHERE c.ticket_id = tickets.id) = 20
            """,
            limit: 200)
        guard !numbers.isEmpty else { throw BenchError("no ticket has a 20-comment thread") }
        let admin = setup.admin
        let ours = try await stopwatch.time { run in
            let number = numbers[run % numbers.count]
            blackHole(try await service.ticketWithComments(number: number, by: admin))
        }
        let rows = try numbers.map { number in
            try setup.database.writer.read { db -> (Int64, Int64, Int64?) in
                let row = try Row.fetchOne(db, sql: "SELECT id, requester_id, assignee_id FROM tickets WHERE number = ?", arguments: [number])
                return (row?["id"] ?? 0, row?["requester_id"] ?? 0, row?["assignee_id"])
            }
        }
        let floorTimes = try await stopwatch.time { run in
            let number = RawSQLite.Value.text(numbers[run % numbers.count])
            let (id, requester, assignee) = rows[run % rows.count]
            try floor.query(FloorSQL.ticketByNumber, [number])
            try floor.query(FloorSQL.userById, [.int(requester)])
            if let assignee { try floor.query(FloorSQL.userById, [.int(assignee)]) }
            try floor.query(FloorSQL.thread, [.int(id), .int(1)])
        }
        return Measurement("open a ticket with a 20-comment thread", goal: 3, ours: ours, floor: floorTimes)
    }

    func viewCounts(_ user: User) async throws -> Measurement {
        let views = ConfigLoader.standard(environment: [:]).load(keymap: "default", theme: "default", environment: [:], colours: 256, utf8: true)
            .views.filter { $0.roles.isEmpty || $0.roles.contains(user.role) }
        let ours = try await stopwatch.time { _ in
            // As the console asks: every view in one read.
            blackHole(try await service.countTickets(views.map(\.query), by: user))
        }
        let floorQueries = try FloorCounts(user: user, now: BenchSetup.now).queries(for: views)
        let floorTimes = try await stopwatch.time { _ in
            for view in floorQueries {
                for (sql, values) in view { blackHole(try floor.integer(sql, values)) }
            }
        }
        return Measurement("counts of all \(views.count) saved views (\(user.role.rawValue))", goal: 20, ours: ours, floor: floorTimes)
    }

    func search() async throws -> [Measurement] {
        let terms = [("common word", "error"), ("rare word", SearchTerms.rare), ("two-word phrase", "\"password reset\"")]
        var results: [Measurement] = []
        for (label, text) in terms {
            var query = TicketQuery()
            query.search = text
            let admin = setup.admin
            var hits = 0
            let ours = try await stopwatch.time { _ in
                let page = try await service.listTickets(query, by: admin)
                hits = page.tickets.count
            }
            let match = RawSQLite.Value.text(SearchTerms.match(text))
            var probed = false
            let floorTimes = try await stopwatch.time { _ in
                // The planner's statements, then the page by the plan they choose.
                let tickets = try floor.integer(FloorSQL.ticketTotal)
                var estimate = 0.0
                for (index, content) in [("ticket_fts", "tickets"), ("comment_fts", "comments")] {
                    let last = try floor.integer("SELECT COALESCE(MAX(id), 0) FROM \(content)")
                    let hits = try floor.integer(FloorSQL.sampledMatches(index), [match, .int(last - 5_000)])
                    estimate += Double(hits) / Double(min(5_000, last)) * Double(last)
                }
                probed = estimate >= max(1_000, (4_000 * Double(tickets)).squareRoot())
                try floor.query(FloorSQL.search(includingInternal: true, probe: probed), [.int(admin.id), match, match])
            }
            results.append(Measurement(
                "search, first 50 hits: \(label) (\(text))", goal: 30, ours: ours, floor: floorTimes,
                note: "\(hits) hits shown, \(probed ? "probed" : "collected")"))
        }
        return results + (try await prefixSearch()) + (try await chineseSearch()) + (try await personSearch())
    }

    /// Issue 11 §9: tickets found by their requester's name or address, or by number.
    func personSearch() async throws -> [Measurement] {
        let number = try setup.numbers("SELECT number FROM tickets WHERE deleted_at IS NULL ORDER BY id DESC", limit: 1).first ?? "TICK-20261129-0001"
        return try await timedSearches([
            ("requester's name, one customer (Customer 7)", "\"Customer 7\"", setup.admin),
            ("a name every customer has (customer)", "customer", setup.admin),
            ("requester's address (customer7@bench.test)", "customer7@bench.test", setup.admin),
            ("ticket number, lower case", number.lowercased(), setup.admin),
        ])
    }

    /// Issue 11 §7: substrings of Chinese runs (found only in a file built with `--chinese-share`).
    /// No floor: the statements are the same as for any word or phrase.
    func chineseSearch() async throws -> [Measurement] {
        try await timedSearches([
            ("Chinese substring, common (连接)", "连接", setup.admin),
            ("Chinese substring, rare (\(ChineseVocabulary.rare))", ChineseVocabulary.rare, setup.admin),
            ("Chinese substring across words (法登录密)", "法登录密", setup.admin), ("one Chinese character (网)", "网", setup.admin),
        ])
    }

    /// Issue 12: prefixes, which the index answers by merging the lists of every word they begin.
    /// A prefix of a few words is searched as those words; one of many is collected once. No floor:
    /// the statements depend on what the vocabulary holds.
    func prefixSearch() async throws -> [Measurement] {
        try await timedSearches([
            ("prefix of one common word (pass*)", "pass*", setup.admin),
            ("prefix of one common word, as a customer (pass*)", "pass*", setup.customer),
            ("prefix of hundreds of rare words (kal*)", "kal*", setup.admin),
            ("eight prefixes (err* pas* upd* sec* tim* dat* con* acc*)", "err* pas* upd* sec* tim* dat* con* acc*", setup.admin),
        ])
    }

    /// The first page of each search, timed as `user`; no floor.
    private func timedSearches(_ searches: [(label: String, text: String, user: User)]) async throws -> [Measurement] {
        var results: [Measurement] = []
        for (label, text, user) in searches {
            var query = TicketQuery()
            query.search = text
            var hits = 0
            let ours = try await stopwatch.time { _ in hits = try await service.listTickets(query, by: user).tickets.count }
            results.append(Measurement("search, first 50 hits: \(label)", goal: 30, ours: ours, note: "\(hits) hits shown"))
        }
        return results
    }

    func dashboard() async throws -> [Measurement] {
        let admin = setup.admin
        let month = try ReportPeriod.parse(from: nil, to: nil, now: BenchSetup.now)
        let week = ReportPeriod(from: month.until.addingTimeInterval(-7 * 86400), until: month.until)
        let ours = try await stopwatch.time { _ in
            blackHole(try await service.dashboard(by: admin))
            blackHole(try await service.slaReports([week, month], by: admin))
            blackHole(try await service.volume(month, by: admin))
            blackHole(try await service.agentsReport(month, by: admin))
        }
        let pieces: [(String, () async throws -> Void)] = [
            ("tiles", { blackHole(try await service.dashboard(by: admin)) }),
            ("SLA, 7 and 30 days", { blackHole(try await service.slaReports([week, month], by: admin)) }),
            ("volume, 30 days", { blackHole(try await service.volume(month, by: admin)) }),
            ("agents, 30 days", { blackHole(try await service.agentsReport(month, by: admin)) }),
        ]
        var results = [Measurement("admin dashboard: every tile and chart", goal: 150, ours: ours)]
        for (name, body) in pieces {
            results.append(Measurement("  of which \(name)", goal: nil, ours: try await stopwatch.time { _ in try await body() }))
        }
        return results
    }
}

extension ChineseVocabulary {
    /// A word from the tail of the generated Chinese vocabulary.
    static let rare = ChineseVocabulary().words[4_000]
}

extension SearchTerms {
    /// A word from the tail of the generated vocabulary: in a few dozen tickets at a million.
    static let rare = Vocabulary().words[12_000]

    /// The FTS5 query our search sends for `text`, built by hand.
    static func match(_ text: String) -> String {
        SearchTerms(parsing: text).terms.map { "\"\($0.text)\"" + ($0.isPrefix ? "*" : "") }.joined(separator: " ")
    }
}

extension Date {
    /// GRDB's text form of a date, as the floor binds it.
    var databaseText: String { String.fromDatabaseValue(databaseValue) ?? "" }
}
