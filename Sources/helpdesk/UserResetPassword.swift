import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct UserResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Set a new password (typed, or generated and shown once) and lift a lockout.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String
    @Flag(help: "Read the new password from the first line of standard input.")
    var passwordStdin = false
    @Flag(help: "Generate a password and print it once.")
    var generate = false

    func run() async throws {
        try await global.run { output in
            guard passwordStdin != generate else {
                throw HelpdeskError.validation("password", "give exactly one of --password-stdin and --generate")
            }
            let service = try global.service()
            let (user, generated) = try await service.resetPassword(
                email: email, to: passwordStdin ? try StandardInput.password() : nil, by: try await global.actor(service))
            try output.emit(json: WirePasswordReset(user, generatedPassword: generated)) {
                generated.map { "New password for \(user.email) (shown once): \($0)" } ?? "Password of \(user.email) changed"
            }
        }
    }
}
