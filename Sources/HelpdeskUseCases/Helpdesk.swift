import Foundation
import HelpdeskCore

/// The use cases every face calls (console, command line, and the coming HTTP server and SSH entry),
/// over any storage engine. Each public use case validates its input, then runs as one engine
/// transaction whose decision re-reads the acting user, applies the core's rules with the user's
/// current role, and returns what to save; nothing here is specific to an engine, and nothing in
/// an engine decides what is allowed.
///
/// Identity: a use case is told who acts by an `ActorReference` (an id); the user is re-read inside
/// every transaction. An unknown or deactivated user is refused with `UNAUTHORIZED` and nothing is
/// written.
public struct Helpdesk: Sendable {
    /// The engine the use cases run on.
    public let storage: any HelpdeskStorage
    /// The clock every rule reads (pinned by `--now` and by tests).
    public let clock: any TimeSource
    /// Hashes and checks passwords (PBKDF2 in production, fewer rounds in tests).
    public let hasher: any PasswordHasher
    /// SHA-256 for SSH keys' fingerprints (swift-crypto's, from the engine's target; the core and the
    /// use cases import only Foundation).
    public let digest: any FingerprintDigest

    /// The use cases over `storage`, reading `clock`, hashing passwords with `hasher` and
    /// fingerprinting keys with `digest`.
    public init(storage: any HelpdeskStorage, clock: any TimeSource, hasher: any PasswordHasher, digest: any FingerprintDigest) {
        self.storage = storage
        self.clock = clock
        self.hasher = hasher
        self.digest = digest
    }

    /// The acting user as the snapshot holds it, if they may act at all.
    /// - Throws: `UNAUTHORIZED` when the user is gone or deactivated.
    static func acting(_ user: User?) throws -> User {
        guard let user else { throw HelpdeskError(.unauthorized, "The acting account no longer exists") }
        guard user.isActive else { throw HelpdeskError(.unauthorized, "The account \(user.email) is deactivated") }
        return user
    }

    /// The clock's reading, if the helpdesk can store it (`AcceptedInstants`).
    /// - Throws: `VALIDATION_ERROR` on `now` outside 2000-01-01 to 2999-12-31 UTC.
    func now() throws -> Date {
        try AcceptedInstants.require(clock.now(), field: "now")
    }

    /// PBKDF2 at 600,000 rounds takes a few hundred milliseconds of CPU; it runs on a Dispatch queue,
    /// never on the few threads every async task shares (a console's loads, a server's requests).
    /// - Throws: what the hasher throws.
    func hashPassword(_ password: String) async throws -> String {
        let hasher = self.hasher
        return try await withCheckedThrowingContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async { done.resume(with: Result { try hasher.hash(password) }) }
        }
    }

    /// Compares a password with a stored hash in constant time, off the shared threads (see `hashPassword`).
    func verifyPassword(_ password: String, against stored: String) async -> Bool {
        let hasher = self.hasher
        return await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async { done.resume(returning: hasher.verify(password, against: stored)) }
        }
    }

    /// The ticket the snapshot holds, as the acting user may see it.
    /// - Throws: `NOT_FOUND` when there is none, or as `Permissions.requireView`.
    static func visible(_ ticket: Ticket?, number: String, to actor: User) throws -> Ticket {
        guard let ticket else { throw HelpdeskError.notFound("Ticket \(number)") }
        try Permissions.requireView(actor, ticket)
        return ticket
    }
}

extension Helpdesk {
    /// The acting user as stored now: the console calls it when another process committed, to follow
    /// a role change (screens the role may no longer see close) or a deactivation (back to the login).
    /// - Throws: `UNAUTHORIZED` when the user was removed or deactivated.
    public func currentUser(_ actor: some ActorReference) async throws -> User {
        try Self.acting(try await storage.user(id: actor.actorId))
    }

    /// Who may ask, answered before what was asked is checked (and checked again in the transaction).
    /// - Throws: `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    func requireAdmin(_ actor: some ActorReference, to action: String) async throws {
        try Permissions.requireAdmin(try await currentUser(actor), to: action)
    }

    /// The change feed: yields when another process committed (see `ChangeFeed`).
    public func changes(every interval: Duration = .seconds(1)) async -> AsyncStream<Void> {
        await storage.changes(every: interval)
    }
}
