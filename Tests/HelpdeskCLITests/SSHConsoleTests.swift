import Foundation
import Testing

/// `ssh session` with a terminal and no command: the console, logged in as the key's user, with
/// no way to run a program of the server's (`$VISUAL`/`$EDITOR` off). The real binary in tmux, as
/// sshd starts it for `ssh -t`.
@Suite(.serialized)
struct SSHConsoleTests {
    @Test func theConsoleOpensAsTheKeysUserAndNeverRunsAnEditor() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let number = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        _ = try fx.cli.createTicket(subject: "Erin cannot print", as: "erin@x.test")
        let marker = fx.cli.directory.appendingPathComponent("editor-ran").path
        let editor = fx.cli.directory.appendingPathComponent("editor.sh").path
        try "#!/bin/sh\ntouch '\(marker)'\n".write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor)
        let tmux = try Tmux(
            command: [CLI.binary.path, "--db", fx.cli.database, "ssh", "session", "--key-id", "\(dan.id)"],
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": fx.cli.directory.path, "XDG_CONFIG_HOME": fx.cli.directory.path,
                // What a hostile account rc file or client could set: all ignored.
                "HELPDESK_USER": "admin@x.test", "HELPDESK_DB": "/nonexistent.sqlite", "VISUAL": editor, "EDITOR": editor,
            ])
        defer { tmux.close() }
        let queue = try tmux.waitFor("Dan cannot print")
        #expect(queue.contains("Dan (customer)"), "logged in as the key's user:\n\(queue)")
        #expect(!queue.contains("Erin cannot print"))
        try tmux.send("r")
        let editing = try tmux.waitFor("Reply on \(number)")
        #expect(!editing.contains("Edit in $VISUAL"), "no hint for an editor that cannot run:\n\(editing)")
        try tmux.type("Written in the console over SSH")
        try tmux.send("C-o")
        try tmux.waitFor("The external editor is off over SSH")
        #expect(!FileManager.default.fileExists(atPath: marker), "the editor never ran")
        try tmux.send("C-s")
        try tmux.waitFor("Reply sent")
        let comments = try #require(try fx.cli.json(["ticket", "comments", number], as: "admin@x.test")["comments"] as? [[String: Any]])
        #expect(comments.map { [$0["author"] as? String, $0["body"] as? String] } == [["dan@x.test", "Written in the console over SSH"]])
    }

    /// An SSH client's locale (`LANG`, or the `LC_CTYPE`/`LC_ALL` that overrides it, all passed by
    /// sshd's `AcceptEnv LANG LC_*`) names a UTF-8 locale this server lacks: the console draws
    /// UTF-8 in the nearest locale it has (`C.UTF-8`) instead of falling to ASCII; a locale that
    /// is not UTF-8 gets ASCII.
    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], true), (["LANG": "C"], false), (["LANG": "C", "LC_CTYPE": "de_DE.UTF-8"], true),
        (["LANG": "en_GB.UTF-8", "LC_ALL": "C"], false),
    ])
    func aUTF8LocaleTheServerLacksStillGetsUTF8(locale: [String: String], utf8: Bool) throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        _ = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        let tmux = try Tmux(
            command: [CLI.binary.path, "--db", fx.cli.database, "ssh", "session", "--key-id", "\(dan.id)"],
            environment: ["TERM": "xterm-256color", "HOME": fx.cli.directory.path, "XDG_CONFIG_HOME": fx.cli.directory.path]
                .merging(locale) { _, chosen in chosen })
        defer { tmux.close() }
        let screen = try tmux.waitFor("Dan cannot print")
        #expect(screen.contains("│") == utf8, "\(locale):\n\(screen)")
        #expect(screen.contains("+ My tickets") == !utf8, "\(locale):\n\(screen)")
    }

    /// A guest's session opens on the login screen, logged in as no one whatever its environment
    /// names (`HELPDESK_USER`, `HELPDESK_DB`).
    @Test func aGuestGetsTheLoginScreenWhateverItsEnvironmentSays() throws {
        let fx = try SSHFixture()
        try fx.cli.json(["settings", "ssh-guests", "on"], as: "admin@x.test")
        let key = try SSHGuestCommandTests.stranger(fx)
        let tmux = try Tmux(
            command: [CLI.binary.path, "--db", fx.cli.database, "ssh", "session", "--guest", "--key-type", key.type, "--key", key.base64],
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": fx.cli.directory.path, "XDG_CONFIG_HOME": fx.cli.directory.path,
                "HELPDESK_USER": "admin@x.test", "HELPDESK_DB": "/nonexistent.sqlite",
            ])
        defer { tmux.close() }
        let screen = try tmux.waitFor("Helpdesk · log in")
        #expect(!screen.contains("Ada (admin)"), "\(screen)")
        try tmux.send("C-c")
        try tmux.waitFor("EXITED 0")
    }
}
