import ArgumentParser
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a user of any role; the first user of an empty database may create itself as admin.")

    @OptionGroup var global: GlobalOptions
    @Option var email: String
    @Option var name: String
    @Option(help: "customer, agent or admin.")
    var role: String
    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false
    @Option(help: "The password (visible in the process list: prefer --password-stdin).")
    var password: String?

    func run() async throws {
        try await global.run { output in
            guard passwordStdin != (password != nil) else {
                throw HelpdeskError.validation("password", "give exactly one of --password-stdin and --password")
            }
            let hasActor = SSHSessionContext.current != nil || global.actingAs != nil || global.environment["HELPDESK_USER"] != nil
            let secret = try password ?? StandardInput.password()
            // The first admin starts a helpdesk; anyone else adds to one that exists. A first user the
            // core would refuse creates no file.
            if !hasActor { try Helpdesk.checkNewUser(email: email, name: name, role: role, password: secret) }
            let service = try global.service(create: !hasActor)
            let actor = hasActor ? try await global.actor(service) : nil
            let user: User
            do {
                user = try await service.addUser(email: email, name: name, role: role, password: secret, by: actor)
            } catch let error as HelpdeskError where error.code == .unauthorized && actor == nil {
                throw HelpdeskError(.unauthorized, "\(error.message): pass --as ADMIN_EMAIL")
            }
            try output.emit(json: WireUser(user)) { "Added \(user.email) as \(user.role.rawValue)" }
        }
    }
}
