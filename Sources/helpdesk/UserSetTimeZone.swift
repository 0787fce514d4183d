import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct UserSetTimeZone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-time-zone",
        abstract: "Set the time zone a user's times are shown in (yourself, or anyone as an admin).")

    @OptionGroup var global: GlobalOptions
    @Argument var email: String
    @Argument(help: "An IANA name like Europe/Paris, UTC, or none to fall back to TZ (else UTC).")
    var zone: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let user = try await service.setTimeZone(email: email, zone: zone == "none" ? nil : zone, by: try await global.actor(service))
            try output.emit(json: WireUser(user)) {
                "\(user.email) sees times in " + (user.timeZone ?? "TZ, else UTC")
            }
        }
    }
}
