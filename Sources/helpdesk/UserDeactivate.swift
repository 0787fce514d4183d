import ArgumentParser
import HelpdeskWire

struct UserDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Stop a user from acting; their tickets stay where they are.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let user = try service.setActive(email: email, active: false, by: try global.actor(service))
            try output.emit(json: WireUser(user)) { "Deactivated \(user.email)" }
        }
    }
}
