import Foundation
import HelpdeskCore

/// Where this program and its files are, as absolute paths.
enum ProgramLocation {
    /// This binary's absolute path (`/proc/self/exe` on Linux, else `argv[0]` made absolute).
    /// - Throws: `INTERNAL_ERROR` when it cannot be found.
    static func executable() throws -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), resolved.hasPrefix("/") {
            return resolved
        }
        if let path = Bundle.main.executableURL?.path, path.hasPrefix("/") { return path }
        throw HelpdeskError(.internalError, "Cannot find this program's absolute path")
    }

    /// `path` made absolute against the working folder, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
