/// The kinds of file a lead list arrives in.
public enum LeadFileFormat: String, Codable, Sendable {
    case csv
    case xlsx

    /// Tells the format from the file's first bytes, not its name: lists are mailed
    /// around and renamed, and a `.csv` that is really a workbook must still be read.
    /// Throws `LeadFileError` for an empty file and for formats waihu does not read.
    public static func detect(prefix: [UInt8]) throws -> LeadFileFormat {
        if prefix.isEmpty { throw LeadFileError.empty }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw LeadFileError.emptyArchive }
        // OLE2 compound document: Excel 97–2003 .xls (or a password-protected .xlsx).
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw LeadFileError.legacyExcel }
        if prefix.starts(with: Array("%PDF".utf8)) { throw LeadFileError.notASpreadsheet("a PDF document") }
        if prefix.starts(with: [0x1F, 0x8B]) { throw LeadFileError.notASpreadsheet("a gzip archive") }
        if prefix.starts(with: Array("Rar!".utf8)) { throw LeadFileError.notASpreadsheet("a RAR archive") }
        if prefix.starts(with: [0x89, 0x50, 0x4E, 0x47]) || prefix.starts(with: [0xFF, 0xD8, 0xFF]) {
            throw LeadFileError.notASpreadsheet("an image")
        }
        // Text has no NUL bytes outside UTF-16, which the CSV reader refuses with its own message.
        let sample = prefix.prefix(4096)
        let isUTF16 = sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
        if !isUTF16, sample.contains(0) { throw LeadFileError.notASpreadsheet("a binary file") }
        return .csv
    }
}
