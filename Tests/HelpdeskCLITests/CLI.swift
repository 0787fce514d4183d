import Foundation
import Testing

/// Runs the built `helpdesk` binary against a temporary database, the way a script would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
        }
    }

    let directory: URL
    let database: String
    let now: String

    init(now: String = "2026-11-29T09:00:00Z") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("cli.sqlite").path
        self.now = now
    }

    static let binary: URL = {
        let fromBundle = Bundle.main.bundleURL
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            fromBundle.appendingPathComponent("helpdesk"),
            fromBundle.deletingLastPathComponent().appendingPathComponent("helpdesk"),
            root.appendingPathComponent(".build/debug/helpdesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    /// Starts the command with pinned database, clock and a cheap password hash.
    func start(
        _ arguments: [String], as user: String? = nil, stdin: String? = nil, now: String? = nil, environment extra: [String: String] = [:]
    ) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = database
        environment["HELPDESK_NOW"] = now ?? self.now
        environment["HELPDESK_TEST_PASSWORD_ROUNDS"] = "1000"
        // Times for people follow TZ; the tests pin it (UTC unless a test says otherwise).
        environment["TZ"] = "UTC"
        environment.merge(extra) { _, new in new }
        environment["HELPDESK_USER"] = user
        if user == nil { environment.removeValue(forKey: "HELPDESK_USER") }
        process.environment = environment
        let id = UUID().uuidString
        let out = directory.appendingPathComponent("\(id).out"), err = directory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let input = directory.appendingPathComponent("\(id).in")
        _ = FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
        process.standardInput = try FileHandle(forReadingFrom: input)
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, URL, URL)) throws -> Result {
        started.0.waitUntilExit()
        return Result(
            status: started.0.terminationStatus,
            stdout: try String(contentsOf: started.1, encoding: .utf8),
            stderr: try String(contentsOf: started.2, encoding: .utf8))
    }

    @discardableResult
    func run(
        _ arguments: [String], as user: String? = nil, stdin: String? = nil, now: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try Self.finish(start(arguments, as: user, stdin: stdin, now: now, environment: environment))
    }

    /// Runs a command that must succeed and returns its JSON.
    @discardableResult
    func json(_ arguments: [String], as user: String? = nil, stdin: String? = nil, now: String? = nil) throws -> [String: Any] {
        let result = try run(arguments + ["--json"], as: user, stdin: stdin, now: now)
        #expect(result.status == 0, "\(arguments): \(result.stdout) \(result.stderr)")
        return try result.json()
    }

    /// An admin, an agent and a customer.
    func seedUsers() throws {
        try json(["user", "add", "--email", "admin@x.test", "--name", "Ada", "--role", "admin", "--password", "password1"])
        try json(["user", "add", "--email", "alice@x.test", "--name", "Alice", "--role", "agent", "--password-stdin"], as: "admin@x.test", stdin: "password1\n")
        try json(["user", "add", "--email", "bob@x.test", "--name", "Bob", "--role", "agent", "--password", "password1"], as: "admin@x.test")
        try json(["register", "--email", "dan@x.test", "--name", "Dan", "--password-stdin"], stdin: "password1\n")
    }

    func createTicket(subject: String = "Cannot log in since Monday", as user: String = "dan@x.test", extra: [String] = []) throws -> String {
        let ticket = try json(["ticket", "create", "--subject", subject, "--description", "Every login attempt fails."] + extra, as: user)
        return try #require(ticket["number"] as? String)
    }
}
