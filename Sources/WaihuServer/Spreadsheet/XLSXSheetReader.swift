import Foundation
import WaihuDomain
import ZIPFoundation

/// Reads one worksheet of an .xlsx workbook row by row, with memory that does not grow
/// with the sheet: the sheet is unpacked on a thread of its own (`XLSXSheetStream`, checked
/// against its checksum at the end) and scanned chunk by chunk as it comes
/// (`WorksheetRowScanner`, which also says what text a cell gives).
public final class XLSXSheetReader {
    public let sheetName: String
    public let dateSystem: ExcelDateSystem
    private let workbook: XLSXWorkbook
    private let stream: XLSXSheetStream
    private let size: UInt64
    private var bytesRead: UInt64 = 0
    private var scanner = WorksheetRowScanner()
    private var ended = false
    private var pending: [XLSXRow] = []
    private var pendingIndex = 0

    /// `sheetName` nil reads the first worksheet.
    public init(url: URL, sheetName: String?) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXReadError.damaged("not a complete ZIP archive")
        }
        workbook = try XLSXWorkbook(archive: archive)
        let worksheets = workbook.worksheets
        let sheet: XLSXWorkbook.Sheet
        if let sheetName {
            guard let named = workbook.allSheets.first(where: { $0.name == sheetName }) else {
                throw XLSXReadError.noSuchSheet(sheetName, available: worksheets.map(\.name))
            }
            guard named.kind == .worksheet else {
                throw XLSXReadError.notAWorksheet(sheetName, kind: named.kind.label, worksheets: worksheets.map(\.name))
            }
            sheet = named
        } else {
            // The first worksheet, not the first tab: a chart sheet may come first.
            guard let first = worksheets.first else {
                throw XLSXReadError.noWorksheets(sheets: workbook.allSheets.map { "\($0.name) (\($0.kind.label))" })
            }
            sheet = first
        }
        self.sheetName = sheet.name
        dateSystem = workbook.dateSystem
        guard let entry = archive[sheet.path] else { throw XLSXReadError.damaged("\(sheet.path) is missing") }
        size = entry.uncompressedSize
        stream = XLSXSheetStream(archive: archive, entry: entry, path: sheet.path)
        scanner.cells.sharedStrings = workbook.sharedStrings
        scanner.cells.dateStyles = workbook.dateStyles
        scanner.cells.dateSystem = workbook.dateSystem
    }

    deinit {
        stream.cancel()
    }

    /// The workbook's worksheets, in tab order (chart sheets are not among them).
    public var sheetNames: [String] { workbook.worksheets.map(\.name) }

    public var fractionRead: Double {
        size == 0 ? 1 : min(1, Double(bytesRead) / Double(size))
    }

    /// The next row that has a `<row>` element (rows Excel never touched are absent), or nil at the end.
    public func nextRow() throws -> XLSXRow? {
        if pendingIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
        }
        if pending.isEmpty {
            // The scan runs on the reader's state moved into local variables and back: every
            // access to a class's stored property is checked for exclusivity at run time,
            // which cost a fifth of reading a sheet when the loop used them directly.
            var scanner = WorksheetRowScanner(), pending: [XLSXRow] = []
            swap(&scanner, &self.scanner)
            swap(&pending, &self.pending)
            defer {
                swap(&scanner, &self.scanner)
                swap(&pending, &self.pending)
            }
            while pending.isEmpty {
                if ended { return nil }
                try scanner.scan(into: &pending)
                if !pending.isEmpty { break }
                let chunk = try stream.next() ?? Data()
                if chunk.isEmpty {
                    ended = true
                    if !scanner.remainderIsBlank || scanner.isInsideRow {
                        throw XLSXReadError.malformedXML("the sheet ends in the middle of a row")
                    }
                } else {
                    bytesRead += UInt64(chunk.count)
                    scanner.append(chunk)
                }
            }
        }
        pendingIndex += 1
        return pending[pendingIndex - 1]
    }
}
