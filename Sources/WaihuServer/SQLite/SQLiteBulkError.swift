/// An error of the SQLite library, with its result code and message.
struct SQLiteBulkError: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { "SQLite: \(message)" }
}
