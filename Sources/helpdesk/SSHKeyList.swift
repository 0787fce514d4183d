import ArgumentParser
import HelpdeskConsole
import HelpdeskCore
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
                // Two lines a key, so that the whole fingerprint (50 columns, what `remove` takes) and
                // the rest keep to 80 columns.
                keys.map { key in
                    let about = "  \(key.userEmail)  \(key.type.rawValue)  added \(Output.date(key.createdAt, in: zone))  "
                        + "last used \(key.lastUsedAt.map { Output.date($0, in: zone) } ?? "never")"
                    return key.fingerprint + "\n" + TextWidth.measuringAs(locale: "C.UTF-8") {
                        TextWidth.truncate(DisplayText.sanitize(about), to: Output.terminalWidth)
                    }
                }.joined(separator: "\n")
            }
        }
    }
}
