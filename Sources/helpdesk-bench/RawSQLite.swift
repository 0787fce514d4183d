import GRDBSQLite

/// The floor: the SQLite C API with nothing between it and the caller. Statements are prepared once
/// and every column of every row is read, as the cheapest hand-written program would.
final class RawSQLite {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// A value to bind.
    enum Value {
        case int(Int64)
        case text(String)
        case null
    }

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path) with the C API")
        }
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` and returns how many rows it gave; text columns are read through so that the
    /// floor pays for the bytes it returns, as the layers above it do.
    @discardableResult
    func query(_ sql: String, _ values: [Value] = []) throws -> Int {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .int(let int): sqlite3_bind_int64(statement, position, int)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, sqliteTransient)
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        var rows = 0
        var bytes = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw BenchError("floor query failed: \(message)") }
            rows += 1
            for column in 0..<sqlite3_column_count(statement) {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: bytes &+= Int(sqlite3_column_int64(statement, column) & 1)
                case SQLITE_FLOAT: bytes &+= Int(sqlite3_column_double(statement, column))
                case SQLITE_TEXT:
                    _ = sqlite3_column_text(statement, column)
                    bytes &+= Int(sqlite3_column_bytes(statement, column))
                default: break
                }
            }
        }
        blackHole(bytes)
        return rows
    }

    /// The first column of the first row as an integer.
    func integer(_ sql: String, _ values: [Value] = []) throws -> Int64 {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        for (index, value) in values.enumerated() {
            if case .text(let text) = value { sqlite3_bind_text(statement, Int32(index + 1), text, -1, sqliteTransient) }
            if case .int(let int) = value { sqlite3_bind_int64(statement, Int32(index + 1), int) }
        }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw BenchError("floor query gave no row: \(message)") }
        return sqlite3_column_int64(statement, 0)
    }

    private var message: String { String(cString: sqlite3_errmsg(handle)) }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else { throw BenchError("floor cannot prepare: \(message)\n\(sql)") }
        statements[sql] = statement
        return statement
    }
}

private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Keeps the optimiser from dropping work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
