import Foundation
import Testing

/// A private tmux server running the real binary in a fixed-size window: the terminal end-to-end
/// tests type with `send-keys` and read with `capture-pane`.
final class Tmux {
    let socket = "helpdesk-test-\(UUID().uuidString.prefix(8))"
    let session = "console"
    private var processes: [pid_t] = []

    init(command: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        let assignments = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = "env \(assignments) " + command.map(Self.quote).joined(separator: " ") + "; echo EXITED $?; sleep 30"
        // The first command starts the tmux server, which would inherit (and hold open) an output pipe.
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", line], capture: false)
        processes = try run(["display-message", "-p", "-t", session, "#{pid} #{pane_pid}"])
            .split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    deinit {
        close()
    }

    /// Ends the tmux server and everything in its pane. `kill-server` alone is not enough here: the
    /// server is re-parented to an init that keeps it, so the processes are killed by number.
    func close() {
        _ = try? run(["kill-server"], capture: false)
        for pid in processes.reversed() {
            _ = try? Spawned.run("/usr/bin/pkill", ["-KILL", "-P", "\(pid)"])
            kill(pid, SIGKILL)
        }
        processes = []
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux client to its end (`Spawned`: posix_spawn and waitpid, no descriptor of the test
    /// runner inherited): Foundation's Process would wait for pipes that the tmux server (forked by
    /// the first client) inherits and keeps open. The child's signals start unblocked, so the server
    /// and every program in its panes start as from a shell.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        if capture { _ = FileManager.default.createFile(atPath: output.path, contents: nil) }
        defer { if capture { try? FileManager.default.removeItem(at: output) } }
        let client = try Spawned(
            Self.program, ["-L", socket] + arguments, environment: ProcessInfo.processInfo.environment, directory: nil,
            input: nil, output: capture ? output : nil, errors: nil)
        client.waitUntilExit()
        guard capture else { return "" }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// The tmux program (Debian's package puts it in /usr/bin).
    static let program = URL(fileURLWithPath: ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux")

    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    var title: String { (try? run(["display-message", "-p", "-t", session, "#{pane_title}"])) ?? "" }

    /// Waits until the screen shows `text` (the console draws asynchronously), up to a deadline.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(text.debugDescription); the screen was:\n\(last)")
        throw CancellationError()
    }
}

extension CLI {
    /// The console of this helpdesk in tmux, with TERM, the clock, the locale and HOME pinned.
    func console(as user: String? = nil, term: String = "xterm-256color", extra: [String] = [], more: [String: String] = [:]) throws -> Tmux {
        var environment = more.merging([
            "TERM": term, "HELPDESK_DB": database, "HELPDESK_NOW": now,
            "LANG": "C.UTF-8", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path,
        ]) { mine, _ in mine }
        if let user { environment["HELPDESK_USER"] = user }
        return try Tmux(command: [CLI.binary.path] + extra, environment: environment)
    }
}
