import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts whole processes and times them from spawn to exit, as hyperfine does.
struct ProcessRunner {
    var environment: [String: String]

    /// Runs `arguments` (the first is the program) with output discarded; returns milliseconds.
    func time(_ arguments: [String]) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let (status, _) = try run(arguments, capture: false)
        guard status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) exited with \(status)") }
        return (clock.now - start).seconds * 1000
    }

    /// Runs and returns the exit status and (when `capture`) standard output.
    func run(_ arguments: [String], capture: Bool) throws -> (Int32, String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let output = capture ? FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)").path : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard capture else { return (code, "") }
        defer { try? FileManager.default.removeItem(atPath: output) }
        return (code, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }
}

/// The process's peak resident set, from the kernel.
func peakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
