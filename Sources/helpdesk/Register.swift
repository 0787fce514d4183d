import ArgumentParser
import HelpdeskWire

struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Register as a customer (password read from standard input).")

    @OptionGroup var global: GlobalOptions
    @Option var email: String
    @Option var name: String
    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.register(email: email, name: name, password: passwordStdin ? StandardInput.password() : "")
            try output.emit(json: WireUser(user)) { "Registered \(user.email) as a customer" }
        }
    }
}
