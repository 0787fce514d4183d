import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// The console's own password change (`F2`, `account.password`): a masked form, errors by field.
struct PasswordChangeTests {
    private func fill(_ console: ConsoleDriver, current: String, new: String, again: String) async {
        await console.press("F2")
        await console.type(current)
        await console.press("tab")
        await console.type(new)
        await console.press("tab")
        await console.type(again)
        await console.press("C-s")
    }

    /// The errors the open form shows beside its fields.
    private func errors(_ console: ConsoleDriver) -> [String: String] {
        guard case .form(let form)? = console.controller.state.overlay else { return [:] }
        return form.errors
    }

    @Test func aCustomerChangesTheirPasswordInAMaskedForm() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        await console.press("F2")
        #expect(console.screen.contains("Change your password"))
        await console.type("password1")
        #expect(!console.screen.contains("password1"), "the current password is masked")
        await console.press("esc")
        await fill(console, current: "password1", new: "a brand new secret", again: "a brand new secret")
        #expect(console.screen.contains("Password changed"), "\(console.screen)")
        #expect(!console.screen.contains("a brand new secret"))
        #expect(try await fx.service.login(email: "dan@x.test", password: "a brand new secret", origin: .local).id == fx.dan.id)
    }

    @Test func mistakesAreShownBesideTheirFieldsAndNothingChanges() async throws {
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.dan, width: 100, height: 30)
        await fill(console, current: "password1", new: "a brand new secret", again: "another secret")
        #expect(errors(console)["new_password_confirmation"] == "does not match the new password")
        await console.press("esc")
        await fill(console, current: "wrong-guess", new: "a brand new secret", again: "a brand new secret")
        #expect(errors(console)["current_password"]?.hasPrefix("Wrong email or password") == true, "\(errors(console)) \(console.screen)")
        await console.press("esc")
        await fill(console, current: "password1", new: "short", again: "short")
        #expect(errors(console)["new_password"] != nil, "\(errors(console))")
        #expect(try await fx.service.login(email: "dan@x.test", password: "password1", origin: .local).id == fx.dan.id, "unchanged")
    }
}
