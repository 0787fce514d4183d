import Foundation

/// Five failed logins within 15 minutes lock the account for 15 minutes.
public enum LoginLockout {
    public static let maxFailures = 5
    public static let window: TimeInterval = 15 * 60
    public static let lockDuration: TimeInterval = 15 * 60

    /// The one answer to every failed login: an unknown email, a wrong password, a locked account
    /// (even with the right password) and the failure that locks it all read exactly this, in every
    /// face, so nobody learns from a login which emails have accounts (README, "unknown emails and
    /// wrong passwords get the same message"). It says that locking exists, so that someone locked
    /// out knows to wait.
    public static let refusal = HelpdeskError(
        .unauthorized, "Wrong email or password (after 5 failed logins within 15 minutes an account is locked for 15 minutes)")

    /// Records a failure: returns the failures still inside the window and, when that reaches the
    /// limit, the time the lock ends.
    public static func recordFailure(previous: [Date], at now: Date) -> (failures: [Date], lockedUntil: Date?) {
        let recent = previous.filter { now.timeIntervalSince($0) < window } + [now]
        if recent.count >= maxFailures {
            return ([], now.addingTimeInterval(lockDuration))
        }
        return (recent, nil)
    }

    public static func isLocked(until lockedUntil: Date?, at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// How a login attempt ends.
    public enum Verdict: Sendable, Equatable {
        /// The password matched and the account was not locked: failures are forgotten.
        case admitted
        /// A wrong password, counted; the account is not locked yet.
        case wrong
        /// A wrong password that reached the limit: the account is locked until the date.
        case lockedNow(until: Date)
        /// The account was already locked (by this process or another) when the attempt ended;
        /// whatever the password, nothing is learned and the lock stays.
        case locked(until: Date)
    }

    /// Ends an attempt whose password was checked outside the transaction, from the lock state read
    /// in the transaction that saves the result (so concurrent attempts end one after another):
    /// a lock set meanwhile wins over a right password, and a failure never lifts a lock.
    /// - Parameters:
    ///   - passwordMatched: the outcome of the (slow) hash comparison.
    ///   - failures: the stored failures, oldest first; `lockedUntil`: the stored lock.
    /// - Returns: the verdict, and the failures and lock to store.
    public static func conclude(
        passwordMatched: Bool, failures: [Date], lockedUntil: Date?, at now: Date
    ) -> (verdict: Verdict, failures: [Date], lockedUntil: Date?) {
        if isLocked(until: lockedUntil, at: now), let lockedUntil {
            return (.locked(until: lockedUntil), failures, lockedUntil)
        }
        if passwordMatched { return (.admitted, [], nil) }
        let (kept, newLock) = recordFailure(previous: failures, at: now)
        if let newLock { return (.lockedNow(until: newLock), kept, newLock) }
        // An expired lock may stay stored: it no longer locks anything.
        return (.wrong, kept, lockedUntil)
    }
}

/// Turns passwords into stored hashes and checks them; implemented outside the core.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) throws -> String
    /// Compares in constant time with respect to the stored hash.
    func verify(_ password: String, against stored: String) -> Bool
    /// Whether a stored hash is weaker than what `hash` makes now (fewer rounds), so that a
    /// successful login should store a fresh hash of the password.
    func needsRehash(_ stored: String) -> Bool
}
