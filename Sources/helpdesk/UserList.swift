import ArgumentParser
import HelpdeskWire

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only users of this role.")
    var role: String?

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let users = try await service.listUsers(role: role, by: try await global.actor(service))
            try output.emit(json: WireUserList(users: users.map(WireUserListEntry.init))) {
                Output.table(
                    ["EMAIL", "ROLE", "ACTIVE", "OPEN", "NAME"],
                    users.map { [$0.user.email, $0.user.role.rawValue, $0.user.isActive ? "yes" : "no", "\($0.openTickets)", $0.user.name] })
            }
        }
    }
}
