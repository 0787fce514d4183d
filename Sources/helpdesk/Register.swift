import ArgumentParser
import HelpdeskWire

struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Register as a customer (password read from standard input).")

    @OptionGroup var global: GlobalOptions
    @Option var email: String
    @Option var name: String
    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let user = try service.register(email: email, name: name, password: passwordStdin ? StandardInput.password() : "")
            try output.emit(json: WireUser(user)) { "Registered \(user.email) as a customer" }
        }
    }
}
