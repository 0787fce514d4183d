import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskWire

struct SSHAuthorizedKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print authorized_keys lines: for sshd's AuthorizedKeysCommand (--type %t --key %k), or every key.",
        discussion: """
            With --type and --key, prints the one line for that key, or nothing (exit 0) for a key \
            registered to no active user; with settings ssh-guests on, a key registered to no one \
            gets a guest line (ssh session --guest). Without them, prints every line; with --write PATH, puts \
            them in that static authorized_keys file's marked block, keeping its other lines. Each \
            line forces `helpdesk --db DB ssh session --key-id N`, with this program's and the \
            database's absolute paths.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The offered key's type (sshd's %t).")
    var type: String?
    @Option(help: "The offered key's base64 data (sshd's %k).")
    var key: String?
    @Option(help: "Write every line into this authorized_keys file's helpdesk block, keeping its other lines.")
    var write: String?

    func run() async throws {
        try await global.run { output in
            if write != nil && (type != nil || key != nil) {
                throw HelpdeskError.validation("file", "--write takes every key: give it without --type and --key")
            }
            let service = try global.service()
            let entries = try await service.sshKeyEntries(type: type, base64: key)
            let program = try ProgramLocation.executable()
            let database = ProgramLocation.absolute(global.databasePath)
            var lines = try entries.map {
                try AuthorizedKeysLine.line(program: program, database: database, keyId: $0.id, key: $0.key)
            }
            // A key registered to no one gets the guest line when guests are on (never in the static
            // file, which is written without --type and --key).
            if lines.isEmpty, let type, let key, let guest = try await service.sshGuestKey(type: type, base64: key) {
                lines = [try AuthorizedKeysLine.guestLine(program: program, database: database, key: guest)]
            }
            guard let write else {
                for line in lines { print(line) }
                return
            }
            try Self.replaceBlock(of: write, with: lines)
            try output.emit(json: WireAuthorizedKeysFile(path: write, keys: lines.count)) { "Wrote \(lines.count) keys into \(write)" }
        }
    }

    /// Rewrites the file's helpdesk block (`AuthorizedKeysFile.merge`) through a private file beside
    /// it renamed over it, so sshd reads either the old file or the new one, never half of one;
    /// the file is left mode 0600, which sshd's StrictModes accepts.
    /// - Throws: `VALIDATION_ERROR` on `file` when it cannot be read, is not UTF-8 text or larger than
    ///   16 MiB, holds a broken block, or cannot be written.
    static func replaceBlock(of path: String, with lines: [String]) throws {
        let limit = 16 << 20
        var existing = ""
        if FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw HelpdeskError.validation("file", "cannot read \(path)") }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
            guard data.count <= limit else { throw HelpdeskError.validation("file", "\(path) is larger than 16 MiB") }
            guard let text = String(data: data, encoding: .utf8) else { throw HelpdeskError.validation("file", "\(path) is not UTF-8 text") }
            existing = text
        }
        let merged = try AuthorizedKeysFile.merge(existing: existing, lines: lines)
        let temporary = path + ".helpdesk-\(UUID().uuidString.prefix(8))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(merged.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw HelpdeskError.validation("file", "cannot write beside \(path)")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw HelpdeskError.validation("file", "cannot replace \(path)")
        }
    }
}
