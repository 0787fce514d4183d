import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Over SSH every helpdesk user shares one Unix account: the console's exports and configuration
/// are each user's own (`UserFolders`), in private folders never reached through a link.
struct UserFolderTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func exportsGoToEachUsersOwnPrivateFolder() async throws {
        let fx = try await ConsoleFixture()
        let folders = UserFolders(database: fx.database.path)
        let shared = fx.directory.appendingPathComponent("reports")
        for user in [fx.admin, fx.alice] {
            let console = await fx.console(as: user, exportDirectory: shared, userFolders: folders)
            await console.press("2", "x")  // the dashboard, where `x` exports
            let exports = folders.root.appendingPathComponent("\(user.id)/exports")
            #expect(console.screen.contains("Wrote \(exports.path)/"), "\(console.screen)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: exports.path).count == 3)
            for folder in [folders.root, folders.folder(for: user.id), exports] { #expect(try Self.mode(folder.path) == 0o700, "\(folder.path)") }
        }
        #expect(!FileManager.default.fileExists(atPath: shared.path), "nothing in the shared folder")
    }

    @Test func anExportFolderThatIsALinkIsRefused() async throws {
        let fx = try await ConsoleFixture()
        let folders = UserFolders(database: fx.database.path)
        let elsewhere = fx.directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folders.root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folders.folder(for: fx.alice.id), withDestinationURL: elsewhere)
        let console = await fx.console(as: fx.alice, userFolders: folders)
        await console.press("2", "x")
        #expect(console.screen.contains("Cannot export into"), "\(console.screen)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing written through the link")
    }

    @Test func theConfigurationIsTheLoggedInUsersOwn() async throws {
        let fx = try await ConsoleFixture()
        let folders = UserFolders(database: fx.database.path)
        let dans = folders.config(for: fx.dan.id)
        try FileManager.default.createDirectory(at: dans, withIntermediateDirectories: true)
        try "theme = \"dark\"\n".write(to: dans.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let configFor: @Sendable (User) -> ConsoleConfig = { user in
            var loader = ConfigLoader.standard(environment: [:])
            loader.user = folders.config(for: user.id)
            return loader.load(keymap: nil, theme: nil, environment: [:], colours: 256, utf8: true)
        }
        for (user, theme) in [(fx.dan, "dark"), (fx.alice, "default")] {
            let console = await fx.console(as: nil, userFolders: folders, configForUser: configFor)
            await GuestConsoleTests.logIn(console, user.email)
            #expect(console.controller.config.theme.name == theme, "\(user.email)")
        }
    }
}

/// Over SSH no program of the server's runs for a user: `C-o` in the reply editor and in a form's
/// text area only says so, and the text stays where it was typed.
struct NoExternalEditorTests {
    @Test func controlOOverSSHRunsNothingInTheEditorOrAForm() async throws {
        let fx = try await ConsoleFixture()
        _ = try await fx.file("Printer is on fire")
        var config = ConsoleFixture.config()
        config.externalEditorAllowed = false
        let console = await fx.console(as: fx.dan, config: config)
        await console.press("n")
        await console.type("Subject line\nA description")
        #expect(await console.press("C-o") == .none)
        #expect(console.screen.contains("The external editor is off over SSH"))
        guard case .form(let form)? = console.controller.state.overlay else {
            Issue.record("the form stays open")
            return
        }
        #expect(form.text("description") == "A description")
        await console.press("esc", "r")
        await console.type("A reply")
        #expect(await console.press("C-o") == .none)
        guard case .editor(let editor)? = console.controller.state.overlay else {
            Issue.record("the editor stays open:\n\(console.screen)")
            return
        }
        #expect(editor.editor.text == "A reply")
    }
}
