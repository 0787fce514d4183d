import ArgumentParser
import Foundation
import HelpdeskServer
import HelpdeskSQLite
import HelpdeskWire

/// `helpdesk api`: the HTTP API's machine operations.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Operate the HTTP API's files.", subcommands: [RotateKey.self])
}

/// `helpdesk api rotate-key`: adds a signing key to `<db>.api-key`.
///
/// Who may run it: whoever owns the key file, with no helpdesk identity (`--as` is not asked). The
/// file is the server's secret: anyone who can write it can already sign any token, so a helpdesk
/// role would protect nothing; the file's owner (the account that runs `helpdesk serve`) is the
/// authority, and another user is refused. A running server picks the new key up at its next request.
struct RotateKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Add a new API signing key; older ones verify until their tokens expire (15 minutes).",
        discussion: """
            Run as the owner of <db>.api-key (the account that runs `helpdesk serve`); no --as is needed. \
            The new key signs every access token from now on; the key that signed until now keeps verifying \
            for the 15 minutes its tokens live, and keys past that are dropped. A running server follows \
            without a restart.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let path = SigningKey.path(besideDatabase: try DatabaseFiles.literal(global.databasePath))
            let ring = try SigningKeyFile.rotate(at: path, now: try global.clock().now())
            let retired = ring.entries.compactMap { entry in
                entry.verifiesUntil.map { WireKeyRotation.Retired(kid: entry.key.kid, verifiesUntil: $0) }
            }
            try output.emit(json: WireKeyRotation(signingKid: ring.signing.kid, retired: retired)) {
                (["New signing key \(ring.signing.kid) in \(path)"]
                    + retired.map { "Key \($0.kid) verifies until \(Output.date($0.verifiesUntil, in: .gmt))" })
                    .joined(separator: "\n")
            }
        }
    }
}
