import ArgumentParser
import HelpdeskWire

struct SSHKeyRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an SSH key by its fingerprint (admins any key, others their own).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The key's fingerprint, SHA256:… as ssh-keygen -lf prints it.")
    var fingerprint: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let removed = try await service.removeSSHKey(fingerprint: fingerprint, by: try await global.actor(service))
            try output.emit(json: WireSSHKey(removed)) { "Removed \(removed.fingerprint) of \(removed.userEmail)" }
        }
    }
}
