import Foundation
import HelpdeskCore

/// Folders that hold one person's files (drafts, exports): this account's own, mode 0700, and
/// never reached through a symbolic link, so no other account reads them and no link planted in
/// their place sends a write elsewhere.
enum PrivateFolder {
    /// Makes `folder` (mode 0700) when absent, its parent already existing; true when it is then a
    /// private folder (`isPrivate`).
    static func make(_ folder: URL) -> Bool {
        if mkdir(folder.path, 0o700) != 0 && errno != EEXIST { return false }
        return isPrivate(folder)
    }

    /// Whether `folder` is a real folder (not a link) of this account's, made 0700 if it was wider.
    static func isPrivate(_ folder: URL) -> Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else { return false }
        if info.st_mode & 0o077 != 0 { return chmod(folder.path, 0o700) == 0 }
        return true
    }
}

/// Over SSH every helpdesk user shares one Unix account and its `$HOME` (issue 13), so what the
/// console keeps per person lives in a folder of each helpdesk user's own, beside the database:
/// `DB.users/<user id>/`, holding `exports/` (the console's report exports) and `config/` (read
/// instead of `~/.config/helpdesk/`, in the same layout: `config.toml`, `keymap.toml`, `themes/`,
/// `views.toml`). Every folder on the way is private (`PrivateFolder`). Drafts are kept by user id
/// already (`DraftStore`), and time zones are in the database.
public struct UserFolders: Sendable {
    /// `DB.users`, for the database at `database`.
    public let root: URL

    public init(database: String) {
        root = URL(fileURLWithPath: database + ".users")
    }

    /// The user's own folder: `DB.users/<user id>`.
    public func folder(for user: Int64) -> URL { root.appendingPathComponent(String(user)) }

    /// Where the user's console configuration is read from.
    public func config(for user: Int64) -> URL { folder(for: user).appendingPathComponent("config") }

    /// The user's export folder, made private on the way.
    /// - Throws: `INTERNAL_ERROR` when a folder on the way cannot be made, is a link or is not this account's.
    public func exports(for user: Int64) throws -> URL {
        let exports = folder(for: user).appendingPathComponent("exports")
        for step in [root, folder(for: user), exports] where !PrivateFolder.make(step) {
            throw HelpdeskError(.internalError, "Cannot export into \(step.path): it cannot be made, is a link, or is not this account's")
        }
        return exports
    }
}
