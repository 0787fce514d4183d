import Foundation

/// What the event loop needs from a terminal. The ncurses terminal is one; `TestBackend` is the
/// in-memory one that tests drive.
public protocol ConsoleBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    var colours: Int { get }
    func draw(_ frame: Buffer, cursor: (x: Int, y: Int)?)
    /// The next event, or nil when none arrived within the poll interval.
    func nextEvent() -> ConsoleEvent?
    /// Runs an external editor on `text` with the terminal handed over; nil when it failed.
    func editExternally(_ text: String) -> String?
}

/// An in-memory terminal: scripted events in, frames out.
public final class TestBackend: ConsoleBackend {
    public var size: (width: Int, height: Int)
    public var colours = 256
    public private(set) var frames: [Buffer] = []
    public var events: [ConsoleEvent] = []
    public var externalEditor: (String) -> String? = { $0 }

    public init(width: Int, height: Int) {
        size = (width, height)
    }

    public func draw(_ frame: Buffer, cursor: (x: Int, y: Int)?) {
        frames.append(frame)
    }

    public func nextEvent() -> ConsoleEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    public func editExternally(_ text: String) -> String? { externalEditor(text) }

    /// The last frame as lines.
    public var lines: [String] { frames.last?.lines ?? [] }
}

/// The event loop: apply finished work, draw when something changed, take one event, tick once a
/// second. It returns when the console quits or `shouldStop` says so (a signal, or a script's end).
public enum ConsoleLoop {
    public static func run(
        _ controller: ConsoleController, on backend: ConsoleBackend, clock: () -> Date = Date.init,
        shouldStop: () -> Bool
    ) {
        var lastTick = clock()
        var dirty = true
        while !shouldStop() {
            controller.applyFinishedWork()
            if controller.takeChanged() { dirty = true }
            if dirty {
                let frame = controller.frame()
                backend.draw(frame.buffer, cursor: frame.cursor)
                dirty = false
            }
            if let event = backend.nextEvent() {
                dirty = true
                switch controller.handle(event) {
                case .none: break
                case .quit: return
                case .editExternally(let text): controller.externalEditFinished(backend.editExternally(text))
                }
            }
            if clock().timeIntervalSince(lastTick) >= 1 {
                lastTick = clock()
                _ = controller.handle(.tick)
                dirty = true
            }
        }
    }
}
