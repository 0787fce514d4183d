import Foundation
import Testing

/// The real OpenSSH programs the SSH tests check against (`ssh-keygen`, and `ssh`/`sshd` for the
/// loopback test). A missing program fails the test with what to install: nothing is skipped.
enum OpenSSHTools {
    /// The first of `candidates` that is an executable file.
    static func find(_ candidates: [String], package: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
            "\(candidates[0]) is missing: install the Debian package \(package) (.ci/run does)", sourceLocation: sourceLocation)
    }

    static func keygen() throws -> String { try find(["/usr/bin/ssh-keygen", "/usr/local/bin/ssh-keygen"], package: "openssh-client") }

    /// Makes a key pair with `ssh-keygen -t type` (and `-b bits`) in `directory`; returns the
    /// public key file's path.
    static func makeKey(_ type: String, bits: Int? = nil, named name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let result = try Spawned.run(try keygen(), ["-q", "-t", type, "-N", "", "-C", "\(name)@test"] + (bits.map { ["-b", "\($0)"] } ?? []) + ["-f", path])
        #expect(result.status == 0, "ssh-keygen -t \(type)")
        return path + ".pub"
    }

    /// The fingerprint `ssh-keygen -lf` prints for a public key file (its second field).
    static func fingerprint(of publicKeyFile: String) throws -> String {
        let line = try Spawned.run(try keygen(), ["-lf", publicKeyFile]).stdout
        let fields = line.split(separator: " ")
        return try #require(fields.count > 1 ? String(fields[1]) : nil, "ssh-keygen -lf printed \(line)")
    }
}
