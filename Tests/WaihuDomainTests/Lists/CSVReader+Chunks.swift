@testable import WaihuDomain

extension CSVReader {
    /// Feeds `bytes` in pieces of `chunkSize`, as a file or an upload arrives, then finishes:
    /// the records must not depend on where the pieces break.
    mutating func readAll(_ bytes: [UInt8], chunkSize: Int) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            records += try feed(Array(bytes[start..<end]))
            start = end
        }
        return records + (try finish())
    }
}
