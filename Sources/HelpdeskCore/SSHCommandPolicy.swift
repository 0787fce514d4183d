import Foundation

/// What a command run over SSH may be: the request's words (`SSHRequest`) are checked here before
/// the command line parses them, and run as the key's user. The database, the clock and the
/// identity are the server's (the forced command's `--db`, the system clock, the key), so options
/// that would choose them are refused, never honoured; so are options that name a file on the
/// server, which belongs to the shared account, not to the user.
public enum SSHCommandPolicy {
    /// The commands a request may begin with; each is still under the user's permissions.
    public static let allowedCommands: [[String]] = [
        ["ticket"], ["agents"], ["report"], ["user"], ["settings"], ["audit"], ["keys"], ["ssh", "key"],
    ]

    /// Options refused anywhere in a request, as `--option VALUE` or `--option=VALUE`, with why.
    public static let refusedOptions: [String: String] = [
        "--as": "the user is the one the SSH key belongs to",
        "--db": "the database is the server's",
        "--now": "the clock is the server's",
        "--key-file": "it names a file on the server; give the key on standard input with --key -",
    ]

    /// Options whose value may be a shipped name but never a path on the server.
    public static let nameOnlyOptions: Set<String> = ["--keymap", "--theme"]

    /// The words, when a request may run them.
    /// - Throws: `VALIDATION_ERROR` on `command`: an empty request, a command outside
    ///   `allowedCommands`, a refused option, or a key map or theme that is not a plain name.
    public static func check(_ words: [String]) throws -> [String] {
        guard !words.isEmpty else { throw HelpdeskError.validation("command", "is empty") }
        guard allowedCommands.contains(where: { words.starts(with: $0) }) else {
            let allowed = allowedCommands.map { $0.joined(separator: " ") }.joined(separator: ", ")
            throw HelpdeskError.validation("command", "\(words[0].prefix(40)) is not available over SSH; the commands are: \(allowed)")
        }
        for (index, word) in words.enumerated() {
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if let reason = refusedOptions[name] {
                throw HelpdeskError.validation("command", "\(name) is not accepted over SSH: \(reason)")
            }
            if nameOnlyOptions.contains(name) {
                let value = word.contains("=") ? String(word.drop { $0 != "=" }.dropFirst()) : (index + 1 < words.count ? words[index + 1] : "")
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                    throw HelpdeskError.validation("command", "\(name) takes a name over SSH (like default or vim), never a path on the server")
                }
            }
        }
        return words
    }

    /// The environment a session keeps: every `HELPDESK_*` variable is dropped (the database, the
    /// user and the clock are fixed by the server, whatever a client or an account's rc file set),
    /// and so are `VISUAL` and `EDITOR`, since no program of the server's may run on a user's behalf
    /// (an editor's shell escape would hand them the shared account).
    public static func sessionEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { !$0.key.hasPrefix("HELPDESK_") && $0.key != "VISUAL" && $0.key != "EDITOR" }
    }
}
