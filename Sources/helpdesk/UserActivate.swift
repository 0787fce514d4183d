import ArgumentParser
import HelpdeskWire

struct UserActivate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Let a deactivated user act again.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.setActive(email: email, active: true, by: try await global.actor(service))
            try output.emit(json: WireUser(user)) { "Activated \(user.email)" }
        }
    }
}
