import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 11, §10: on the login screen a locked account reads exactly like an unknown email.
struct LoginRefusalTests {
    @Test func aLockedAccountAndAnUnknownEmailLookTheSame() async throws {
        let fx = try await ConsoleFixture()
        for _ in 0..<5 {
            await expectError(.unauthorized) { try await fx.service.login(email: "dan@x.test", password: "wrong-one", origin: .local) }
        }
        func refusal(_ email: String) async -> [String] {
            let console = await fx.console(as: nil, width: 100, height: 24)
            await console.type(email)
            await console.press("ret")
            await console.type("password1")
            await console.press("ret")
            #expect(console.controller.state.user == nil)
            return console.lines.filter { $0.contains("Wrong email or password") }
        }
        let locked = await refusal("dan@x.test")
        let unknown = await refusal("nobody@x.test")
        #expect(!locked.isEmpty, "the refusal is shown")
        #expect(locked == unknown)
    }
}
