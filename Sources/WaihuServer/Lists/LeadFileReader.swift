import Foundation
import WaihuDomain

/// Reads a lead list file, CSV or .xlsx, a batch of rows at a time, so that a list of
/// a million rows never sits in memory: the importer classifies and stores each batch
/// before it asks for the next. The format comes from the file's content, not its name.
///
/// ```swift
/// let reader = try LeadFileReader(url: file, options: LeadFileOptions(asOf: today))
/// while let rows = try reader.nextRows() { … }
/// ```
/// Errors are `LeadFileError`, `CSVError`, `TextEncodingError`, `ColumnMappingError`,
/// `HeaderRowError` or `XLSXReadError`; each describes itself in words a list manager can act on.
public final class LeadFileReader {
    public let format: LeadFileFormat
    public let options: LeadFileOptions
    private let source: Source

    private enum Source {
        case csv(CSVSource)
        case xlsx(WorkbookSource)
    }

    public init(url: URL, options: LeadFileOptions) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw LeadFileError.unreadable(path: url.path, reason: "no such file or no permission")
        }
        let prefix = [UInt8](try handle.read(upToCount: 4096) ?? Data())
        format = try LeadFileFormat.detect(prefix: prefix)
        self.options = options
        switch format {
        case .csv:
            try handle.seek(toOffset: 0)
            source = .csv(try CSVSource(handle: handle, size: Self.size(of: url), options: options))
        case .xlsx:
            try? handle.close()
            source = .xlsx(try WorkbookSource(url: url, options: options))
        }
    }

    /// The header mapping, known once the first rows have been read.
    public var mapping: ColumnMapping? {
        switch source {
        case .csv(let csv): return csv.reader.mapping
        case .xlsx(let xlsx): return xlsx.mapping
        }
    }

    /// The spreadsheet row the headers were taken from, known once the first rows have been read.
    public var headerRow: Int? {
        switch source {
        case .csv(let csv): return csv.reader.headerRow
        case .xlsx(let xlsx): return xlsx.headerRow
        }
    }

    /// The worksheet read (nil for a CSV).
    public var sheetName: String? {
        switch source {
        case .csv: return nil
        case .xlsx(let xlsx): return xlsx.sheetName
        }
    }

    /// The next rows of the list (blank rows skipped), or nil once the file is done.
    /// A batch may hold a few thousand rows; it is never empty.
    public func nextRows() throws -> [LeadRow]? {
        switch source {
        case .csv(let csv): return try csv.nextRows()
        case .xlsx(let xlsx): return try xlsx.nextRows()
        }
    }

    /// How much of the file has been read, 0…1, for a progress bar.
    public var fractionRead: Double {
        switch source {
        case .csv(let csv): return csv.fractionRead
        case .xlsx(let xlsx): return xlsx.fractionRead
        }
    }

    private static func size(of url: URL) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}

/// CSV: chunks of the file through the domain's `LeadListReader`.
private final class CSVSource {
    private static let chunkSize = 256 * 1024
    let handle: FileHandle
    let size: UInt64
    var reader: LeadListReader
    private var bytesRead: UInt64 = 0
    private var finished = false

    init(handle: FileHandle, size: UInt64, options: LeadFileOptions) throws {
        self.handle = handle
        self.size = size
        reader = try LeadListReader(asOf: options.asOf, overrides: options.overrides, encoding: options.encoding,
                                    headerRow: options.headerRow)
    }

    deinit { try? handle.close() }

    var fractionRead: Double {
        size == 0 ? 1 : min(1, Double(bytesRead) / Double(size))
    }

    func nextRows() throws -> [LeadRow]? {
        while !finished {
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty {
                finished = true
                let rows = try reader.finish()
                if !rows.isEmpty { return rows }
                break
            }
            bytesRead += UInt64(chunk.count)
            let rows = try reader.feed([UInt8](chunk))
            if !rows.isEmpty { return rows }
        }
        return nil
    }
}

/// .xlsx: the rows of one worksheet, through the same `LeadTable` as a CSV's.
private final class WorkbookSource {
    private static let batchSize = 4096
    private var sheet: XLSXSheetReader
    private var table: LeadTable
    private var ended = false

    init(url: URL, options: LeadFileOptions) throws {
        sheet = try XLSXSheetReader(url: url, sheetName: options.sheet)
        table = LeadTable(asOf: options.asOf, overrides: options.overrides, headerRow: options.headerRow,
                          dateSystem: sheet.dateSystem)
    }

    var mapping: ColumnMapping? { table.mapping }
    var headerRow: Int? { table.headerRow }
    var sheetName: String { sheet.sheetName }
    var fractionRead: Double { sheet.fractionRead }

    func nextRows() throws -> [LeadRow]? {
        var rows: [LeadRow] = []
        while !ended, rows.count < Self.batchSize {
            guard let row = try sheet.nextRow() else {
                ended = true
                try table.finish(into: &rows)
                break
            }
            if BlankRow.matches(row.cells) { continue }
            try table.add(cells: row.cells, row: row.number, into: &rows)
        }
        return rows.isEmpty ? nil : rows
    }
}
