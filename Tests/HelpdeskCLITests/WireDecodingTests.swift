import Foundation
import HelpdeskWire
import Testing

/// A Swift client decodes what the command line prints with HelpdeskWire's own types: every golden
/// output decodes into its type and encodes back to the same bytes, so no key is lost or renamed on
/// the way and `WireJSON.decoder()` reads the times `WireJSON.encoder()` writes.
struct WireDecodingTests {
    /// Decodes one output as `Shape` and encodes it again the way the command line prints it.
    static func reencode<Shape: Codable>(_ data: Data, as shape: Shape.Type) throws -> Data {
        Data((try WireJSON.string(try WireJSON.decoder().decode(Shape.self, from: data)) + "\n").utf8)
    }

    /// The wire type of each golden, by the start of its name; the longest matching start wins.
    static var shapes: [String: any Codable.Type] {
        [
            "agents-list": WireAgentList.self, "agents-tickets": WireTicketPage.self, "audit": WireAuditLog.self,
            "backup": WireBackup.self, "check": WireCheck.self, "demo": WireDemo.self, "error-": WireError.self,
            "init": WireDatabaseReady.self, "keys": WireKeyBindings.self, "login": WireLoginResult.self, "register": WireUser.self,
            "report-agents": WireAgentsReport.self, "report-dashboard": WireDashboard.self, "report-sla": WireSLAReport.self,
            "report-volume": WireVolumeReport.self, "settings-": WireSettings.self, "ticket-": WireTicket.self,
            "ticket-comment-": WireComment.self, "ticket-comments-": WireCommentList.self, "ticket-history-": WireHistory.self,
            "ticket-list-": WireTicketPage.self, "ticket-purge": WirePurge.self, "ticket-show-": WireTicketDetail.self,
            "ssh-authorized-keys-write": WireAuthorizedKeysFile.self, "ssh-key-": WireSSHKey.self, "ssh-key-list": WireSSHKeyList.self, "user-": WireUser.self, "user-list": WireUserList.self, "user-reset-password": WirePasswordReset.self,
        ]
    }

    @Test func everyGoldenOutputDecodesIntoItsWireTypeAndBackToTheSameBytes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Goldens.folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 50, "the goldens are missing")
        for file in files {
            let name = String(file.dropLast(".json".count))
            let start = try #require(Self.shapes.keys.filter { name.hasPrefix($0) }.max { $0.count < $1.count }, "\(name): no wire type")
            let data = try Data(contentsOf: Goldens.folder.appendingPathComponent(file))
            let shape = try #require(Self.shapes[start])
            let again = try Self.reencode(data, as: shape)
            #expect(again == data, "\(name) as \(start)…: \(Goldens.difference(data, again))")
        }
    }
}

/// `--json` output is read in terminals: a stored text's DEL, C1 and bidi controls reach them as
/// `\uXXXX` escapes, and decode back to the same text.
struct WireTerminalSafetyTests {
    @Test func terminalControlsAreEscapedAndDecodeBackUnchanged() throws {
        let hostile = "a\u{7F}b\u{9B}31mc\u{202E}d\u{2066}e\u{2028}f — ok é"
        let text = try WireJSON.string(WireHealth(status: hostile))
        #expect(text.contains(#"a\u007Fb\u009B31mc\u202Ed\u2066e\u2028f — ok é"#), "\(text)")
        #expect(!text.unicodeScalars.contains { [0x7F, 0x9B, 0x202E, 0x2066, 0x2028].contains($0.value) })
        #expect(try WireJSON.decoder().decode(WireHealth.self, from: Data(text.utf8)).status == hostile)
    }
}
