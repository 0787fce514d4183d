/// A problem in a configuration file, reported as `file:line: problem`; the console keeps going with
/// what it had before the bad file.
public struct ConfigWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
