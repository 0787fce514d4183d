import Foundation

/// Which draft: the reply or the internal note being written on one ticket.
public struct DraftKey: Hashable, Sendable {
    public var number: String
    public var kind: EditorKind

    public init(number: String, kind: EditorKind) {
        self.number = number
        self.kind = kind
    }

    /// `NUMBER/reply` or `NUMBER/note`: the key of `ConsoleState.drafts`.
    public var name: String { "\(number)/\(kind.rawValue)" }

    /// The file name, or nil for a number that is not a plain ticket number (letters, digits and `-`
    /// only): such a draft stays in memory rather than naming a path.
    var fileName: String? {
        let plain = !number.isEmpty && number.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
        }
        return plain ? "\(number).\(kind.rawValue).txt" : nil
    }
}

/// Unsent replies and notes kept on disk, so that neither a quit, nor a crash, nor a killed SSH link
/// loses what was typed: `DIRECTORY/<user id>/<ticket number>.<reply|note>.txt`, where DIRECTORY
/// belongs to one helpdesk (ticket numbers and user ids repeat from one database to the next, so a
/// draft must never reopen in another). Each user's folder is made mode 0700 (and made so again if
/// it was widened) and each file 0600, as a draft may quote a customer's private data; a folder that
/// is a symbolic link or belongs to another account is refused. Files are written to a temporary
/// file and renamed, so a draft is never half-written. The console saves a draft when its
/// editor closes, once a second while it is open, and removes it when the text is sent.
public struct DraftStore: Sendable {
    /// Where drafts live; nil keeps them in memory only (tests, or no home directory).
    public let directory: URL?

    public init(directory: URL?) {
        self.directory = directory
    }

    /// `$XDG_STATE_HOME/helpdesk/drafts/<helpdesk>`, else under `$HOME/.local/state` (the XDG base
    /// directory specification's place for state that should survive a restart); nil without either.
    /// `<helpdesk>` names the database: a 64-bit FNV-1a hash, in hex, of its absolute path with
    /// symbolic links resolved (a name, not a secret: it only keeps one helpdesk's drafts apart).
    public static func standard(environment: [String: String], helpdesk location: String) -> DraftStore {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        } else {
            return DraftStore(directory: nil)
        }
        let resolved = URL(fileURLWithPath: location).standardizedFileURL.resolvingSymlinksInPath().path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in resolved.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = String(hash, radix: 16)
        return DraftStore(directory: base.appendingPathComponent("helpdesk/drafts").appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name))
    }

    private func folder(user: Int64) -> URL? { directory?.appendingPathComponent(String(user)) }

    /// The user's drafts by `DraftKey.name`; files that are not drafts are left alone.
    public func load(user: Int64) -> [String: String] {
        guard let folder = folder(user: user), PrivateFolder.isPrivate(folder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        var drafts: [String: String] = [:]
        for name in names where name.hasSuffix(".txt") {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count == 2, let kind = EditorKind(rawValue: String(parts[1])) else { continue }
            let key = DraftKey(number: String(parts[0]), kind: kind)
            guard key.fileName == name,
                let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), !text.isEmpty
            else { continue }
            drafts[key.name] = text
        }
        return drafts
    }

    /// Writes the draft (an empty text removes it); returns a message when the disk refused, so the
    /// console can say the draft is only in memory.
    public func save(_ text: String, for key: DraftKey, user: Int64) -> String? {
        guard let folder = folder(user: user), let name = key.fileName else { return nil }
        let file = folder.appendingPathComponent(name)
        let refused = "Could not keep the draft of \(key.number) on disk (\(folder.path)); it is kept until you quit"
        if text.isEmpty {
            try? FileManager.default.removeItem(at: file)
            return nil
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard PrivateFolder.isPrivate(folder) else {
                return "Drafts not kept on disk: \(folder.path) is a link or not yours; the draft is kept until you quit"
            }
            let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { return refused }
            guard rename(temporary.path, file.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                return refused
            }
            return nil
        } catch {
            return refused
        }
    }
}
