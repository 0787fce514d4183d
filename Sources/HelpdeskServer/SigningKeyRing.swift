import Foundation
import HelpdeskCore

/// The keys of the API key file: the newest signs; each older one still verifies the tokens it
/// signed until `verifiesUntil` (its retirement plus `AccessTokens.lifetime`), and is dropped at
/// the next rotation after that.
///
/// The file holds one key a line, oldest first: `<kid> <32 bytes in base64> <until>` for a retired
/// key (`until`: whole seconds since 1970, UTC) and `<kid> <base64>` for the signing key, which is
/// the last line and the only one without a time (a file of one such line is what the server made
/// before rotation existed). Anything else is refused whole, never half-read.
public struct SigningKeyRing: Sendable, Equatable {
    /// A key and, once retired, until when it still verifies.
    public struct Entry: Sendable, Equatable {
        public let key: SigningKey
        public let verifiesUntil: Date?
    }

    /// Oldest first; the last one signs.
    public let entries: [Entry]

    /// The key new tokens are signed with.
    public var signing: SigningKey { entries[entries.count - 1].key }

    /// A ring whose only key is `key`.
    public init(_ key: SigningKey) {
        entries = [Entry(key: key, verifiesUntil: nil)]
    }

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// The keys that verify tokens at `now`: the signing key and the retired keys not yet past.
    public func verifying(at now: Date) -> [SigningKey] {
        entries.filter { entry in entry.verifiesUntil.map { now < $0 } ?? true }.map(\.key)
    }

    /// The ring after a rotation at `now`: `fresh` signs from then on, the key that signed until
    /// then verifies for `AccessTokens.lifetime` more, and retired keys already past are dropped.
    public func rotated(adding fresh: SigningKey, at now: Date) -> SigningKeyRing {
        let kept = entries.dropLast().filter { entry in entry.verifiesUntil.map { now < $0 } ?? false }
        let retired = Entry(key: signing, verifiesUntil: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + AccessTokens.lifetime).rounded(.up)))
        return SigningKeyRing(entries: kept + [retired, Entry(key: fresh, verifiesUntil: nil)])
    }

    /// The file's text.
    public var text: String {
        entries.map { entry in
            let line = "\(entry.key.kid) \(Data(entry.key.secret).base64EncodedString())"
            return entry.verifiesUntil.map { "\(line) \(Int64($0.timeIntervalSince1970))" } ?? line
        }.joined(separator: "\n") + "\n"
    }

    /// The ring in `text`, the contents of the file at `path` (named in errors).
    /// - Throws: `INTERNAL_ERROR` naming the file and the line when a line is not a key (a `kid`
    ///   of 1–64 letters, digits, `-` or `_`, 32 bytes of base64, and a time on every line but the
    ///   last, none on the last), when two keys share a `kid`, or when there is no key.
    public static func parse(_ text: String, path: String) throws -> SigningKeyRing {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw malformed(path, "it holds no key") }
        var entries: [Entry] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1, last = index == lines.count - 1
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == (last ? 2 : 3) else {
                throw malformed(path, "line \(number) must be `KID KEY` \(last ? "(the signing key, last)" : "followed by the time it verifies until")")
            }
            let kid = String(fields[0])
            guard (1...64).contains(kid.count), kid.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") })
            else { throw malformed(path, "line \(number)'s kid must be 1 to 64 letters, digits, - or _") }
            guard let secret = Data(base64Encoded: String(fields[1])), secret.count == 32 else {
                throw malformed(path, "line \(number)'s key must be 32 bytes in base64")
            }
            var until: Date?
            if !last {
                guard let seconds = Int64(fields[2]), seconds > 0 else { throw malformed(path, "line \(number)'s time must be whole seconds since 1970") }
                until = Date(timeIntervalSince1970: TimeInterval(seconds))
            }
            guard !entries.contains(where: { $0.key.kid == kid }) else { throw malformed(path, "the kid on line \(number) is used twice") }
            entries.append(Entry(key: SigningKey(kid: kid, secret: Array(secret)), verifiesUntil: until))
        }
        return SigningKeyRing(entries: entries)
    }

    private static func malformed(_ path: String, _ problem: String) -> HelpdeskError {
        HelpdeskError(.internalError, "The API key file \(path) is malformed: \(problem); nothing was read from it")
    }
}
