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
}

/// Turns passwords into stored hashes and checks them; implemented outside the core.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) throws -> String
    /// Compares in constant time with respect to the stored hash.
    func verify(_ password: String, against stored: String) -> Bool
}
