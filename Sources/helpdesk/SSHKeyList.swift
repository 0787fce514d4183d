import ArgumentParser
import HelpdeskWire

struct SSHKeyList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List SSH keys with when each was last used: admins anyone's, others their own.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this user's keys (admins may name anyone).")
    var email: String?

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let keys = try await service.sshKeys(email: email, by: actor)
            let zone = global.zone(for: actor)
            try output.emit(json: WireSSHKeyList(keys: keys.map(WireSSHKey.init))) {
                Output.table(
                    ["EMAIL", "TYPE", "ADDED", "LAST USED", "FINGERPRINT"],
                    keys.map {
                        [$0.userEmail, $0.type.rawValue, Output.date($0.createdAt, in: zone), Output.date($0.lastUsedAt, in: zone), $0.fingerprint]
                    }, width: 200)
            }
        }
    }
}
