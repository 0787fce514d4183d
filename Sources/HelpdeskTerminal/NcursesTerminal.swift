import CNcursesw
import CTerminalGuard
import Foundation
import HelpdeskConsole

/// The real terminal through ncursesw: draws buffers cell by cell (only cells that changed since the
/// last frame), decodes keys into `Key`, and always gives the terminal back (`endwin`).
public final class NcursesTerminal: ConsoleBackend {
    public private(set) var colours: Int = 0
    private var previous: Buffer?
    private var active = false
    /// A pipe the background work writes a byte to when it finishes (`wakeUp`), polled beside the
    /// keyboard, so a finished load is drawn at once instead of after the poll interval (50 ms: the
    /// benchmark of 50 SSH sessions found every sent reply shown 54-56 ms after `C-s`). Both ends
    /// are non-blocking and close on exec; -1 when the pipe could not be made (then only the
    /// interval wakes the loop).
    private let wakeRead: Int32, wakeWrite: Int32

    /// How long `nextEvent` waits for a key or finished work before the loop goes round (ms).
    static let pollInterval: Int32 = 50

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
    }

    deinit {
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
    }

    /// Wakes a `nextEvent` waiting for input, from any thread: what the background work calls when
    /// it posts a result (a byte to the pipe; a full pipe already wakes it).
    public var wakeUp: @Sendable () -> Void {
        let descriptor = wakeWrite
        return {
            guard descriptor >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(descriptor, &byte, 1)
        }
    }

    /// Key codes ncurses reports for the bracketed-paste brackets (`define_key`), past its own codes.
    static let pasteStart: Int32 = KEY_MAX + 1
    static let pasteEnd: Int32 = KEY_MAX + 2

    /// Takes over the terminal: raw keys, no echo, keypad decoding, a short Esc delay, default colours,
    /// bracketed paste. A trap from here on still gives the terminal back (`helpdesk_guard_terminal`).
    public func start() {
        _ = helpdesk_guard_terminal()
        initscr()
        raw()
        noecho()
        nonl()
        keypad(hd_stdscr(), true)
        set_escdelay(25)
        // Reads never block in ncurses: `nextEvent` waits in poll(2), on the keyboard and the wake pipe.
        wtimeout(hd_stdscr(), 0)
        if has_colors() {
            start_color()
            use_default_colors()
            colours = Int(hd_colors())
        }
        curs_set(0)
        // Bracketed paste (xterm's mode 2004): a paste arrives between ESC [200~ and ESC [201~, which
        // ncurses then reports as two key codes, so pasted text is never taken for keys.
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        writeToTerminal("\u{1B}[?2004h")
        active = true
    }

    private func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Gives the terminal back; safe to call more than once.
    public func stop() {
        guard active else { return }
        active = false
        writeToTerminal("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        helpdesk_unguard_terminal()
    }

    public var size: (width: Int, height: Int) { (Int(getmaxx(hd_stdscr())), Int(getmaxy(hd_stdscr()))) }

    /// Forgets what is on screen so the next frame is drawn whole (after an external program).
    public func invalidate() {
        previous = nil
        clearok(hd_stdscr(), true)
    }

    public func draw(_ frame: Buffer, cursor: (x: Int, y: Int)?) {
        for change in frame.changes(since: previous) where !change.cell.isContinuation {
            var text = change.cell.symbol.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            text.append(0)
            let (attributes, pair) = attributes(for: change.cell.style)
            _ = hd_put(Int32(change.y), Int32(change.x), text, attributes, pair)
        }
        previous = frame
        if let cursor {
            curs_set(1)
            wmove(hd_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(hd_stdscr())
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = hd_a_normal()
        if style.attributes.contains(.bold) { attributes |= hd_a_bold() }
        if style.attributes.contains(.dim) { attributes |= hd_a_dim() }
        if style.attributes.contains(.italic) { attributes |= hd_a_italic() }
        if style.attributes.contains(.underline) { attributes |= hd_a_underline() }
        if style.attributes.contains(.reversed) { attributes |= hd_a_reverse() }
        guard colours >= 8 else { return (attributes, 0) }
        let fg = index(style.fg), bg = index(style.bg)
        if fg == -1 && bg == -1 { return (attributes, 0) }
        return (attributes, Int16(truncatingIfNeeded: max(0, alloc_pair(fg, bg))))
    }

    /// A colour index this terminal has: RGB to the 256-colour cube, down to the 8 ANSI colours.
    private func index(_ color: Color?) -> Int32 {
        guard let color, color != .default else { return -1 }
        let wanted = color.nearestIndex
        if wanted < colours { return Int32(wanted) }
        return Int32(wanted % 8)
    }

    /// The next key or resize, or nil when the poll interval passes with nothing or finished work
    /// woke the loop (`wakeUp`).
    public func nextEvent() -> ConsoleEvent? {
        var character: wint_t = 0
        // What ncurses already holds first (it may have read ahead of the descriptor), then wait.
        var result = wget_wch(hd_stdscr(), &character)
        if result == ERR {
            waitForInputOrWake()
            result = wget_wch(hd_stdscr(), &character)
        }
        if result == ERR { return nil }
        if result == hd_key_code_yes() {
            if Int32(character) == KEY_RESIZE {
                let (width, height) = size
                previous = nil
                return .resize(width: width, height: height)
            }
            if Int32(character) == Self.pasteStart { return readPaste() }
            return KeyDecoder.functionKey(Int32(character)).map(ConsoleEvent.key)
        }
        if character == 27 {
            // An Esc followed at once by a character is Alt+character (reads do not wait).
            var next: wint_t = 0
            let follow = wget_wch(hd_stdscr(), &next)
            if follow == OK && next == 27 { unget_wch(wchar_t(next)) }
            if follow == OK && (next == 0x5B || next == 0x4F) {
                // A control sequence the terminfo entry does not name (ESC [ 1 ~ for Home on some
                // terminals): read to its final byte and drop it, rather than type "1~".
                var byte: wint_t = 0
                for _ in 0..<32 {
                    guard wget_wch(hd_stdscr(), &byte) == OK else { break }
                    if (0x40...0x7E).contains(byte) { break }
                }
                return nil
            }
            if follow == OK && next != 27, let scalar = Unicode.Scalar(UInt32(next)) { return .key(.alt(Character(scalar))) }
            return .key(.escape)
        }
        return KeyDecoder.character(UInt32(character)).map(ConsoleEvent.key)
    }

    /// Reads what follows a paste's opening bracket up to its closing one, as text (line ends as sent,
    /// `\r`, `\n` or `\r\n`: the console makes each one break); keys ncurses decoded inside it (a pasted escape sequence) are
    /// dropped rather than run. A paste whose closing bracket never comes ends after a second of silence.
    private func readPaste() -> ConsoleEvent {
        // Inside a paste each read waits up to 50 ms, so 20 quiet reads are a second of silence.
        wtimeout(hd_stdscr(), 50)
        defer { wtimeout(hd_stdscr(), 0) }
        var text = ""
        var quiet = 0
        while quiet < 20 {
            var character: wint_t = 0
            let result = wget_wch(hd_stdscr(), &character)
            if result == ERR {
                quiet += 1
                continue
            }
            quiet = 0
            if result == hd_key_code_yes() {
                if Int32(character) == Self.pasteEnd { break }
                continue
            }
            if let scalar = Unicode.Scalar(UInt32(character)) { text.unicodeScalars.append(scalar) }
        }
        return .paste(text)
    }

    /// Waits up to `pollInterval` for the keyboard (standard input) or the wake pipe; empties the
    /// pipe when it woke. A signal (a resize) ends the wait early, which is what it should do.
    private func waitForInputOrWake() {
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if wakeRead >= 0 { descriptors.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)) }
        guard poll(&descriptors, nfds_t(descriptors.count), Self.pollInterval) > 0 else { return }
        if descriptors.count > 1, descriptors[1].revents != 0 {
            var drained = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &drained, drained.count) > 0 {}
        }
    }

    /// Leaves curses mode for the external editor and comes back.
    public func editExternally(_ text: String) -> String? {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            invalidate()
            wrefresh(hd_stdscr())
        }
        return ExternalEditor.edit(text)
    }
}

/// Maps what ncurses reports to `Key`.
enum KeyDecoder {
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96) ?? "a"))
        case 28...31: return nil
        default: return Unicode.Scalar(value).map { .char(Character($0)) }
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
