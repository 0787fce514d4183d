import HelpdeskCore
import HelpdeskUseCases

/// What an SSH session fixes for every command it runs in this process: the database (the forced
/// command's `--db`), the acting user (the key's, re-read by every use case; none for a guest) and the environment
/// (without `HELPDESK_*`, `VISUAL` and `EDITOR`). `GlobalOptions` reads it instead of `--db`,
/// `--as` and the process's environment.
///
/// A task-local value, not global state: it is bound only for the duration of `SSHSession`'s run
/// of one command (and the tasks it starts), is immutable while bound, and is nil everywhere else,
/// so a command run outside a session behaves exactly as before.
struct SSHSessionContext: Sendable {
    /// The forced command's absolute `--db`.
    let databasePath: String
    /// The key's user, as `openSSHSession` read it (an `ActorReference`: only its id is trusted);
    /// nil for a guest, who has no one to act as until they log in in the console.
    let user: User?
    /// A guest's connection (`ssh session --guest`), as `openSSHGuestSession` admitted it.
    let guest: SSHGuestEntry?
    /// What the session keeps of the process's environment (`SSHCommandPolicy.sessionEnvironment`).
    let environment: [String: String]

    /// The session being served, if any.
    @TaskLocal static var current: SSHSessionContext?
}
