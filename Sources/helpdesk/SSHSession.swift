import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

/// The forced command of every `authorized_keys` line (`AuthorizedKeysLine`): one SSH connection,
/// served as the user whose key sshd checked. The key id comes from the line, the database from
/// its `--db`; the client's request (`SSH_ORIGINAL_COMMAND`) is only data: split by `SSHRequest`,
/// checked by `SSHCommandPolicy`, and parsed and run by this process's own command line, never by a
/// shell and never in another process.
struct SSHSession: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Serve one SSH connection as the key's user (the forced command of authorized_keys lines).",
        discussion: """
            With SSH_ORIGINAL_COMMAND set, runs that command line as the key's user (ticket, agents, \
            report, user, settings, audit, keys and ssh key only); with a terminal and no command, opens \
            the console logged in as that user; otherwise prints a short help and fails. With --guest \
            (a guest line: settings ssh-guests on), runs no command and opens the console's login and \
            registration screens. HELPDESK_* variables are ignored.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The key the connection authenticated with, as its authorized_keys line names it.")
    var keyId: Int64?
    @Flag(help: "A key registered to no one (a guest line): the console's login and registration only.")
    var guest = false
    @Option(help: "A guest's key type, as its guest line names it.")
    var keyType: String?
    @Option(help: "A guest's key (base64), as its guest line names it.")
    var key: String?

    func validate() throws {
        if guest ? (keyId != nil || keyType == nil || key == nil) : (keyId == nil || keyType != nil || key != nil) {
            throw ValidationError("give --key-id N, or --guest with --key-type and --key (as an authorized_keys line does)")
        }
    }

    static let help = """
        This is the helpdesk over SSH. Run a command, or open the console with a terminal:
            ssh helpdesk@HOST ticket list
            ssh helpdesk@HOST ticket show TICK-20261129-0001 --json
            ssh -t helpdesk@HOST
        Commands: \(SSHCommandPolicy.allowedCommands.map { $0.joined(separator: " ") }.joined(separator: ", ")) (each takes --help).
        """

    func run() async throws {
        let environment = SSHCommandPolicy.sessionEnvironment(ProcessInfo.processInfo.environment)
        let request = environment["SSH_ORIGINAL_COMMAND"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let context: SSHSessionContext
        do {
            context = try await open(environment: environment)
        } catch let error as HelpdeskError {
            // No connection is served: one line on stderr, whatever the request asked for.
            Output(json: false).fail(error)
            throw ExitCode(error.code.exitStatus)
        }
        // A guest's refusal is a line on stderr whatever the request asked for (guests run no command).
        let output = Output(json: context.guest == nil && request.map { (try? SSHRequest.words($0))?.contains("--json") ?? false } ?? false)
        do {
            if let guest = context.guest {
                try await serveGuest(guest, context: context, request: request)
            } else if let request {
                let words = try SSHCommandPolicy.check(try SSHRequest.words(request))
                try await SSHSessionContext.$current.withValue(context) { try await Self.runCommand(words) }
            } else if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
                try await SSHSessionContext.$current.withValue(context) {
                    try await global.run { _ in try await ConsoleOptions.parse([]).open(global, externalEditor: false) }
                }
            } else {
                FileHandle.standardError.write(Data((Self.help + "\n").utf8))
                throw ExitCode(64)  // the usage status (README, Exit statuses)
            }
        } catch let error as HelpdeskError {
            output.fail(error)
            throw ExitCode(error.code.exitStatus)
        }
    }

    /// A guest: no command (one line and exit 4 for any), a place among the guest places
    /// (`SSHGuestSlot`, held until the session ends), then, with a terminal, the console on its
    /// login screen (without one, a short help and exit 64).
    /// - Throws: `FORBIDDEN` for a command or when every place is taken.
    private func serveGuest(_ guest: SSHGuestEntry, context: SSHSessionContext, request: String?) async throws {
        if request != nil { throw HelpdeskError.forbidden(SSHGuestRules.noCommands) }
        let slot = try SSHGuestSlot.take(database: context.databasePath, limit: guest.limit)
        defer { withExtendedLifetime(slot) {} }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data("This is the helpdesk over SSH. Connect with a terminal to log in or register:\n    ssh -t helpdesk@HOST\n".utf8))
            throw ExitCode(64)  // the usage status, as for a key's session
        }
        try await SSHSessionContext.$current.withValue(context) {
            try await global.run { _ in try await ConsoleOptions.parse([]).open(global, externalEditor: false, guest: guest) }
        }
    }

    /// The connection's key and user, read again now (`openSSHSession`), over the forced `--db`; for
    /// a guest line, the guest setting and the key read again now (`openSSHGuestSession`).
    /// - Throws: `VALIDATION_ERROR` on `db` (not absolute, or no file); `UNAUTHORIZED` (a removed
    ///   key, a deactivated user; guest entry switched off, or the guest's key registered since).
    private func open(environment: [String: String]) async throws -> SSHSessionContext {
        guard let path = global.db, path.hasPrefix("/") else {
            throw HelpdeskError.validation("db", "ssh session needs the absolute --db of its authorized_keys line")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw HelpdeskError.validation("db", "no helpdesk database at \(path)")
        }
        let service = Helpdesk(
            storage: SQLiteStorage(database: try HelpdeskDatabase(path: path)), clock: SystemTimeSource(),
            hasher: PBKDF2PasswordHasher(), digest: SHA256Digester())
        if guest, let keyType, let key {
            // sshd's SSH_CONNECTION: "client-address client-port server-address server-port".
            let client = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
            let entry = try await service.openSSHGuestSession(type: keyType, base64: key, clientAddress: client)
            return SSHSessionContext(databasePath: path, user: nil, guest: entry, environment: environment)
        }
        guard let keyId else { throw HelpdeskError.validation("key_id", "ssh session needs --key-id or --guest") }
        let user = try await service.openSSHSession(keyId: keyId)
        return SSHSessionContext(databasePath: path, user: user, guest: nil, environment: environment)
    }

    /// Parses and runs a checked request with this program's own command line, as `main` would.
    /// Never returns normally on an error: prints it as the command line does and exits with its status.
    private static func runCommand(_ words: [String]) async throws {
        do {
            var command = try HelpdeskCommand.parseAsRoot(words)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            HelpdeskCommand.exit(withError: error)
        }
    }
}
