import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskWire

struct SSHKeyAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register an SSH public key for a user (admins); prints its SHA256 fingerprint.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user the key logs in as.")
    var email: String
    @Option(help: "A public key file, like ~/.ssh/id_ed25519.pub.")
    var keyFile: String?
    @Option(help: "The public key's text (TYPE BASE64 [COMMENT]); - reads it from standard input.")
    var key: String?

    func run() async throws {
        try await global.run { output in
            let text = try keyText()
            let service = try global.service()
            let added = try await service.addSSHKey(email: email, key: text, by: try await global.actor(service))
            try output.emit(json: WireSSHKey(added)) { "Added \(added.fingerprint) (\(added.type.rawValue)) for \(added.userEmail)" }
        }
    }

    /// The key as given: `--key TEXT`, `--key -` (standard input) or `--key-file PATH`, exactly one.
    private func keyText() throws -> String {
        let limit = SSHPublicKey.maximumTextLength
        switch (key, keyFile) {
        case ("-"?, nil):
            return try StandardInput.readAll(limit: limit, field: "key")
        case (let text?, nil):
            return text
        case (nil, let path?):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw HelpdeskError.validation("key_file", "cannot read \(path)")
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
            guard data.count <= limit else { throw HelpdeskError.validation("key_file", "is longer than \(limit) bytes: not a public key") }
            guard let text = String(data: data, encoding: .utf8) else { throw HelpdeskError.validation("key_file", "must be UTF-8 text") }
            return text
        default:
            throw HelpdeskError.validation("key", "give exactly one of --key TEXT (- for standard input) and --key-file PATH")
        }
    }
}
