/// Text and attribute values of OOXML: XML's entities (`&amp;`, `&#20013;`, `&#x4E2D;`)
/// and Office's own `_xHHHH_` escape, which Excel uses for characters XML cannot hold
/// (a carriage return is stored as `_x000D_`).
enum XMLText {
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if !bytes.contains(XMLByte.ampersand), !bytes.contains(XMLByte.underscore) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        let text = String(decoding: bytes, as: UTF8.self)
        var index = text.unicodeScalars.startIndex
        let all = text.unicodeScalars
        while index < all.endIndex {
            let scalar = all[index]
            if scalar == "&", let semicolon = all[index...].prefix(12).firstIndex(of: ";"),
               let decoded = entity(String(all[all.index(after: index)..<semicolon])) {
                scalars.append(decoded)
                index = all.index(after: semicolon)
                continue
            }
            if scalar == "_", let decoded = officeEscape(all[index...]) {
                scalars.append(decoded)
                index = all.index(index, offsetBy: 7)
                continue
            }
            scalars.append(scalar)
            index = all.index(after: index)
        }
        return String(scalars)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }

    /// `_x000D_`: exactly four hex digits between `_x` and `_`.
    private static func officeEscape(_ text: Substring.UnicodeScalarView) -> Unicode.Scalar? {
        let scalars = Array(text.prefix(7))
        guard scalars.count == 7, scalars[1] == "x", scalars[6] == "_" else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[2..<6] {
            guard let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return Unicode.Scalar(value)
    }
}
