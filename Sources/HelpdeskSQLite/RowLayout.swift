import Foundation
import GRDB
import HelpdeskCore

/// Where each named column sits in the rows of one statement, found once. Dates are read from
/// their stored text by arithmetic rather than through a calendar.
struct RowLayout {
    private var indexes: [String: Int] = [:]

    init(_ row: Row) {
        for (index, name) in row.columnNames.enumerated() where indexes[name] == nil {
            indexes[name] = index
        }
    }

    func value(_ row: Row, _ name: String) -> DatabaseValue {
        guard let index = indexes[name], index < row.count else { return .null }
        return row[index]
    }

    // Typed readers without generics: a page decodes thousands of values, and a generic decode
    // looks its type's metadata up at run time for each one.
    func string(_ row: Row, _ name: String) -> String? {
        if case .string(let text) = value(row, name).storage { return text }
        return nil
    }

    func int64(_ row: Row, _ name: String) -> Int64? {
        if case .int64(let int) = value(row, name).storage { return int }
        return nil
    }

    func double(_ row: Row, _ name: String) -> Double? {
        switch value(row, name).storage {
        case .double(let double): return double
        case .int64(let int): return Double(int)
        default: return nil
        }
    }

    func bool(_ row: Row, _ name: String) -> Bool? {
        int64(row, name).map { $0 != 0 }
    }

    func date(_ row: Row, _ name: String) -> Date? {
        let stored = value(row, name)
        if case .string(let text) = stored.storage, let date = UTCTimestamp.parseStorage(text) { return date }
        return Date.fromDatabaseValue(stored)
    }
}
