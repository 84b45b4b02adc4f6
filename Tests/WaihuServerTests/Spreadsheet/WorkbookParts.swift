import Foundation
import ZIPFoundation

/// Workbooks written part by part, the way generators other than Excel write them (no styles,
/// no shared strings, prefixes, Strict Open XML, chart sheets …), so that each form a real
/// list arrives in is made by the test itself.
struct WorkbookParts {
    struct Sheet {
        var name: String
        /// A chart sheet (its part holds a drawing, no cells).
        var isChart = false
        /// The `<sheetData>` content (or, with `wholeXML`, the whole part).
        var rows: String
        var wholeXML = false
    }

    var sheets: [Sheet]
    /// Strict Open XML (ISO 29500 Strict): other namespaces and relationship types.
    var strict = false
    /// A namespace prefix on every SpreadsheetML element (`x:`), as .NET generators write.
    var prefix = ""
    var date1904 = false
    /// Extra parts, e.g. `xl/sharedStrings.xml` or `xl/styles.xml`.
    var extraParts: [(path: String, xml: String)] = []

    private var mainNamespace: String {
        strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    }
    private var relationshipNamespace: String {
        strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships"
            : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    }

    /// The parts in archive order.
    var parts: [(path: String, xml: String)] {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let xmlns = prefix.isEmpty ? "xmlns=\"\(mainNamespace)\"" : "xmlns:\(prefix)=\"\(mainNamespace)\""
        var result: [(String, String)] = []
        var types = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        var sheetList = ""
        var relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            let folder = sheet.isChart ? "chartsheets" : "worksheets"
            let kind = sheet.isChart ? "chartsheet" : "worksheet"
            sheetList += "<\(p)sheet name=\"\(sheet.name)\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
            relationships += "<Relationship Id=\"rId\(number)\" Type=\"\(relationshipNamespace)/\(kind)\" Target=\"\(folder)/sheet\(number).xml\"/>"
            types += "<Override PartName=\"/xl/\(folder)/sheet\(number).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.\(kind)+xml\"/>"
            let xml: String
            if sheet.wholeXML {
                xml = sheet.rows
            } else if sheet.isChart {
                xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)chartsheet \(xmlns) xmlns:r=\"\(relationshipNamespace)\">"
                    + "<\(p)sheetViews><\(p)sheetView workbookViewId=\"0\"/></\(p)sheetViews><\(p)drawing r:id=\"rId1\"/></\(p)chartsheet>"
            } else {
                xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)worksheet \(xmlns)><\(p)sheetData>\(sheet.rows)</\(p)sheetData></\(p)worksheet>"
            }
            result.append(("xl/\(folder)/sheet\(number).xml", xml))
        }
        let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)workbook \(xmlns) xmlns:r=\"\(relationshipNamespace)\">"
            + (date1904 ? "<\(p)workbookPr date1904=\"1\"/>" : "")
            + "<\(p)sheets>\(sheetList)</\(p)sheets></\(p)workbook>"
        let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"
        let rootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        return [("[Content_Types].xml", types + "</Types>"), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", rels)] + extraParts.map { ($0.path, $0.xml) } + result
    }

    /// Writes the package; `stored` keeps every part uncompressed (so a test can change bytes in place).
    func write(to url: URL, stored: Bool = false) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// An inline-string cell, as export tools write them.
    static func text(_ reference: String?, _ value: String, prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let r = reference.map { " r=\"\($0)\"" } ?? ""
        return "<\(p)c\(r) t=\"inlineStr\"><\(p)is><\(p)t>\(value)</\(p)t></\(p)is></\(p)c>"
    }

    /// A row of inline-string cells A, B, C …
    static func row(_ number: Int, _ values: [String], prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let cells = values.enumerated().map { text("\(Character(Unicode.Scalar(65 + $0.offset)!))\(number)", $0.element, prefix: prefix) }
        return "<\(p)row r=\"\(number)\">" + cells.joined() + "</\(p)row>"
    }
}
