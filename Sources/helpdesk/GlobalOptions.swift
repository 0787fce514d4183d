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

    /// Whether the console starts logged in: a non-empty `--as` or `HELPDESK_USER`, or an SSH session's
    /// key (a guest's session never is, whatever its environment says).
    var namesUser: Bool {
        if let session = SSHSessionContext.current { return session.user != nil }
        return (actingAs ?? environment["HELPDESK_USER"]).map { !$0.isEmpty } ?? false
    }

    func clock() throws -> any TimeSource {
        guard let text = now ?? environment["HELPDESK_NOW"], !text.isEmpty else { return SystemTimeSource() }
        guard let date = UTCTimestamp.parseISO8601(text) else {
            throw HelpdeskError.validation("now", "must be an ISO 8601 time like 2026-11-29T09:30:00Z")
        }
        return FixedTimeSource(try AcceptedInstants.require(date, field: "now"))
    }

    /// Always the full cost: no setting lowers it. A stored hash of fewer rounds (an older policy,
    /// the tests' fixtures) is still verified, and replaced at its next successful login.
    func hasher() -> PBKDF2PasswordHasher {
        PBKDF2PasswordHasher()
    }

    /// `HELPDESK_DB_MODE` (octal: 600, 640 or 660; the engine refuses any other) sets the
    /// permissions of a newly created database.
    func fileMode() throws -> mode_t {
        guard let text = environment["HELPDESK_DB_MODE"], !text.isEmpty else { return 0o600 }
        guard text.allSatisfy({ ("0"..."7").contains($0) }), let mode = mode_t(text, radix: 8) else {
            throw HelpdeskError.validation("mode", "HELPDESK_DB_MODE must be octal digits: 600, 640 or 660")
        }
        return mode
    }

    /// The database file, migrated. Only the commands that start a helpdesk (`init`, `demo`, the
    /// first admin's `user add`) pass `create`; any other command on a path with no file refuses, so
    /// that a mistyped `--db` creates nothing.
    /// - Throws: `VALIDATION_ERROR` on `db` when the file is absent or empty (with no write-ahead log)
    ///   and `create` is false.
    func database(path: String? = nil, create: Bool = false) throws -> HelpdeskDatabase {
        let path = path ?? databasePath
        let file = try DatabaseFiles.literal(path)
        if !create && !FileManager.default.fileExists(atPath: file) {
            throw HelpdeskError.validation("db", "no helpdesk database at \(path); create one with helpdesk init")
        }
        // An empty file (made by `touch`, or a mistyped name of one) is not a helpdesk either: only the
        // commands that create one may turn it into one.
        if !create, let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size == 0,
            !FileManager.default.fileExists(atPath: file + "-wal")
        {
            throw HelpdeskError.validation("db", "\(path) is an empty file, not a helpdesk database; create one with helpdesk init")
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
        if let session = SSHSessionContext.current {
            guard let user = session.user else { throw HelpdeskError(.unauthorized, "A guest acts as no one until they log in") }
            return try await service.currentUser(user)
        }
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
    /// line on stderr, and the code's exit status; any other error (one an engine did not map) is
    /// reported the same way as `INTERNAL_ERROR`, so `--json` always gets an object. Exits and
    /// usage errors pass through to swift-argument-parser.
    func run(_ body: (Output) async throws -> Void) async throws {
        let output = Output(json: json)
        do {
            try await body(output)
        } catch let error as HelpdeskError {
            output.fail(error)
            throw ExitCode(error.code.exitStatus)
        } catch let exit as ExitCode {
            throw exit
        } catch let usage as ValidationError {
            throw usage
        } catch let clean as CleanExit {
            throw clean
        } catch {
            // Whatever escaped the engine's mapping still gets the error object and status 1,
            // never a raw message without JSON.
            output.fail(HelpdeskError(.internalError, "The command failed unexpectedly (\(type(of: error)))"))
            throw ExitCode(ErrorCode.internalError.exitStatus)
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
