@testable import WaihuDomain

extension LeadListReader {
    /// Feeds `bytes` in pieces of `chunkSize`, as a file or an upload arrives, then finishes:
    /// the rows must not depend on where the pieces break.
    mutating func readAll(_ bytes: [UInt8], chunkSize: Int) throws -> [LeadRow] {
        var rows: [LeadRow] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            rows += try feed(Array(bytes[start..<end]))
            start = end
        }
        return rows + (try finish())
    }
}
