import Foundation
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

// Load generators for the reliability tests (not installed with the product):
//   helpdesk-torture setup DB
//   helpdesk-torture users DB NOW ROLE:EMAIL:NAME...   (the command-line tests' accounts, password
//       "password1" hashed at 1,000 rounds, which the shipped binary verifies but never makes)
//   helpdesk-torture crash-writer DB ACK_FILE SEED     (writes until killed; acknowledges each commit)
//   helpdesk-torture contend DB WORKER OPS SEED REPORT (one of several processes on the same hot tickets)

let arguments = CommandLine.arguments
let fastHasher = PBKDF2PasswordHasher(rounds: 1_000)

func service(_ path: String) throws -> Helpdesk {
    Helpdesk(storage: SQLiteStorage(database: try HelpdeskDatabase(path: path)), clock: SystemTimeSource(), hasher: fastHasher, digest: SHA256Digester())
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("helpdesk-torture: \(message)\n".utf8))
    exit(2)
}

/// Appends a line and forces it to disk: a line in the file means the write before it was committed.
final class AckLog {
    let handle: FileHandle
    init(_ path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { fail("cannot open \(path)") }
        self.handle = handle
        handle.seekToEndOfFile()
    }
    func write(_ line: String) {
        handle.write(Data((line + "\n").utf8))
        try? handle.synchronize()
    }
}

func setup(_ path: String) async throws {
    let s = try service(path)
    let admin = try await s.addUser(email: "admin@t.test", name: "Admin", role: "admin", password: "password1", by: nil)
    _ = try await s.addUser(email: "agent@t.test", name: "Agent", role: "agent", password: "password1", by: admin)
    _ = try await s.register(email: "cust@t.test", name: "Customer", password: "password1")
    for index in 0..<3 {
        let number = try await s.createTicket(NewTicketInput(subject: "Hot ticket \(index)", description: "Everyone works on this one"), by: admin).ticket.number
        _ = try await s.assign(number: number, to: "agent@t.test", by: admin)
    }
}

/// Accounts through the use cases, at `now`: the first is the first admin, the others are added
/// by it, customers register themselves (so the audit log reads as if the binary had made them).
func users(_ path: String, now: String, specs: [String]) async throws {
    guard let date = UTCTimestamp.parseISO8601(now) else { fail("bad time \(now)") }
    let s = Helpdesk(
        storage: SQLiteStorage(database: try HelpdeskDatabase(path: path)), clock: FixedTimeSource(date), hasher: fastHasher,
        digest: SHA256Digester())
    var admin: User?
    for spec in specs {
        let parts = spec.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3 else { fail("bad account \(spec); want ROLE:EMAIL:NAME") }
        if parts[0] == "customer" {
            _ = try await s.register(email: parts[1], name: parts[2], password: "password1")
        } else {
            let user = try await s.addUser(email: parts[1], name: parts[2], role: parts[0], password: "password1", by: admin)
            admin = admin ?? user
        }
    }
}

func crashWriter(_ path: String, ackPath: String, seed: UInt64) async throws -> Never {
    let s = try service(path)
    let admin = try await s.actor(email: "admin@t.test")
    let customer = try await s.actor(email: "cust@t.test")
    let log = try AckLog(ackPath)
    var random = SplitMix64(seed: seed)
    var mine: [String] = []
    while true {
        switch random.next(below: 4) {
        case 0, 1:
            let number = try await s.createTicket(
                NewTicketInput(subject: "Crash test \(random.next())", description: "Written before a SIGKILL"), by: customer
            ).ticket.number
            mine.append(number)
            log.write("ticket \(number)")
        case 2 where !mine.isEmpty:
            let number = mine[random.next(below: mine.count)]
            let comment = try await s.addComment(number: number, body: "Acknowledged comment \(random.next())", isInternal: random.next(below: 2) == 0, by: admin)
            log.write("comment \(number) \(comment.comment.id)")
        case 3 where !mine.isEmpty:
            let number = mine[random.next(below: mine.count)]
            if try await s.ticket(number: number, by: admin).ticket.status == .open {
                _ = try await s.assign(number: number, to: "agent@t.test", by: admin)
                log.write("assigned \(number)")
            }
        default: break
        }
    }
}

func contend(_ path: String, worker: Int, operations: Int, seed: UInt64, report: String) async throws {
    let s = try service(path)
    let admin = try await s.actor(email: "admin@t.test")
    let agent = try await s.actor(email: "agent@t.test")
    let customer = try await s.actor(email: "cust@t.test")
    var random = SplitMix64(seed: seed &+ UInt64(worker))
    var lines: [String] = []
    let hot = ["0001", "0002", "0003"].map { "TICK-\(TicketNumber.day(of: Date()))-\($0)" }
    for _ in 0..<operations {
        let started = Date()
        var kind = "", outcome = "ok", detail = ""
        do {
            switch random.next(below: 10) {
            case 0..<4:
                kind = "create"
                detail = try await s.createTicket(NewTicketInput(subject: "Worker \(worker) ticket", description: "Created under contention"), by: customer).ticket.number
            case 4..<7:
                kind = "comment"
                detail = hot[random.next(below: hot.count)]
                _ = try await s.addComment(number: detail, body: "Worker \(worker) was here", isInternal: false, by: agent)
            default:
                kind = "priority"
                detail = hot[random.next(below: hot.count)]
                let seen = try await s.ticket(number: detail, by: admin).ticket
                let next = Priority.allCases.filter { $0 != seen.priority }[random.next(below: 3)]
                _ = try await s.changePriority(number: detail, to: next.rawValue, expectedVersion: seen.version, by: agent)
            }
        } catch let error as HelpdeskError {
            outcome = error.code.rawValue
            if error.code == .internalError { detail += " " + error.message }
        }
        let waited = Date().timeIntervalSince(started)
        lines.append("\(kind)\t\(outcome)\t\(String(format: "%.4f", waited))\t\(detail)")
    }
    try lines.joined(separator: "\n").write(toFile: report, atomically: true, encoding: .utf8)
}

do {
    switch arguments.dropFirst().first {
    case "setup" where arguments.count == 3:
        try await setup(arguments[2])
    case "users" where arguments.count >= 4:
        try await users(arguments[2], now: arguments[3], specs: Array(arguments.dropFirst(4)))
    case "crash-writer" where arguments.count == 5:
        try await crashWriter(arguments[2], ackPath: arguments[3], seed: UInt64(arguments[4]) ?? 1)
    case "contend" where arguments.count == 7:
        try await contend(arguments[2], worker: Int(arguments[3]) ?? 0, operations: Int(arguments[4]) ?? 10,
                    seed: UInt64(arguments[5]) ?? 1, report: arguments[6])
    default:
        fail("usage: setup DB | users DB NOW ROLE:EMAIL:NAME... | crash-writer DB ACK SEED | contend DB WORKER OPS SEED REPORT")
    }
} catch {
    fail("\(error)")
}
