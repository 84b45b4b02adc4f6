import Foundation
import WaihuDomain
import ZIPFoundation

/// The parts of a workbook a sheet reader needs besides the sheet itself: the sheets
/// and where they are, the date system, the shared strings and which styles are dates.
/// These parts are small next to a sheet of a million rows and are read whole.
struct XLSXWorkbook {
    struct Sheet {
        let name: String
        /// Path inside the package, e.g. `xl/worksheets/sheet1.xml`.
        let path: String
        let kind: XLSXSheetKind
    }

    /// Every sheet in tab order: worksheets, chart sheets and the rest.
    let allSheets: [Sheet]
    let dateSystem: ExcelDateSystem
    let sharedStrings: [String]
    /// Per style index (`s` on a cell), whether it formats numbers as dates.
    let dateStyles: [Bool]

    /// The sheets that hold cells, the only ones a list can be imported from.
    var worksheets: [Sheet] { allSheets.filter { $0.kind == .worksheet } }

    init(archive: Archive) throws {
        do {
            guard let workbook = try Self.part("xl/workbook.xml", in: archive) else { throw XLSXReadError.notAWorkbook }
            let relationships = try Self.part("xl/_rels/workbook.xml.rels", in: archive).map(Self.relationships) ?? [:]
            var sheets: [Sheet] = []
            var date1904 = false
            try Self.scan(workbook) { scanner, token in
                if scanner.nameIs(token, "workbookPr") {
                    let flag = scanner.attribute("date1904", of: token)
                    date1904 = flag == "1" || flag == "true"
                } else if scanner.nameIs(token, "sheet"), let name = scanner.attribute("name", of: token) {
                    let id = scanner.attribute("id", of: token) ?? ""
                    if let relationship = relationships[id] {
                        sheets.append(Sheet(name: name, path: Self.resolve(relationship.target),
                                            kind: XLSXSheetKind(relationshipType: relationship.type, target: relationship.target)))
                    }
                }
            }
            allSheets = sheets
            dateSystem = date1904 ? .from1904 : .from1900
            sharedStrings = try Self.part("xl/sharedStrings.xml", in: archive).map(Self.sharedStrings) ?? []
            dateStyles = try Self.part("xl/styles.xml", in: archive).map(Self.dateStyles) ?? []
        } catch DamagedPart.part(let path, reason: let reason) {
            throw XLSXReadError.damagedPart(path, reason: reason, intactWorksheets: XLSXPackageCheck.intactWorksheets(in: archive))
        }
    }

    /// A part that cannot be unpacked or does not match its checksum; told apart from
    /// the worksheets' state only once it is known which part failed.
    private enum DamagedPart: Error {
        case part(String, reason: String)
    }

    /// A relationship target relative to `xl/`, or absolute from the package root.
    private static func resolve(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// A whole part, checked against the checksum the archive stores for it: a garbled part
    /// would otherwise read as a workbook without sheets or strings.
    private static func part(_ path: String, in archive: Archive) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        var checksum: UInt32 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data in
                checksum = data.withUnsafeBytes { ZIPChecksum.update(checksum, with: $0) }
                bytes.append(contentsOf: data)
            }
        } catch {
            throw DamagedPart.part(path, reason: "cannot be unpacked")
        }
        guard checksum == entry.checksum else { throw DamagedPart.part(path, reason: "does not match its checksum") }
        return bytes
    }

    /// Calls `visit` for every start (or empty) tag of a whole part.
    private static func scan(_ bytes: [UInt8], visit: (XMLPullScanner, XMLPullScanner.Token) throws -> Void) throws {
        var scanner = XMLPullScanner(bytes)
        while let token = try scanner.next() {
            if token.kind == .start || token.kind == .empty { try visit(scanner, token) }
        }
    }

    private static func relationships(_ bytes: [UInt8]) throws -> [String: (target: String, type: String?)] {
        var relationships: [String: (target: String, type: String?)] = [:]
        try scan(bytes) { scanner, token in
            if scanner.nameIs(token, "Relationship"), let id = scanner.attribute("Id", of: token),
               let target = scanner.attribute("Target", of: token) {
                relationships[id] = (target, scanner.attribute("Type", of: token))
            }
        }
        return relationships
    }

    /// `<si>` items: plain `<t>` or rich-text runs `<r><t>…</t></r>`; the phonetic
    /// guide `<rPh>` (furigana) is not part of the text.
    private static func sharedStrings(_ bytes: [UInt8]) throws -> [String] {
        var strings: [String] = []
        var scanner = XMLPullScanner(bytes)
        var current = ""
        var inText = false
        var inPhonetic = false
        while let token = try scanner.next() {
            switch token.kind {
            case .start:
                if scanner.nameIs(token, "si") { current = "" }
                else if scanner.nameIs(token, "t") { inText = !inPhonetic }
                else if scanner.nameIs(token, "rPh") { inPhonetic = true }
            case .empty:
                if scanner.nameIs(token, "si") { strings.append("") }
            case .end:
                if scanner.nameIs(token, "si") { strings.append(current) }
                else if scanner.nameIs(token, "t") { inText = false }
                else if scanner.nameIs(token, "rPh") { inPhonetic = false }
            case .text:
                if inText { current += scanner.text(of: token) }
            }
        }
        return strings
    }

    private static func dateStyles(_ bytes: [UInt8]) throws -> [Bool] {
        var customDates: [Int: Bool] = [:]
        var styles: [Bool] = []
        var scanner = XMLPullScanner(bytes)
        var inCellFormats = false
        while let token = try scanner.next() {
            switch token.kind {
            case .start, .empty:
                if scanner.nameIs(token, "numFmt"), let id = scanner.attribute("numFmtId", of: token).flatMap(Int.init) {
                    customDates[id] = XLSXNumberFormat.isDate(formatCode: scanner.attribute("formatCode", of: token) ?? "")
                } else if scanner.nameIs(token, "cellXfs") {
                    inCellFormats = token.kind == .start
                } else if inCellFormats, scanner.nameIs(token, "xf") {
                    let id = scanner.attribute("numFmtId", of: token).flatMap(Int.init) ?? 0
                    styles.append(customDates[id] ?? XLSXNumberFormat.isDate(builtinID: id))
                }
            case .end:
                if scanner.nameIs(token, "cellXfs") { inCellFormats = false }
            case .text:
                break
            }
        }
        return styles
    }
}
