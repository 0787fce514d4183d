import Foundation

/// How a key is named to be removed: `SHA256:` and 43 base64 characters, as `ssh-keygen -lf` prints it.
public enum SSHFingerprint {
    /// What every fingerprint begins with.
    public static let prefix = "SHA256:"

    /// The fingerprint, checked for its shape (not for a key holding it).
    /// - Throws: `VALIDATION_ERROR` on `field` when it is not `SHA256:` and 43 base64 characters.
    public static func validate(_ text: String, field: String = "fingerprint") throws -> String {
        let body = text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : ""
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        guard body.count == 43, body.allSatisfy({ alphabet.contains($0) }) else {
            throw HelpdeskError.validation(field, "must be a fingerprint as ssh-keygen -lf prints it: SHA256: and 43 characters")
        }
        return text
    }
}
