import Dispatch
import Foundation
import HelpdeskConsole

/// A flag the signal handlers raise and the event loop reads.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?

    func raise(_ value: Int32) {
        lock.lock()
        signal = signal ?? value
        lock.unlock()
    }

    var raised: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return signal
    }
}

/// Runs the console's event loop on the real terminal. The terminal is restored on quit, on an
/// error, and on SIGINT, SIGTERM and SIGHUP.
public enum ConsoleRunner {
    public static func run(_ makeController: (_ width: Int, _ height: Int, _ colours: Int) -> ConsoleController) -> Int32 {
        let terminal = NcursesTerminal()
        let stop = StopRequest()
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.raise(number) }
            source.resume()
            sources.append(source)
        }
        terminal.start()
        defer { terminal.stop() }
        let (width, height) = terminal.size
        let controller = makeController(width, height, terminal.colours)
        controller.wakeOnFinishedWork(terminal.wakeUp)
        ConsoleLoop.run(controller, on: terminal) { stop.raised != nil }
        return stop.raised.map { 128 + $0 } ?? 0
    }
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, on a private temporary file, as git and mutt do.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-\(UUID().uuidString).txt").path
        // Written as a text file ends, with a final newline, so a line the editor appends starts a line
        // of its own; `externalEditFinished` drops one final newline again.
        let contents = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            return nil
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "helpdesk-editor", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0 else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }
}
