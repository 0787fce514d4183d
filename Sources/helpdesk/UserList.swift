import ArgumentParser

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only users of this role.")
    var role: String?

    func run() throws {
        try global.run { output in
            let service = try global.service()
            let users = try service.listUsers(role: role, by: try global.actor(service))
            output.emit(json: ["users": users.map { JSONView.user($0.user).merging(["open_tickets": $0.openTickets]) { $1 } }]) {
                Output.table(
                    ["EMAIL", "ROLE", "ACTIVE", "OPEN", "NAME"],
                    users.map { [$0.user.email, $0.user.role.rawValue, $0.user.isActive ? "yes" : "no", "\($0.openTickets)", $0.user.name] })
            }
        }
    }
}
