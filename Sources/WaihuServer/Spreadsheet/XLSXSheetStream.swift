import Foundation
import ZIPFoundation

/// A worksheet's XML, unpacked on a thread of its own and handed over in chunks, so that the
/// reader scans one chunk while the next is inflated (unpacking was a sixth of reading a
/// sheet, before a single row could be read). At most 4 chunks of 1 MiB wait, so memory
/// stays bounded whatever the size of the sheet. The last chunk is followed by the end, or by
/// `XLSXReadError.damaged` when the unpacked sheet does not match the checksum in the archive.
///
/// The thread is the only user of `archive` once it starts. `cancel()` (the reader's deinit)
/// stops it when the reader is dropped before the end.
final class XLSXSheetStream: @unchecked Sendable {
    private static let chunkSize = 1 << 20
    private let chunks = BoundedHandoff<Data>(capacity: 4)

    init(archive: Archive, entry: Entry, path: String) {
        let chunks = self.chunks
        let thread = Thread {
            do {
                var checksum: UInt32 = 0
                // ZIPFoundation's own checksum is skipped: it is slow on Linux and only returned, never compared.
                _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: true) { data in
                    checksum = data.withUnsafeBytes { ZIPChecksum.update(checksum, with: $0) }
                    // ZIPFoundation may end with an empty chunk; an empty one never means "the end" here.
                    if !data.isEmpty { try chunks.put(data) }
                }
                guard checksum == entry.checksum else {
                    chunks.finish(throwing: XLSXReadError.damaged("\(path) does not match its checksum"))
                    return
                }
                chunks.finish()
            } catch {
                chunks.finish(throwing: XLSXReadError.damaged("\(path) cannot be unpacked"))
            }
        }
        thread.name = "waihu.xlsx-unpack"
        thread.start()
    }

    /// The next chunk of XML, nil at the end of the sheet; throws when the sheet cannot be unpacked.
    func next() throws -> Data? {
        try chunks.take()
    }

    /// Stops the unpacking thread; chunks not yet read are dropped.
    func cancel() {
        chunks.cancel()
    }
}
