import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (.xlsx) that Excel and LibreOffice open.
///
/// Rows are streamed to one temporary file per sheet as they are appended, so an export
/// of a million leads does not grow memory with its size; `finish()` then zips the parts.
/// Strings are written inline (`t="inlineStr"`) rather than through a shared-string table:
/// both programs read them, and the writer needs no table that grows with the data.
public final class XLSXWriter {
    private struct Sheet {
        let name: String
        let partURL: URL
        let handle: FileHandle
        var rowCount = 0
    }

    private let destination: URL
    private let workDirectory: URL
    private var sheets: [Sheet] = []
    private var buffer = Data()
    private var finished = false

    /// Starts a workbook that `finish()` writes to `url` (replacing a file already there).
    public init(url: URL) throws {
        destination = url
        workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("waihu-xlsx-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    deinit {
        for sheet in sheets { try? sheet.handle.close() }
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// Starts a new worksheet; the rows appended next go to it.
    public func addSheet(named name: String) throws {
        guard !finished else { throw XLSXWriterError.alreadyFinished }
        guard Self.isValidSheetName(name) else { throw XLSXWriterError.invalidSheetName(name) }
        guard !sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw XLSXWriterError.duplicateSheetName(name)
        }
        try flush()
        if !sheets.isEmpty { try closeSheetData(sheets[sheets.count - 1]) }
        let url = workDirectory.appendingPathComponent("sheet\(sheets.count + 1).xml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        sheets.append(Sheet(name: name, partURL: url, handle: handle))
        buffer.append(contentsOf: Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8))
    }

    /// Appends a header row, written in bold.
    public func appendHeader(_ titles: [String]) throws {
        try appendRow(titles.map { .text($0) }, style: 1)
    }

    /// Appends one row to the current sheet.
    public func appendRow(_ cells: [XLSXCell]) throws {
        try appendRow(cells, style: 0)
    }

    private func appendRow(_ cells: [XLSXCell], style: Int) throws {
        guard !finished else { throw XLSXWriterError.alreadyFinished }
        guard !sheets.isEmpty else { throw XLSXWriterError.noSheet }
        sheets[sheets.count - 1].rowCount += 1
        let row = sheets[sheets.count - 1].rowCount
        var xml = "<row r=\"\(row)\">"
        let styleAttribute = style == 0 ? "" : " s=\"\(style)\""
        for (index, cell) in cells.enumerated() {
            let reference = Self.columnName(index) + String(row)
            switch cell {
            case .empty:
                continue
            case .integer(let value):
                xml += "<c r=\"\(reference)\"\(styleAttribute)><v>\(value)</v></c>"
            case .number(let value):
                // Non-finite numbers have no cell form; an empty cell is what "—" means in a sheet.
                guard value.isFinite else { continue }
                xml += "<c r=\"\(reference)\"\(styleAttribute)><v>\(value)</v></c>"
            case .text(let value):
                xml += "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                xml += Self.escaped(value)
                xml += "</t></is></c>"
            }
        }
        xml += "</row>"
        buffer.append(contentsOf: Array(xml.utf8))
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes the workbook to its destination. The writer cannot be used afterwards.
    public func finish() throws {
        guard !finished else { throw XLSXWriterError.alreadyFinished }
        guard !sheets.isEmpty else { throw XLSXWriterError.noSheet }
        try flush()
        try closeSheetData(sheets[sheets.count - 1])
        for sheet in sheets { try sheet.handle.close() }
        finished = true

        try? FileManager.default.removeItem(at: destination)
        let archive = try Archive(url: destination, accessMode: .create)
        try add(contentTypes(), as: "[Content_Types].xml", to: archive)
        try add(Self.packageRelationships, as: "_rels/.rels", to: archive)
        try add(workbook(), as: "xl/workbook.xml", to: archive)
        try add(workbookRelationships(), as: "xl/_rels/workbook.xml.rels", to: archive)
        try add(Self.styles, as: "xl/styles.xml", to: archive)
        for (index, sheet) in sheets.enumerated() {
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.partURL,
                                 compressionMethod: .deflate)
        }
    }

    private func closeSheetData(_ sheet: Sheet) throws {
        try sheet.handle.write(contentsOf: Data("</sheetData></worksheet>".utf8))
    }

    private func flush() throws {
        guard !buffer.isEmpty, let sheet = sheets.last else { return }
        try sheet.handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func add(_ text: String, as path: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private func contentTypes() -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private func workbook() -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    private static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    /// Style 0 is the default, style 1 bold (header rows).
    private static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    static func isValidSheetName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains(where: { ":\\/?*[]".contains($0) })
    }

    /// XML text with the five special characters escaped and the control characters that
    /// XML 1.0 forbids dropped (a lead's free-text field can hold anything).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
