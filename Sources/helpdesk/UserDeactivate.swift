import ArgumentParser
import HelpdeskWire

struct UserDeactivate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Stop a user from acting; their tickets stay where they are.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.setActive(email: email, active: false, by: try await global.actor(service))
            try output.emit(json: WireUser(user)) { "Deactivated \(user.email)" }
        }
    }
}
