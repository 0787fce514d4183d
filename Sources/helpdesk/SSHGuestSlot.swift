import Foundation
import HelpdeskCore

/// One place among the `settings ssh-guest-limit` places for guest sessions over SSH, held for the
/// session's life. The places are files `0` … `limit-1` in a private folder beside the database
/// (`DB.ssh-guests/`, mode 0700, never a link); a session holds one with
/// `flock(LOCK_EX|LOCK_NB)`. A lock belongs to the open file and dies with its process, so the
/// count holds across every process serving a connection, and a killed session frees its place at
/// once, with nothing to clean up.
final class SSHGuestSlot: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Closing the file lets go of its lock.
    deinit { close(descriptor) }

    /// The folder of places for the database at the absolute `database`.
    static func folder(database: String) -> String { database + ".ssh-guests" }

    /// Takes the first free place of `limit`.
    /// - Throws: `FORBIDDEN` when all are taken; `INTERNAL_ERROR` when the folder cannot be made
    ///   private (it is a link, or another account's) or a place cannot be opened.
    static func take(database: String, limit: Int) throws -> SSHGuestSlot {
        let folder = folder(database: database)
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw HelpdeskError(.internalError, "Cannot make the guest places' folder \(folder)")
        }
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid(),
            info.st_mode & 0o077 == 0 || chmod(folder, 0o700) == 0
        else {
            throw HelpdeskError(.internalError, "The guest places' folder \(folder) is a link or not this account's")
        }
        for place in 0..<limit {
            let descriptor = open("\(folder)/\(place)", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw HelpdeskError(.internalError, "Cannot open the guest place \(folder)/\(place)") }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return SSHGuestSlot(descriptor: descriptor) }
            close(descriptor)
        }
        throw HelpdeskError.forbidden("All \(limit) guest places are taken: try again later")
    }
}
