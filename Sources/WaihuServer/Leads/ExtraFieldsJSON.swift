import WaihuDomain

/// Writes a lead's extra fields as the JSON array `leads.extras` holds
/// (`[{"name":"上年承保公司","value":"平安"}]`), which `LeadRecord.extras` reads back
/// with `JSONDecoder`.
///
/// The importer writes one of these per row; `JSONEncoder` spent more time on it
/// than SQLite spent storing the whole row, so the few rules of JSON strings are
/// written out here instead.
enum ExtraFieldsJSON {
    static func encode(_ extras: [LeadExtraField]) -> String {
        var json: [UInt8] = []
        append(extras, to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    /// The same JSON, written at the end of `json` (the importer packs it with a row's other texts).
    static func append(_ extras: [LeadExtraField], to json: inout [UInt8]) {
        if extras.isEmpty {
            json.append(contentsOf: "[]".utf8)
            return
        }
        json.reserveCapacity(json.count + extras.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 24 })
        json.append(UInt8(ascii: "["))
        for (index, extra) in extras.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: #"{"name":"#.utf8)
            appendString(extra.name, to: &json)
            json.append(contentsOf: #","value":"#.utf8)
            appendString(extra.value, to: &json)
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything
    /// else, Chinese included, as its UTF-8 bytes.
    private static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): json.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): json.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): json.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                json.append(contentsOf: #"\u00"#.utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0xF)])
            default:
                json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
