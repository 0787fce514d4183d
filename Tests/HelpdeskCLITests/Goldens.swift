import Foundation
import Testing

/// Runs commands with `--json` against one helpdesk and compares their stdout, byte for byte, with
/// the files in `Goldens/` (one per name). With `HELPDESK_UPDATE_GOLDENS=1` it writes the files
/// instead, and removes the ones no check names any more.
///
/// Two kinds of bytes are masked before the comparison, because they differ from run to run or are
/// about to change on purpose: the temporary directory (`$TMP`) and cursor values (`<cursor>`);
/// callers may mask further keys (a generated password). Everything else is compared as it is.
final class Goldens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let isUpdating = ProcessInfo.processInfo.environment["HELPDESK_UPDATE_GOLDENS"] == "1"
    static let cursorKeys = ["next_cursor", "previous_cursor"]

    let cli: CLI
    /// What each name was compared with or written as in this run; a name checked twice must match both times.
    private var seen: [String: Data] = [:]

    init(cli: CLI) { self.cli = cli }

    /// Runs `arguments --json` at `now`, expects `status`, compares the masked stdout with `Goldens/<name>.json`
    /// and returns the unmasked stdout parsed, for the values later steps need (numbers, cursors).
    @discardableResult
    func check(
        _ name: String, _ arguments: [String], as user: String? = nil, stdin: String? = nil, at now: String,
        status: Int32 = 0, masking extraKeys: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let result = try cli.run(arguments + ["--json"], as: user, stdin: stdin, now: now)
        #expect(result.status == status, "\(name): exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let masked = try mask(result.stdout, keys: extraKeys)
        try compare(name, Data(masked.utf8), sourceLocation: sourceLocation)
        return try result.json()
    }

    /// The cursor named `key` of a page, which must be present.
    static func cursor(_ page: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let cursor = try #require(page[key] as? String, "\(key) is missing or null", sourceLocation: sourceLocation)
        #expect(!cursor.isEmpty, sourceLocation: sourceLocation)
        return cursor
    }

    /// Fails on golden files that no check in this run named (and deletes them when updating).
    func finish(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        let stale = Set(files).subtracting(seen.keys.map { "\($0).json" })
        for file in stale.sorted() {
            if Self.isUpdating {
                try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(file))
            } else {
                Issue.record("Goldens/\(file) is checked by nothing", sourceLocation: sourceLocation)
            }
        }
    }

    private func mask(_ stdout: String, keys: [String]) throws -> String {
        var text = stdout.replacingOccurrences(of: cli.directory.path, with: "$TMP")
        for key in Self.cursorKeys + keys {
            let pattern = try Regex("(\"\(key)\"\\s*:\\s*)\"[^\"]*\"")
            let placeholder = Self.cursorKeys.contains(key) ? "cursor" : key
            text = text.replacing(pattern) { match in
                (match.output[1].substring.map(String.init) ?? "") + "\"<\(placeholder)>\""
            }
        }
        return text
    }

    private func compare(_ name: String, _ actual: Data, sourceLocation: SourceLocation) throws {
        let file = Self.folder.appendingPathComponent("\(name).json")
        if let earlier = seen[name] {
            #expect(actual == earlier, "\(name): differs from the earlier output of the same name\n\(Self.difference(earlier, actual))",
                sourceLocation: sourceLocation)
            return
        }
        seen[name] = actual
        if Self.isUpdating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: file)
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("Goldens/\(name).json is missing; run with HELPDESK_UPDATE_GOLDENS=1 to write it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name): stdout differs from Goldens/\(name).json\n\(Self.difference(expected, actual))",
            sourceLocation: sourceLocation)
    }

    /// The first line that differs, for the failure message.
    static func difference(_ expected: Data, _ actual: Data) -> String {
        let old = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(old.count, new.count) {
            let was = index < old.count ? old[index] : "<end>", now = index < new.count ? new[index] : "<end>"
            if was != now { return "line \(index + 1):\n  golden: \(was)\n  actual: \(now)" }
        }
        return "(same lines; the bytes differ)"
    }
}
