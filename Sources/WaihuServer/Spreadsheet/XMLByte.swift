/// The bytes of XML's syntax (and its white space) that the .xlsx scanners look for
/// (`XMLPullScanner`, `WorksheetRowScanner`, `XMLText`).
enum XMLByte {
    static let lt = UInt8(ascii: "<")
    static let gt = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?")
    static let bang = UInt8(ascii: "!")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let colon = UInt8(ascii: ":")
    static let ampersand = UInt8(ascii: "&")
    /// Office's `_xHHHH_` escapes start with it.
    static let underscore = UInt8(ascii: "_")

    static let commentOpen = Array("<!--".utf8)
    static let cdataOpen = Array("<![CDATA[".utf8)
    static let instructionClose = Array("?>".utf8)
    static let commentClose = Array("-->".utf8)
    static let cdataClose = Array("]]>".utf8)

    /// XML's white space between names and attributes.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
