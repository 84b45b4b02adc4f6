import WaihuDomain

extension ImportReport {
    /// The report in the key order of issue 4 and docs/lists.md:
    /// `{"rows":N,"imported":N,"invalid_phone":N,"duplicate":N,"dnc":N,"rejects":[{"row":R,"reason":"…","value":"…"}]}`
    /// (a reject's `"note"` only where `Reject.note` has one; `"header_row":R` after the rejects
    /// when the headers are not in row 1).
    /// `JSONEncoder` does not promise an order, and people read and diff these files.
    public var orderedJSON: String {
        var text = "{\"rows\":\(rows),\"imported\":\(imported),\"invalid_phone\":\(invalidPhone),\"duplicate\":\(duplicate),\"dnc\":\(doNotCall),\"rejects\":["
        for (index, reject) in rejects.enumerated() {
            if index > 0 { text += "," }
            text += "{\"row\":\(reject.row),\"reason\":\"\(reject.reason.rawValue)\",\"value\":\(Self.jsonString(reject.value))"
            if let note = reject.note { text += ",\"note\":\(Self.jsonString(note))" }
            text += "}"
        }
        text += "]"
        if rejectsNotListed > 0 { text += ",\"rejects_not_listed\":\(rejectsNotListed)" }
        if let headerRow, headerRow != 1 { text += ",\"header_row\":\(headerRow)" }
        return text + "}"
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
