import Foundation
import ZIPFoundation

/// A worksheet's XML, unpacked on a thread of its own and handed over in chunks, so that the
/// reader scans one chunk while the next is inflated (unpacking was a sixth of reading a
/// sheet, before a single row could be read). At most `capacity` chunks wait, so memory stays
/// bounded whatever the size of the sheet.
///
/// The thread is the only user of `archive` once it starts. `cancel()` (the reader's deinit)
/// stops it when the reader is dropped before the end.
final class XLSXSheetStream: @unchecked Sendable {
    private static let chunkSize = 1 << 20
    private let capacity = 4
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var chunks: [Data] = []
    private var finished = false
    private var failure: XLSXReadError?
    private var cancelled = false

    init(archive: Archive, entry: Entry, path: String) {
        let thread = Thread { [self] in
            do {
                _ = try archive.extract(entry, bufferSize: Self.chunkSize) { data in
                    try self.put(data)
                }
                finish(nil)
            } catch {
                finish(.damaged("\(path) cannot be unpacked"))
            }
        }
        thread.name = "waihu.xlsx-unpack"
        thread.start()
    }

    /// The next chunk of XML, nil at the end of the sheet; throws when the sheet cannot be unpacked.
    func next() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the unpacking thread; chunks not yet read are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        // ZIPFoundation may end with an empty chunk; an empty one never means "the end" here.
        guard !data.isEmpty else { return }
        chunks.append(data)
        condition.broadcast()
    }

    private func finish(_ failure: XLSXReadError?) {
        condition.lock()
        finished = true
        if !cancelled { self.failure = failure }
        condition.broadcast()
        condition.unlock()
    }
}
