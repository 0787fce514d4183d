import ArgumentParser
import HelpdeskWire

struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Check an email and password (read from standard input).")

    @OptionGroup var global: GlobalOptions
    @Option var email: String
    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.login(email: email, password: passwordStdin ? StandardInput.password() : "", origin: .local)
            try output.emit(json: WireLoginResult(user)) { "Logged in as \(user.email) (\(user.role.rawValue))" }
        }
    }
}
