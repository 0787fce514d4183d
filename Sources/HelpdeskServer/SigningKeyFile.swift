import Foundation
import HelpdeskCore

/// The API key file (`<database>.api-key`): made with mode 0600 and never opened through a link;
/// a file others can read is refused; replaced only whole, by writing a new file beside it and
/// renaming it over (so a reader sees the old ring or the new one, never a mix); rotations are
/// serialised by an exclusive `flock` on the file.
public enum SigningKeyFile {
    /// What changes when the file is replaced or edited: checked on every use of the keys by a
    /// running server (one `stat`), which re-reads the file only then.
    public struct Stamp: Sendable, Equatable {
        let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    /// The most a key file may hold: about 600 keys.
    static let maximumBytes = 64 * 1024

    /// The ring stored at `path`, made there (one fresh key) when there is no file. Two servers
    /// starting at once agree: the loser of the creation reads the winner's file.
    /// - Throws: `INTERNAL_ERROR` when the file cannot be made or read, is a link, is readable by
    ///   anyone but its owner, or is malformed (`SigningKeyRing.parse`).
    public static func loadOrCreate(at path: String) throws -> SigningKeyRing {
        let ring = SigningKeyRing(SigningKey.generate())
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            defer { close(descriptor) }
            try write(ring.text, to: descriptor, path: path)
            return ring
        }
        guard errno == EEXIST else { throw HelpdeskError(.internalError, "Could not create the API key file \(path) (errno \(errno))") }
        return try read(at: path).ring
    }

    /// The ring at `path` and the stamp of the file it was read from.
    /// - Throws: `INTERNAL_ERROR` as `loadOrCreate`, and when there is no file.
    public static func read(at path: String) throws -> (ring: SigningKeyRing, stamp: Stamp) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw HelpdeskError(.internalError, "Could not open the API key file \(path) (errno \(errno))") }
        defer { close(descriptor) }
        return try read(descriptor, path: path)
    }

    /// The stamp of the file now at `path`, nil when there is none (or it is a link).
    public static func stamp(at path: String) -> Stamp? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return stamp(of: status)
    }

    /// Adds a fresh key that signs from `now` on; the key that signed until then keeps verifying for
    /// `AccessTokens.lifetime`, and retired keys past their time are dropped. With no file yet, it
    /// makes one (one key) as the server's first start would.
    /// - Returns: the ring as written.
    /// - Throws: `INTERNAL_ERROR` as `loadOrCreate`, when the file is owned by another user, or
    ///   when the new file cannot be written or renamed (the old one then stays as it was).
    public static func rotate(at path: String, now: Date) throws -> SigningKeyRing {
        for _ in 0..<8 {
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor < 0, errno == ENOENT { return try loadOrCreate(at: path) }
            guard descriptor >= 0 else { throw HelpdeskError(.internalError, "Could not open the API key file \(path) (errno \(errno))") }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX) == 0 else { throw HelpdeskError(.internalError, "Could not lock the API key file \(path)") }
            // Another rotation may have renamed a new file over this one while we waited: start again on it.
            var opened = stat()
            guard fstat(descriptor, &opened) == 0, stamp(at: path).map({ $0.inode == UInt64(opened.st_ino) && $0.device == UInt64(opened.st_dev) }) == true
            else { continue }
            guard opened.st_uid == geteuid() else {
                throw HelpdeskError(.internalError, "The API key file \(path) belongs to another user; rotate it as its owner")
            }
            let rotated = try read(descriptor, path: path).ring.rotated(adding: SigningKey.generate(), at: now)
            try replace(path, with: rotated.text)
            return rotated
        }
        throw HelpdeskError(.internalError, "The API key file \(path) kept changing during the rotation; try again")
    }

    private static func read(_ descriptor: Int32, path: String) throws -> (ring: SigningKeyRing, stamp: Stamp) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o077 == 0 else {
            throw HelpdeskError(.internalError, "The API key file \(path) must be a file readable by its owner only (chmod 600)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw HelpdeskError(.internalError, "Could not read the API key file \(path) (errno \(errno))") }
            if count == 0 { break }
            bytes += chunk.prefix(count)
            guard bytes.count <= maximumBytes else {
                throw HelpdeskError(.internalError, "The API key file \(path) is malformed: it is larger than \(maximumBytes) bytes; nothing was read from it")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw HelpdeskError(.internalError, "The API key file \(path) is malformed: it is not text; nothing was read from it")
        }
        return (try SigningKeyRing.parse(text, path: path), stamp(of: status))
    }

    /// Writes `text` to a new file beside `path` (0600), flushes it, and renames it over `path`.
    private static func replace(_ path: String, with text: String) throws {
        let temporary = "\(path).new-\(SigningKey.generate().kid)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HelpdeskError(.internalError, "Could not create \(temporary) (errno \(errno))") }
        do {
            defer { close(descriptor) }
            try write(text, to: descriptor, path: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw HelpdeskError(.internalError, "Could not replace the API key file \(path) (errno \(errno))")
        }
        let directory = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private static func write(_ text: String, to descriptor: Int32, path: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw HelpdeskError(.internalError, "Could not write the API key file \(path)")
        }
    }

    private static func stamp(of status: stat) -> Stamp {
        Stamp(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
    }
}
