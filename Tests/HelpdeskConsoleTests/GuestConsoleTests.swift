import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// A guest session over SSH (`ssh session --guest`): the login and registration screens, then, for
/// a customer only, the offer to link the connection's key.
struct GuestConsoleTests {
    /// An ed25519 key made by `ssh-keygen`, and its fingerprint as `ssh-keygen -lf` prints it.
    static let type = "ssh-ed25519"
    static let base64 = "AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM"
    static let fingerprint = "SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ"

    static func guest(_ fx: ConsoleFixture) async throws -> SSHGuestEntry {
        _ = try await fx.service.setSSHGuests(true, by: fx.admin)
        return try await fx.service.openSSHGuestSession(type: type, base64: base64)
    }

    static func logIn(_ console: ConsoleDriver, _ email: String) async {
        await console.type(email)
        await console.press("ret")
        await console.type("password1")
        await console.press("ret")
    }

    @Test func aCustomerWhoLogsInAsAGuestLinksTheKey() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil, guest: try await Self.guest(fx))
        #expect(console.screen.contains("Helpdesk · log in"))
        await Self.logIn(console, "dan@x.test")
        #expect(console.controller.state.user?.id == fx.dan.id)
        #expect(console.screen.contains("Link this SSH key to dan@x.test?"), "\(console.screen)")
        await console.press("j", "ret")
        #expect(console.screen.contains("This key is linked to your account"), "\(console.screen)")
        #expect(try await fx.service.sshKeys(email: nil, by: fx.dan).map(\.fingerprint) == [Self.fingerprint])
        #expect(try await fx.service.auditLog(by: fx.admin).prefix(2).map(\.action) == ["ssh-key.link", "ssh.guest-login"])
    }

    @Test(arguments: ["alice@x.test", "admin@x.test"]) func staffAreNeverOfferedTheKey(email: String) async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil, guest: try await Self.guest(fx))
        await Self.logIn(console, email)
        #expect(console.controller.state.user?.email == email)
        #expect(console.controller.state.overlay == nil, "no question")
        #expect(!console.screen.contains("Link this SSH key"))
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).isEmpty)
    }

    @Test func aGuestWhoRegistersIsOfferedTheKeyAndNotNowLinksNothing() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil, guest: try await Self.guest(fx))
        await console.press("C-n")
        await console.type("fay@x.test\nFay Customer\npassword1\npassword1")
        await console.press("C-s")
        #expect(console.controller.state.user?.email == "fay@x.test")
        #expect(console.screen.contains("Link this SSH key to fay@x.test?"), "\(console.screen)")
        await console.press("ret")
        #expect(console.controller.state.overlay == nil)
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).isEmpty)
    }

    @Test func aLocalConsoleOffersNothing() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: nil)
        await Self.logIn(console, "dan@x.test")
        #expect(console.controller.state.user?.id == fx.dan.id && console.controller.state.overlay == nil)
    }
}
