import Foundation
import HelpdeskCore

/// A user's stored credentials, as a login checks them.
public struct StoredCredentials: Sendable {
    /// The account.
    public var user: User
    /// The PBKDF2 hash (`PasswordHasher`'s format); nil for an account without a password.
    public var passwordHash: String?
    /// Until when the account is locked, for the origin asked about, after failed logins.
    public var lockedUntil: Date?

    public init(user: User, passwordHash: String?, lockedUntil: Date?) {
        self.user = user
        self.passwordHash = passwordHash
        self.lockedUntil = lockedUntil
    }
}

/// What the end of a login attempt reads, inside the transaction that records it.
public struct LoginSnapshot: Sendable {
    /// The account as stored now; nil when it is gone.
    public var user: User?
    /// The stored hash now (another process may have reset the password since it was read).
    public var passwordHash: String?
    /// The stored failed logins of the attempt's origin, oldest first.
    public var failures: [Date]
    /// The stored lock's end for the attempt's origin, if any (it may lie in the past).
    public var lockedUntil: Date?

    /// What a login's transaction read.
    public init(user: User?, passwordHash: String?, failures: [Date], lockedUntil: Date?) {
        self.user = user
        self.passwordHash = passwordHash
        self.failures = failures
        self.lockedUntil = lockedUntil
    }
}

/// What the end of a login attempt saves.
public struct LoginRecord: Sendable {
    /// How the attempt ended.
    public var verdict: LoginLockout.Verdict
    /// The failed logins to keep, oldest first (they replace the stored ones).
    public var failures: [Date]
    /// The lock's end to store; nil stores none.
    public var lockedUntil: Date?
    /// A fresh hash to store in place of a weaker one; nil keeps the stored hash.
    public var passwordHash: String?
    /// The attempt's audit entry, written in the same transaction (whatever the verdict).
    public var audit: AuditRecord?

    /// What a login's transaction saves.
    public init(
        verdict: LoginLockout.Verdict, failures: [Date], lockedUntil: Date?, passwordHash: String? = nil, audit: AuditRecord? = nil
    ) {
        self.verdict = verdict
        self.failures = failures
        self.lockedUntil = lockedUntil
        self.passwordHash = passwordHash
        self.audit = audit
    }
}

/// What the decision to add an account reads.
public struct NewUserSnapshot: Sendable {
    /// The acting user as stored now; nil when there is none (a self-registration or the first
    /// admin) or no user has the id.
    public var actor: User?
    /// How many accounts exist.
    public var existingUsers: Int
    /// Whether an account already has the new email.
    public var emailTaken: Bool

    public init(actor: User?, existingUsers: Int, emailTaken: Bool) {
        self.actor = actor
        self.existingUsers = existingUsers
        self.emailTaken = emailTaken
    }
}

/// An account to insert: validated fields and the password's hash.
public struct NewUserRecord: Sendable {
    /// A validated, normalised email; a validated name; the role; the password's hash in the
    /// hasher's format (never the password).
    public var email: String
    public var name: String
    public var role: Role
    public var passwordHash: String

    public init(email: String, name: String, role: Role, passwordHash: String) {
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }
}

/// What a decision about an existing account reads.
public struct UserSnapshot: Sendable {
    /// The acting user as stored now.
    public var actor: User?
    /// The account acted on; nil when no account has the email.
    public var user: User?
    /// Active admins other than `user`.
    public var otherActiveAdmins: Int

    public init(actor: User?, user: User?, otherActiveAdmins: Int) {
        self.actor = actor
        self.user = user
        self.otherActiveAdmins = otherActiveAdmins
    }
}

/// What a decision about an existing account saves.
public struct UserChange: Sendable {
    /// The account as it must be stored: its role, whether it is active, and its time zone.
    public var user: User
    /// A new password hash; nil keeps the password.
    public var passwordHash: String?
    /// Move the credential version on (what the user may do changed).
    public var bumpCredentialVersion: Bool
    /// Forget failed logins and lift the lockouts (the account's and every origin's).
    public var clearLockout: Bool
    /// An admin action to record (written even when nothing else changes).
    public var audit: AuditRecord?

    public init(user: User, passwordHash: String? = nil, bumpCredentialVersion: Bool, clearLockout: Bool = false, audit: AuditRecord?) {
        self.user = user
        self.passwordHash = passwordHash
        self.bumpCredentialVersion = bumpCredentialVersion
        self.clearLockout = clearLockout
        self.audit = audit
    }
}

/// Accounts, logins and the staff's loads.
public protocol UserStorage: Sendable {
    /// The user with the id, or nil.
    func user(id: Int64) async throws -> User?
    /// The user with the (normalised) email, or nil.
    func user(email: String) async throws -> User?
    /// The credentials of the account with the (normalised) email, with its lock for `origin`
    /// (`LoginOrigin.local`: the account's own lock; any other: that origin's only), or nil.
    func credentials(email: String, origin: LoginOrigin) async throws -> StoredCredentials?
    /// Ends a login attempt from `origin` at `now` in one write transaction: loads the lock state of the
    /// account for that origin as stored now, calls `decide`, saves the failures, the lock and any
    /// fresh hash it returns, and returns both (so concurrent attempts, in any process, end one
    /// after another). The same transaction drops every origin's failures and locks that can no
    /// longer count (older than `LoginLockout.window`, locks ended), so the table stays bounded.
    func recordLogin(
        userId: Int64, origin: LoginOrigin, at now: Date, decide: @escaping @Sendable (LoginSnapshot) throws -> LoginRecord
    ) async throws -> (snapshot: LoginSnapshot, saved: LoginRecord)
    /// Writes one audit entry on its own (an event that changes nothing else, such as a failed
    /// login with an email no account has).
    func appendAudit(_ record: AuditRecord, at now: Date) async throws
    /// Adds an account in one transaction: loads the snapshot, calls `decide` (which throws to
    /// refuse and returns the audit record, if any), inserts.
    func addUser(
        _ record: NewUserRecord, actorId: Int64?, at now: Date,
        decide: @escaping @Sendable (NewUserSnapshot) throws -> AuditRecord?
    ) async throws -> User
    /// Changes an account in one transaction.
    func changeUser(
        email: String, actorId: Int64, at now: Date, decide: @escaping @Sendable (UserSnapshot) throws -> UserChange
    ) async throws -> User
    /// Every account (of `role`, when given) by email, with its count of active assigned tickets.
    func users(
        role: Role?, actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void
    ) async throws -> [UserSummary]
    /// Agents and admins (agents first, then admins, each by email) with their active assigned tickets.
    func agents(actorId: Int64, authorize: @escaping @Sendable (User?) throws -> Void) async throws -> [AgentSummary]
}
