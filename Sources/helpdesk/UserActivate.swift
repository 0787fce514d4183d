import ArgumentParser
import HelpdeskWire

struct UserActivate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Let a deactivated user act again.")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let user = try service.setActive(email: email, active: true, by: try global.actor(service))
            try output.emit(json: WireUser(user)) { "Activated \(user.email)" }
        }
    }
}
