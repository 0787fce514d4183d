/// Guest entry over SSH (issue 13): a key registered to no one may open the console's login and
/// registration screens, when an admin has switched guests on. These are its rules.
public enum SSHGuestRules {
    /// Concurrent guest sessions allowed when no admin has set a limit.
    public static let defaultLimit = 20
    /// The limits an admin may set: at least one place (switch guests off to allow none), at most
    /// 1,000 (each guest session is a process of its own on the server).
    public static let limits = 1...1_000

    /// `value` as a guest limit.
    /// - Throws: `VALIDATION_ERROR` on `ssh_guest_limit` outside `limits`.
    public static func limit(_ value: Int) throws -> Int {
        guard limits.contains(value) else {
            throw HelpdeskError.validation("ssh_guest_limit", "must be between \(limits.lowerBound) and \(limits.upperBound)")
        }
        return value
    }

    /// Who may link the key of a guest connection to their account: customers only. Staff keys
    /// are added by admins (`ssh key add`), so that a stranger who learns a staff password cannot
    /// turn it into a standing key.
    /// - Throws: `FORBIDDEN` for agents and admins.
    public static func requireLinkable(_ user: User) throws {
        guard user.role == .customer else {
            throw HelpdeskError.forbidden("Staff keys are added by admins only (helpdesk ssh key add)")
        }
    }

    /// What `ssh session --guest` says when the client asked for a command: guests only log in or
    /// register, in the console.
    public static let noCommands = "Guests cannot run commands over SSH: connect with a terminal (ssh -t) to log in or register"
}
