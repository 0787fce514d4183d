import ArgumentParser
import HelpdeskWire

struct UserSetRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a user's role.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String
    @Argument(help: "customer, agent or admin.")
    var role: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.setRole(email: email, role: role, by: try await global.actor(service))
            try output.emit(json: WireUser(user)) { "\(user.email) is now \(user.role.rawValue)" }
        }
    }
}
