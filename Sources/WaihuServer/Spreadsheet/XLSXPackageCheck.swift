import ZIPFoundation

/// What is still sound in a workbook one of whose parts is damaged: when the worksheets
/// match their checksums, the cells are all there and saving the file again in Excel or WPS
/// (which rewrites the damaged part) gives a workbook waihu reads.
enum XLSXPackageCheck {
    /// The worksheet parts (`xl/worksheets/*.xml`) that unpack and match their checksums,
    /// in the archive's order; empty when there are none or none is intact.
    static func intactWorksheets(in archive: Archive) -> [String] {
        archive.filter { isWorksheetPart($0.path) }.compactMap { entry in
            var checksum: UInt32 = 0
            do {
                _ = try archive.extract(entry, skipCRC32: true) { data in
                    checksum = data.withUnsafeBytes { ZIPChecksum.update(checksum, with: $0) }
                }
            } catch {
                return nil
            }
            return checksum == entry.checksum ? entry.path : nil
        }
    }

    private static func isWorksheetPart(_ path: String) -> Bool {
        let folder = "xl/worksheets/"
        return path.hasPrefix(folder) && path.hasSuffix(".xml") && !path.dropFirst(folder.count).contains("/")
    }
}
