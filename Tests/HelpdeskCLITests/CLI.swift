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

    /// Starts the command with pinned database, clock and time zone (the binary always hashes new
    /// passwords at full cost; `seedUsers` makes the usual accounts cheaply instead).
    func start(
        _ arguments: [String], as user: String? = nil, stdin: String? = nil, now: String? = nil, environment extra: [String: String] = [:]
    ) throws -> (Spawned, URL, URL) {
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = database
        environment["HELPDESK_NOW"] = now ?? self.now
        // No user key map or theme of whoever runs the tests.
        environment["XDG_CONFIG_HOME"] = directory.path
        // Times for people follow TZ; the tests pin it (UTC unless a test says otherwise).
        environment["TZ"] = "UTC"
        environment.merge(extra) { _, new in new }
        environment["HELPDESK_USER"] = user
        if user == nil { environment.removeValue(forKey: "HELPDESK_USER") }
        let id = UUID().uuidString
        let out = directory.appendingPathComponent("\(id).out"), err = directory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let input = directory.appendingPathComponent("\(id).in")
        _ = FileManager.default.createFile(atPath: input.path, contents: Data((stdin ?? "").utf8))
        // Relative paths land in the test's own folder.
        let process = try Spawned(
            Self.binary, arguments, environment: environment, directory: directory, input: input, output: out, errors: err)
        return (process, out, err)
    }

    static func finish(_ started: (Spawned, URL, URL)) throws -> Result {
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
    func json(
        _ arguments: [String], as user: String? = nil, stdin: String? = nil, now: String? = nil, environment: [String: String] = [:]
    ) throws -> [String: Any] {
        let result = try run(arguments + ["--json"], as: user, stdin: stdin, now: now, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stdout) \(result.stderr)")
        return try result.json()
    }

    /// The test-only target that makes fixtures and load (`Sources/helpdesk-torture`).
    static let torture = binary.deletingLastPathComponent().appendingPathComponent("helpdesk-torture")

    /// An admin, two agents and a customer (then `extra`, each `ROLE:EMAIL:NAME`), all with password
    /// `password1`, made through the use cases by the test-only target at the pinned clock with
    /// 1,000-round hashes: the shipped binary never makes such cheap hashes, but verifies them (and
    /// replaces one at its first successful login), so the suite stays fast.
    func seedUsers(extra: [String] = []) throws {
        let errors = directory.appendingPathComponent("seed-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = try Spawned(
            Self.torture,
            ["users", database, now, "admin:admin@x.test:Ada", "agent:alice@x.test:Alice", "agent:bob@x.test:Bob", "customer:dan@x.test:Dan"]
                + extra,
            environment: ProcessInfo.processInfo.environment, directory: nil, input: nil, output: nil, errors: errors)
        process.waitUntilExit()
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "helpdesk-torture users: \(message)")
    }

    func createTicket(subject: String = "Cannot log in since Monday", as user: String = "dan@x.test", extra: [String] = []) throws -> String {
        let ticket = try json(["ticket", "create", "--subject", subject, "--description", "Every login attempt fails."] + extra, as: user)
        return try #require(ticket["number"] as? String)
    }
}
