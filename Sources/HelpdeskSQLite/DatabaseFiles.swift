import Foundation
import HelpdeskCore

/// How the engine names, creates and shares its files. Every path is a file path taken literally:
/// SQLite would read a name starting with `file:` as a URI (whose query can point anywhere) and
/// `:memory:` or an empty name as a database that vanishes on close, so the engine hands SQLite
/// only absolute paths. Nothing is created through a symbolic link, and nothing existing is
/// overwritten.
public enum DatabaseFiles {
    /// The modes a new database may be created with (`HELPDESK_DB_MODE`): owner-only, or shared
    /// with the file's group read-only or read-write. No execute, set-id or sticky bit, nothing for others.
    public static let allowedModes: [mode_t] = [0o600, 0o640, 0o660]

    /// The files SQLite keeps beside a database.
    static let sidecarSuffixes = ["-wal", "-shm", "-journal"]

    /// `path` made absolute against the current folder, after refusing what is not a file path.
    /// - Throws: `VALIDATION_ERROR` on `field` for an empty path or an address (`postgres://…`:
    ///   the PostgreSQL engine is not there yet).
    public static func literal(_ path: String, field: String = "db") throws -> String {
        if path.isEmpty { throw HelpdeskError.validation(field, "must name a file") }
        // SQLite takes NAME-journal, NAME-wal and NAME-shm for another database's own files: one
        // opened beside NAME would be read into it, or deleted as a stale journal.
        if let suffix = sidecarSuffixes.first(where: { path.hasSuffix($0) }) {
            throw HelpdeskError.validation(field, "\(path) ends in \(suffix), the name SQLite gives a database's own files; choose another name")
        }
        if let scheme = addressScheme(path) {
            if ["postgres", "postgresql"].contains(scheme.lowercased()) {
                throw HelpdeskError.validation(
                    field, "\(path) is a PostgreSQL address; this helpdesk stores only to SQLite files for now (give a file path)")
            }
            throw HelpdeskError.validation(field, "\(path) is an address (\(scheme)://); give a file path")
        }
        if path.hasPrefix("/") { return path }
        let current = FileManager.default.currentDirectoryPath
        return (current.hasSuffix("/") ? current : current + "/") + path
    }

    /// The scheme of `scheme://…`, if `path` looks like an address.
    private static func addressScheme(_ path: String) -> String? {
        guard let range = path.range(of: "://") else { return nil }
        let scheme = path[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// What is at `path`, without following a final symbolic link.
    enum Entry { case none, file, danglingLink }

    static func entry(at path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        if info.st_mode & S_IFMT == S_IFLNK {
            var target = stat()
            return stat(path, &target) == 0 ? .file : .danglingLink
        }
        return .file
    }

    /// Creates an empty file at `path` with exactly `mode` (whatever the umask), refusing a
    /// symbolic link in its place and leftover `-wal`/`-shm`/`-journal` files of another database
    /// (SQLite would read them into the new file). The folder is created when missing: owner-only,
    /// or for a group mode group-accessible and set-group-ID, so that every file made in it later
    /// (the `-wal` and `-shm` of any member) belongs to the folder's group.
    /// - Returns: false when the file already existed (nothing was created).
    /// - Throws: `VALIDATION_ERROR` on `field` for a dangling symbolic link or leftover files;
    ///   `INTERNAL_ERROR` when the system refuses to create the folder or the file.
    @discardableResult
    static func createIfNeeded(_ path: String, mode: mode_t, field: String) throws -> Bool {
        switch entry(at: path) {
        case .file: return false
        case .danglingLink:
            throw HelpdeskError.validation(field, "\(path) is a symbolic link to a missing file; a database is never created through a link")
        case .none: break
        }
        for suffix in sidecarSuffixes where entry(at: path + suffix) != .none {
            throw HelpdeskError.validation(
                field, "\(path + suffix) is left from another database; move it away before creating \(path)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            let folderMode: mode_t = mode & 0o060 == 0 ? 0o700 : (mode & 0o020 == 0 ? 0o2750 : 0o2770)
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(folderMode & 0o777)])
            } catch {
                throw HelpdeskError(.internalError, "Cannot create the folder \(directory): \(error.localizedDescription)")
            }
            chmod(directory, folderMode)
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd < 0 {
            if errno == EEXIST, entry(at: path) == .file { return false }  // another process won the race
            throw HelpdeskError(.internalError, "Cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        fchmod(fd, mode)
        return true
    }

    /// Gives the `-wal` and `-shm` files this process owns the database file's group, when the
    /// database is shared with its group: SQLite creates them with the database's mode but the
    /// creator's primary group, so in a folder that is not set-group-ID a member's files would shut
    /// out everyone else. Files that belong to someone else are left as they are.
    static func shareSidecars(of path: String) {
        var database = stat()
        guard stat(path, &database) == 0, database.st_mode & 0o070 != 0 else { return }
        for suffix in ["-wal", "-shm"] {
            var sidecar = stat()
            guard lstat(path + suffix, &sidecar) == 0, sidecar.st_mode & S_IFMT == S_IFREG, sidecar.st_uid == geteuid(),
                sidecar.st_gid != database.st_gid
            else { continue }
            // Fails only if this user is not in the database's group, which already keeps them out.
            _ = chown(path + suffix, uid_t.max, database.st_gid)
            _ = chmod(path + suffix, database.st_mode & 0o660)
        }
    }
}
