import Foundation
import GRDB
import HelpdeskCore

/// Where each named column sits in the rows of one statement, found once. Dates are read from
/// their stored text by arithmetic rather than through a calendar.
struct RowLayout {
    private var indexes: [String: Int] = [:]
    private let prefix: String

    init(_ row: Row, prefix: String = "") {
        self.prefix = prefix
        for (index, name) in row.columnNames.enumerated() where indexes[name] == nil {
            indexes[name] = index
        }
    }

    func value(_ row: Row, _ name: String) -> DatabaseValue {
        guard let index = indexes[prefix + name], index < row.count else { return .null }
        return row[index]
    }

    func date(_ row: Row, _ name: String) -> Date? {
        let stored = value(row, name)
        if case .string(let text) = stored.storage, let date = UTCTimestamp.parseStorage(text) { return date }
        return Date.fromDatabaseValue(stored)
    }
}
