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
            let children = Process()
            children.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            children.arguments = ["-KILL", "-P", "\(pid)"]
            try? children.run()
            children.waitUntilExit()
            kill(pid, SIGKILL)
        }
        processes = []
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux client with posix_spawn and waitpid: Foundation's Process waits for pipes that the
    /// tmux server (forked by the first client) would inherit and keep open.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        // The test runner's threads block signals (SIGWINCH among them) and a blocked mask is
        // inherited through fork and exec: the tmux server, and every program in its panes, starts
        // with none blocked and default handling, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capture else { return "" }
        defer { try? FileManager.default.removeItem(atPath: output) }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

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
