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
/// loses what was typed: `DIRECTORY/<user id>/<ticket number>.<reply|note>.txt`, each user's folder
/// mode 0700 and each file 0600 (a draft may quote a customer's private data), written to a
/// temporary file and renamed so a draft is never half-written. The console saves a draft when its
/// editor closes, once a second while it is open, and removes it when the text is sent.
public struct DraftStore: Sendable {
    /// Where drafts live; nil keeps them in memory only (tests, or no home directory).
    public let directory: URL?

    public init(directory: URL?) {
        self.directory = directory
    }

    /// `$XDG_STATE_HOME/helpdesk/drafts`, else `$HOME/.local/state/helpdesk/drafts` (the XDG base
    /// directory specification's place for state that should survive a restart); nil without either.
    public static func standard(environment: [String: String]) -> DraftStore {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return DraftStore(directory: URL(fileURLWithPath: state).appendingPathComponent("helpdesk/drafts"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return DraftStore(directory: URL(fileURLWithPath: home).appendingPathComponent(".local/state/helpdesk/drafts"))
        }
        return DraftStore(directory: nil)
    }

    private func folder(user: Int64) -> URL? { directory?.appendingPathComponent(String(user)) }

    /// The user's drafts by `DraftKey.name`; files that are not drafts are left alone.
    public func load(user: Int64) -> [String: String] {
        guard let folder = folder(user: user),
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
        if text.isEmpty {
            try? FileManager.default.removeItem(at: file)
            return nil
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { return "Could not keep the draft of \(key.number) on disk (\(folder.path)); it is kept until you quit" }
            guard rename(temporary.path, file.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                return "Could not keep the draft of \(key.number) on disk (\(folder.path)); it is kept until you quit"
            }
            return nil
        } catch {
            return "Could not keep the draft of \(key.number) on disk (\(folder.path)); it is kept until you quit"
        }
    }
}
