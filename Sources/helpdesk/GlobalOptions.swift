import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import HelpdeskWire

/// The options every command takes, each with its environment fallback.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (env HELPDESK_DB).")
    var db: String?

    @Option(name: .customLong("as"), help: "Act as this user (env HELPDESK_USER).")
    var actingAs: String?

    @Option(name: .long, help: "The clock for everything the command does, ISO 8601 (env HELPDESK_NOW).")
    var now: String?

    @Flag(name: .long, help: "Machine-readable output on stdout.")
    var json = false

    /// The process's environment; inside an SSH session, what the session keeps of it
    /// (`SSHCommandPolicy.sessionEnvironment`: no `HELPDESK_*`).
    var environment: [String: String] { SSHSessionContext.current?.environment ?? ProcessInfo.processInfo.environment }

    /// `--db`, else `HELPDESK_DB`, else the XDG default; inside an SSH session, always the forced command's `--db`.
    var databasePath: String {
        SSHSessionContext.current?.databasePath ?? DatabaseLocation.resolve(explicit: db, environment: environment)
    }

    /// Whether the console starts logged in: a non-empty `--as` or `HELPDESK_USER`, or an SSH session's key.
    var namesUser: Bool {
        SSHSessionContext.current != nil || (actingAs ?? environment["HELPDESK_USER"]).map { !$0.isEmpty } ?? false
    }

    func clock() throws -> any TimeSource {
        guard let text = now ?? environment["HELPDESK_NOW"], !text.isEmpty else { return SystemTimeSource() }
        guard let date = UTCTimestamp.parseISO8601(text) else {
            throw HelpdeskError.validation("now", "must be an ISO 8601 time like 2026-11-29T09:30:00Z")
        }
        return FixedTimeSource(try AcceptedInstants.require(date, field: "now"))
    }

    /// Tests may lower the password-hashing cost through this variable; nothing else sets it.
    func hasher() -> PBKDF2PasswordHasher {
        if let text = environment["HELPDESK_TEST_PASSWORD_ROUNDS"], let rounds = Int(text), rounds > 0 {
            return PBKDF2PasswordHasher(rounds: rounds)
        }
        return PBKDF2PasswordHasher()
    }

    /// `HELPDESK_DB_MODE` (octal: 600, 640 or 660) sets the permissions of a newly created database.
    func fileMode() throws -> mode_t {
        guard let text = environment["HELPDESK_DB_MODE"], !text.isEmpty else { return 0o600 }
        guard let mode = mode_t(text, radix: 8) else { throw HelpdeskError.validation("mode", "HELPDESK_DB_MODE must be octal, like 660") }
        return mode
    }

    /// The database file, migrated. Only the commands that start a helpdesk (`init`, `demo`, the
    /// first admin's `user add`) pass `create`; any other command on a path with no file refuses, so
    /// that a mistyped `--db` creates nothing.
    /// - Throws: `VALIDATION_ERROR` on `db` when the file is absent and `create` is false.
    func database(path: String? = nil, create: Bool = false) throws -> HelpdeskDatabase {
        let path = path ?? databasePath
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw HelpdeskError.validation("db", "no helpdesk database at \(path); create one with helpdesk init")
        }
        return try HelpdeskDatabase(path: path, fileMode: try fileMode())
    }

    /// The use cases over the SQLite engine on the chosen file (see `database(path:create:)`).
    func service(path: String? = nil, create: Bool = false) throws -> Helpdesk {
        Helpdesk(storage: SQLiteStorage(database: try database(path: path, create: create)), clock: try clock(), hasher: hasher(), digest: SHA256Digester())
    }

    /// The acting user from `--as` or `HELPDESK_USER`; inside an SSH session, the key's user as
    /// stored now (`--as` never reaches a session: `SSHCommandPolicy` refuses it).
    func actor(_ service: Helpdesk) async throws -> User {
        if let session = SSHSessionContext.current { return try await service.currentUser(session.user) }
        guard let email = actingAs ?? environment["HELPDESK_USER"], !email.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HelpdeskError(.unauthorized, "No user given: pass --as EMAIL or set HELPDESK_USER")
        }
        return try await service.actor(email: email)
    }

    /// The zone `user`'s times are shown in: their own, else `TZ`, else UTC (`DisplayZone.resolve`).
    func zone(for user: User?) -> TimeZone {
        DisplayZone.resolve(userZone: user?.timeZone, environmentTZ: environment["TZ"])
    }

    /// Runs a command body, turning a domain error into the seed's error object (with `--json`) or one
    /// line on stderr, and the code's exit status.
    func run(_ body: (Output) async throws -> Void) async throws {
        let output = Output(json: json)
        do {
            try await body(output)
        } catch let error as HelpdeskError {
            output.fail(error)
            throw ExitCode(error.code.exitStatus)
        }
    }
}

extension GlobalOptions {
    /// Runs a change as the acting user and prints the changed ticket.
    func changeTicket(
        _ body: (Helpdesk, User) async throws -> TicketListing, message: (TicketListing) -> String
    ) async throws {
        try await run { output in
            let service = try service()
            let listing = try await body(service, try await actor(service))
            try output.emit(json: WireTicket(listing, now: service.clock.now())) { message(listing) }
        }
    }
}
