import Foundation

/// A child process started with `posix_spawn`, for the command-line tests' own runs of the binary.
///
/// Why not Foundation's `Process`: on Linux its `run()` lists `/proc/self/fd` to close the child's
/// descriptors, copying each directory entry's whole 256-byte `d_name`, which reads past glibc's
/// buffer and crashes the test runner (SIGSEGV in `Process.run`) once the runner holds more than
/// about 1,300 descriptors, as the full suite's parallel databases do (swift-corelibs-foundation
/// #5472, not in Swift 6.3.1; seen here in a full `swift test`). The child gets its standard
/// streams from files and no other descriptor of the runner (`addclosefrom_np`), as `Process` gave.
final class Spawned: @unchecked Sendable {
    /// The child's process id.
    let processIdentifier: Int32
    private let lock = NSLock()
    private var status: Int32?
    private var signalled = false

    /// Starts `executable` with `arguments` (without the program name) and `environment`, in
    /// `directory`, its standard input read from `input` and output and errors written to `output`
    /// and `errors` (files that exist).
    /// - Throws: `POSIXError` when the child cannot be started.
    init(
        _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL?,
        input: URL?, output: URL?, errors: URL?
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors?.path ?? "/dev/null", O_WRONLY | O_APPEND, 0)
        // glibc's `_np` actions are not in Swift's Glibc module (they need _GNU_SOURCE): found by name.
        guard Self.addCloseFrom(&actions, 3) == 0 else { throw POSIXError(.EINVAL) }
        if let directory, Self.addChdir(&actions, directory.path) != 0 { throw POSIXError(.EINVAL) }
        // The runner's threads block signals, and a blocked mask is inherited: the child starts
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
        var argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, &argv, &envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        processIdentifier = pid
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
    private static let addCloseFrom: AddCloseFrom = unsafeBitCast(symbol("posix_spawn_file_actions_addclosefrom_np"), to: AddCloseFrom.self)
    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29).
    private static let addChdir: AddChdir = unsafeBitCast(symbol("posix_spawn_file_actions_addchdir_np"), to: AddChdir.self)

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer {
        guard let found = dlsym(dlopen(nil, RTLD_NOW), name) else { fatalError("\(name) is missing from this C library") }
        return found
    }

    /// Runs `program` to its end with the runner's environment (or `environment`); its status and
    /// standard output (standard error discarded).
    /// - Throws: `POSIXError` when it cannot be started.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("spawned-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = try Spawned(
            URL(fileURLWithPath: program), arguments, environment: environment ?? ProcessInfo.processInfo.environment, directory: nil,
            input: nil, output: out, errors: nil)
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    /// Whether the child ended by a signal (after `waitUntilExit`), as `Process.terminationReason == .uncaughtSignal`.
    var endedBySignal: Bool { lock.withLock { signalled } }

    /// Whether the child has not ended yet (reaps it when it has).
    var isRunning: Bool {
        lock.withLock {
            guard status == nil else { return false }
            var raw: Int32 = 0
            let reaped = waitpid(processIdentifier, &raw, WNOHANG)
            if reaped == processIdentifier { record(raw) }
            return status == nil
        }
    }

    /// Waits for the child to end.
    func waitUntilExit() {
        lock.withLock {
            guard status == nil else { return }
            var raw: Int32 = 0
            while waitpid(processIdentifier, &raw, 0) < 0 && errno == EINTR {}
            record(raw)
        }
    }

    /// The exit status (a signal's number for a child it ended, as `Process` reports it); call after `waitUntilExit`.
    var terminationStatus: Int32 { lock.withLock { status ?? -1 } }

    /// Sends SIGTERM.
    func terminate() { kill(processIdentifier, SIGTERM) }

    /// Keeps a `waitpid` status: the exit status, or the number of the signal that ended the child.
    private func record(_ raw: Int32) {
        let signal = raw & 0x7f
        signalled = signal != 0
        status = signal == 0 ? (raw >> 8) & 0xff : signal
    }
}
