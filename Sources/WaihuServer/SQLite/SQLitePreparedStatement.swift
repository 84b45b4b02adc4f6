import Foundation
import SQLiteNIO
import VaporCSQLite

/// One prepared statement of a `SQLiteBulkConnection`: bind, step, reset, again.
final class SQLitePreparedStatement {
    private var statement: OpaquePointer?
    private let connection: SQLiteBulkConnection
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// Set after `withPacked`: texts are still bound to bytes that may be gone.
    private var holdsStalePackedBytes = false

    init(_ statement: OpaquePointer, connection: SQLiteBulkConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite_nio_sqlite3_finalize(statement)
    }

    /// Binds parameter `index` (1-based) to `value`, as SQLiteNIO would.
    func bind(_ index: Int32, _ value: SQLiteData) throws {
        let status: Int32
        switch value {
        case .text(let text): return try bind(index, text)
        case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): status = sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
        case .blob(let buffer):
            status = buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        }
        try connection.check(status, "bind")
    }

    /// Binds text, or NULL for nil.
    func bind(_ index: Int32, _ text: String?) throws {
        guard var text else {
            try connection.check(sqlite_nio_sqlite3_bind_null(statement, index), "bind")
            return
        }
        // Native Swift strings hand SQLite their UTF-8 bytes without a copy into a C string.
        let status = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress else {
                return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite_nio_sqlite3_bind_text64(statement, index, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
            }
        }
        try connection.check(status, "bind")
    }

    /// Binds parameters `first`, `first + 1` … to slices of `bytes` as UTF-8 texts, one per
    /// entry of `ends` (its end offset; -1 binds NULL), and runs `body` while `bytes` stays
    /// put. SQLite reads the bytes in place (`SQLITE_STATIC`), so they must not be touched
    /// until `body` (the step) is over.
    ///
    /// The slices stay bound afterwards, pointing at bytes that may be gone: unbinding them
    /// again cost a tenth of an import's writing. So `step` refuses to run until they are
    /// bound again (another `withPacked`) or cleared (`reset`).
    func withPacked<T>(_ bytes: [UInt8], ends: [Int32], from first: Int32, _ body: () throws -> T) throws -> T {
        holdsStalePackedBytes = false
        defer { holdsStalePackedBytes = true }
        return try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var start: Int32 = 0
            for (offset, end) in ends.enumerated() {
                let index = first + Int32(offset)
                let status: Int32
                if end < 0 {
                    status = sqlite_nio_sqlite3_bind_null(statement, index)
                } else {
                    // An empty buffer has no base address; its (empty) texts are bound from "".
                    let text = base.map { $0 + Int(start) } ?? Self.emptyText
                    status = sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(end - start),
                                                            nil, UInt8(SQLITE_UTF8)) // nil: SQLITE_STATIC
                    start = end
                }
                try connection.check(status, "bind")
            }
            return try body()
        }
    }

    private static let emptyText = UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)

    /// Runs the statement one step: true when it produced a row.
    @discardableResult
    func step() throws -> Bool {
        if holdsStalePackedBytes { throw SQLiteBulkError(code: SQLITE_MISUSE, message: "step with texts bound by an earlier withPacked") }
        let status = sqlite_nio_sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        try connection.check(status, "step")
        return false
    }

    /// Makes the statement ready to be bound and run again.
    func reset() {
        sqlite_nio_sqlite3_reset(statement)
        sqlite_nio_sqlite3_clear_bindings(statement)
        holdsStalePackedBytes = false
    }

    /// Makes the statement ready to run again with the values still bound (those not bound
    /// again keep theirs).
    func resetKeepingBindings() {
        sqlite_nio_sqlite3_reset(statement)
    }

    /// Runs the statement to its end with these values and resets it.
    func run(_ values: [SQLiteData]) throws {
        defer { reset() }
        for (offset, value) in values.enumerated() { try bind(Int32(offset + 1), value) }
        while try step() {}
    }

    func integer(column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }

    func double(column: Int32) -> Double { sqlite_nio_sqlite3_column_double(statement, column) }

    /// The column's text, or nil when it is NULL.
    func text(column: Int32) -> String? {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
