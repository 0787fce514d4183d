import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskWire

/// `helpdesk password`: the acting user (`--as`) changes their own password, through the same use
/// case as the API's `POST /auth/password` (the current password checked as a login on this
/// machine is; every API session ends).
struct PasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Change your own password.",
        discussion: """
            On a terminal it asks for the current password and twice for the new one, without echo. \
            Otherwise it reads the current password from the first line of standard input and the new \
            one from the second.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let me = try await global.actor(service)
            let (current, new) = try Self.passwords()
            let user = try await service.changePassword(current: current, new: new, origin: .local, by: me)
            try output.emit(json: WireUser(user)) { "Password changed for \(user.email); API sessions were ended" }
        }
    }

    /// The current and the new password: asked without echo on a terminal (the new one twice),
    /// else two lines of standard input.
    /// - Throws: `VALIDATION_ERROR` on `new_password_confirmation` when the two typings differ;
    ///   the reading errors of `StandardInput.password`.
    static func passwords() throws -> (current: String, new: String) {
        guard isatty(STDIN_FILENO) == 1 else { return (try StandardInput.password(), try StandardInput.password()) }
        let current = try Terminal.secret("Current password: ")
        let new = try Terminal.secret("New password: ")
        guard try Terminal.secret("New password again: ") == new else {
            throw HelpdeskError.validation("new_password_confirmation", "does not match the new password")
        }
        return (current, new)
    }
}

/// Reading a secret from the terminal with its echo off.
private enum Terminal {
    /// Writes `prompt` to standard error, reads one line from standard input with echo off (and
    /// restores the terminal's settings however reading ends).
    static func secret(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return try StandardInput.password() }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return try StandardInput.password()
    }
}
