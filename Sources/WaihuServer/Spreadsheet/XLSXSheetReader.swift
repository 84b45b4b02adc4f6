import Foundation
import WaihuDomain
import ZIPFoundation

/// Reads one worksheet of an .xlsx workbook row by row, with memory that does not grow
/// with the sheet: the sheet is unpacked on a thread of its own (`XLSXSheetStream`, checked
/// against its CRC at the end) and scanned chunk by chunk as it comes. Cells come back as the text a user sees: shared
/// and inline strings, numbers without Excel's float noise (13800138000, not
/// 1.3800138E10), and date-formatted numbers as `YYYY-MM-DD`.
public final class XLSXSheetReader {
    public let sheetName: String
    public let dateSystem: ExcelDateSystem
    private let workbook: XLSXWorkbook
    private let stream: XLSXSheetStream
    private let size: UInt64
    private var bytesRead: UInt64 = 0
    private var scanner = XMLPullScanner()
    private var ended = false
    private var pending: [XLSXRow] = []
    private var pendingIndex = 0
    private var cells = SheetRowAssembler()

    /// `sheetName` nil reads the first sheet.
    public init(url: URL, sheetName: String?) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXReadError.damaged("not a complete ZIP archive")
        }
        workbook = try XLSXWorkbook(archive: archive)
        guard let first = workbook.sheets.first else { throw XLSXReadError.noSheets }
        var sheet = first
        if let sheetName {
            guard let named = workbook.sheets.first(where: { $0.name == sheetName }) else {
                throw XLSXReadError.noSuchSheet(sheetName, available: workbook.sheets.map(\.name))
            }
            sheet = named
        }
        self.sheetName = sheet.name
        dateSystem = workbook.dateSystem
        guard let entry = archive[sheet.path] else { throw XLSXReadError.damaged("\(sheet.path) is missing") }
        size = entry.uncompressedSize
        stream = XLSXSheetStream(archive: archive, entry: entry, path: sheet.path)
        cells.sharedStrings = workbook.sharedStrings
        cells.dateStyles = workbook.dateStyles
        cells.dateSystem = workbook.dateSystem
    }

    deinit {
        stream.cancel()
    }

    public var sheetNames: [String] { workbook.sheets.map(\.name) }

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
            var scanner = XMLPullScanner(), cells = SheetRowAssembler(), pending: [XLSXRow] = []
            swap(&scanner, &self.scanner)
            swap(&cells, &self.cells)
            swap(&pending, &self.pending)
            defer {
                swap(&scanner, &self.scanner)
                swap(&cells, &self.cells)
                swap(&pending, &self.pending)
            }
            while pending.isEmpty {
                if ended { return nil }
                while let token = try scanner.next() {
                    if let row = try cells.consume(token, in: scanner) {
                        pending.append(row)
                    }
                }
                let chunk = try stream.next() ?? Data()
                if chunk.isEmpty {
                    ended = true
                    if !scanner.remainderIsBlank || cells.isInsideRow {
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

/// Turns the tokens of `<sheetData>` into rows: `<row r="2"><c r="B2" t="s" s="3"><v>5</v></c>…</row>`.
private struct SheetRowAssembler {
    var sharedStrings: [String] = []
    var dateStyles: [Bool] = []
    var dateSystem: ExcelDateSystem = .from1900

    private var rowNumber = 0
    private var inRow = false
    private var row: [String] = []
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var capturing = false
    private var inCell = false

    var isInsideRow: Bool { inRow }

    mutating func consume(_ token: XMLPullScanner.Token, in scanner: XMLPullScanner) throws -> XLSXRow? {
        switch token.kind {
        case .start, .empty:
            if scanner.nameIs(token, "row") {
                rowNumber = scanner.attribute("r", of: token).flatMap(Int.init) ?? rowNumber + 1
                if token.kind == .empty { return XLSXRow(number: rowNumber, cells: []) }
                row = []
                inRow = true
            } else if scanner.nameIs(token, "c"), inRow {
                column = scanner.attribute("r", of: token).flatMap(Self.columnIndex) ?? row.count
                type = scanner.attribute("t", of: token) ?? "n"
                style = scanner.attribute("s", of: token).flatMap(Int.init) ?? 0
                value = ""
                inCell = token.kind == .start
                if token.kind == .empty { place("") }
            } else if inCell, token.kind == .start, scanner.nameIs(token, "v") || scanner.nameIs(token, "t") {
                capturing = true
            } else if inCell, token.kind == .start, scanner.nameIs(token, "rPh") {
                capturing = false
            }
        case .end:
            if scanner.nameIs(token, "v") || scanner.nameIs(token, "t") {
                capturing = false
            } else if scanner.nameIs(token, "c"), inCell {
                inCell = false
                place(try cellText())
            } else if scanner.nameIs(token, "row"), inRow {
                inRow = false
                return XLSXRow(number: rowNumber, cells: row)
            }
        case .text:
            if capturing { value += scanner.text(of: token) }
        }
        return nil
    }

    private mutating func place(_ text: String) {
        guard inRow, column < 16_384 else { return }
        if column >= row.count { row.append(contentsOf: repeatElement("", count: column - row.count + 1)) }
        row[column] = text
    }

    private func cellText() throws -> String {
        switch type {
        case "s":
            // Foundation's trimming only for the rare index written with blanks around it.
            guard let index = Int(value) ?? Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw XLSXReadError.malformedXML("row \(rowNumber) refers to shared string \(value), which does not exist")
            }
            return sharedStrings[index]
        case "n":
            return number(value)
        case "b":
            return value == "1" ? "TRUE" : "FALSE"
        default:
            // inlineStr, str (a formula's text), e (#N/A …) and d (an ISO date) are text already.
            return value
        }
    }

    private func number(_ text: String) -> String {
        guard !text.isEmpty, let number = Double(text) else { return text }
        if style < dateStyles.count, dateStyles[style],
           let date = LeadDateParser.date(fromExcelSerial: number, system: dateSystem) {
            return date.isoString
        }
        // Excel stores 13800138000 as "13800138000" but some writers use "1.3800138E10".
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        if text.contains("E") || text.contains("e") { return String(number) }
        return text
    }

    /// `B2` → 1; `AA10` → 26.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A") + 1)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
