import Foundation
import GRDB
import HelpdeskCore

/// Reads the stored columns of one row of `table`, refusing every value the helpdesk never writes
/// (a NULL where a value belongs, text where a number belongs, a time outside `AcceptedInstants`, a
/// status, priority, category, role or action it does not know, a malformed ticket number) with an
/// `INTERNAL_ERROR` naming the table, the column and the row. GRDB's subscripts would stop the
/// process on a value they cannot convert; a file written by hand or by an older program must never
/// do that. `helpdesk check` runs the same readers over every row (`Maintenance`).
struct StoredRow {
    let row: Row
    let table: String
    private let layout: RowLayout
    private let name: String?

    /// `row` of `table`; `layout`, worked out once per statement, saves finding columns by name;
    /// `id` names the row when its columns were joined to another table's (else its `id` column
    /// does), `name` when the table has no id.
    init(_ row: Row, table: String, layout: RowLayout? = nil, id: Int64? = nil, name: String? = nil) {
        self.row = row
        self.table = table
        self.layout = layout ?? RowLayout(row)
        self.name = name ?? id.map { "row \($0)" }
    }

    /// The stored value as it is (never fails; a missing column reads as NULL).
    func raw(_ column: String) -> DatabaseValue {
        layout.value(row, column)
    }

    /// `row N` from the row's `id`, when it was selected.
    var rowName: String {
        if let name { return name }
        if case .int64(let id) = raw("id").storage { return "row \(id)" }
        return "a row"
    }

    /// The error for a refused value.
    func refused(_ column: String, _ rule: String) -> HelpdeskError {
        HelpdeskError(
            .internalError,
            Self.prefix + "\(table).\(column) of \(rowName) is \(Self.describe(raw(column))), but \(rule)" + Self.suffix)
    }

    private static let prefix = "Stored value refused: ", suffix = "; run helpdesk check"

    /// What `check` lists for a refusal: the message without the advice to run `check`.
    static func finding(_ error: HelpdeskError) -> String {
        var text = Substring(error.message)
        if text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        if text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        return String(text)
    }

    private static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let int): "\(int)"
        case .double(let double): "\(double)"
        // Shown as a person would see it: a planted escape sequence must not reach a terminal.
        case .string(let text): "\"" + DisplayText.sanitize(text.count > 40 ? String(text.prefix(39)) + "…" : text) + "\""
        case .blob(let data): "a blob of \(data.count) bytes"
        }
    }

    func text(_ column: String) throws -> String {
        guard case .string(let text) = raw(column).storage else { throw refused(column, "it must be text") }
        return text
    }

    func optionalText(_ column: String) throws -> String? {
        raw(column).isNull ? nil : try text(column)
    }

    func integer(_ column: String) throws -> Int64 {
        guard case .int64(let int) = raw(column).storage else { throw refused(column, "it must be an integer") }
        return int
    }

    func optionalInteger(_ column: String) throws -> Int64? {
        raw(column).isNull ? nil : try integer(column)
    }

    /// A count, version or sequence: from 0 to 2^53, so that adding one cannot overflow and JSON
    /// readers that hold numbers as doubles read it exactly.
    func count(_ column: String) throws -> Int {
        let value = try integer(column)
        guard (0...(1 << 53)).contains(value), let int = Int(exactly: value) else { throw refused(column, "it must be a count from 0 to 2^53") }
        return int
    }

    func real(_ column: String) throws -> Double {
        switch raw(column).storage {
        case .double(let double) where double.isFinite: return double
        case .int64(let int): return Double(int)
        default: throw refused(column, "it must be a number")
        }
    }

    func optionalReal(_ column: String) throws -> Double? {
        raw(column).isNull ? nil : try real(column)
    }

    /// The longest span of time the helpdesk stores, in seconds: that of `AcceptedInstants`.
    static let longestDuration = AcceptedInstants.range.upperBound.timeIntervalSince(AcceptedInstants.range.lowerBound)

    /// A duration in seconds, from 0 to `longestDuration` (a paused time, a clock's own time): never
    /// negative, and short enough that no report or display turning it into an integer can overflow.
    func duration(_ column: String) throws -> Double {
        let value = try real(column)
        guard (0...Self.longestDuration).contains(value) else { throw refused(column, "durations run from 0 to 1,000 years") }
        return value
    }

    func optionalDuration(_ column: String) throws -> Double? {
        raw(column).isNull ? nil : try duration(column)
    }

    /// `value`, a duration read by a report's statement from `column`, if it is one (see `duration`).
    /// - Throws: `INTERNAL_ERROR` naming the column when it is not.
    static func checkedDuration(_ value: Double?, column: String) throws -> Double? {
        guard let value else { return nil }
        guard value.isFinite, (0...longestDuration).contains(value) else {
            throw HelpdeskError(
                .internalError, prefix + "\(column) of a ticket is \(value), but durations run from 0 to 1,000 years" + suffix)
        }
        return value
    }

    /// A flag stored as 0 or 1.
    func bool(_ column: String) throws -> Bool {
        switch raw(column).storage {
        case .int64(0): return false
        case .int64(1): return true
        default: throw refused(column, "it must be 0 or 1")
        }
    }

    func optionalBool(_ column: String) throws -> Bool? {
        raw(column).isNull ? nil : try bool(column)
    }

    /// A time in the stored text form (or another form SQLite's date functions read) within
    /// `AcceptedInstants.range`; `also` is one more instant the column may hold (the "no running
    /// clock" marker of the due columns).
    func date(_ column: String, also: Date? = nil) throws -> Date {
        let value = raw(column)
        var date: Date?
        if case .string(let text) = value.storage { date = UTCTimestamp.parseStorage(text) ?? Date.fromDatabaseValue(value) }
        if case .double(let double) = value.storage, double.isFinite { date = Date.fromDatabaseValue(value) }
        if case .int64 = value.storage { date = Date.fromDatabaseValue(value) }
        guard let date else { throw refused(column, "it must be a time") }
        guard AcceptedInstants.range.contains(date) || date == also else {
            throw refused(column, "times lie between 2000-01-01 and 2999-12-31 UTC")
        }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        raw(column).isNull ? nil : try date(column)
    }

    /// One of the enum's raw values (a status, priority, category, role or history action).
    func choice<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try text(column)) else {
            throw refused(column, "it must be one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// A ticket number in its stored form, `TICK-YYYYMMDD-NNNN`.
    func ticketNumber(_ column: String) throws -> String {
        let text = try text(column)
        guard Self.isTicketNumber(text) else { throw refused(column, "it must look like TICK-YYYYMMDD-NNNN") }
        return text
    }

    private static let ticketPrefix = Array("TICK-".utf8)

    /// `TICK-`, eight digits, `-`, four digits or more: `TicketNumber.parse`'s form, checked on the
    /// bytes because every ticket of every page read passes here.
    static func isTicketNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 18, bytes.starts(with: ticketPrefix), bytes[13] == UInt8(ascii: "-") else { return false }
        func digit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        return bytes[5..<13].allSatisfy(digit) && bytes[14...].allSatisfy(digit)
    }
}
