import Foundation
import Testing

extension CLI {
    /// Starts `helpdesk serve` on a port the system picks and waits (up to 30 s) for its
    /// "Listening on" line; the process and its output files, and the base URL it printed.
    /// - Throws: `CancellationError` (with the server's output recorded) when it does not start.
    func serve(_ extra: [String] = []) throws -> (started: (Spawned, URL, URL), base: String) {
        let started = try start(["serve", "--port", "0"] + extra)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: started.1, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Listening on ") }) {
                return (started, String(line.dropFirst("Listening on ".count)))
            }
            guard started.0.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        started.0.terminate()
        let result = try CLI.finish(started)
        Issue.record("serve did not start: \(result.stdout) \(result.stderr)")
        throw CancellationError()
    }
}
