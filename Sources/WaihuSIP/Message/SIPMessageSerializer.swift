/// Writes messages in the canonical form: CRLF line ends, one field per line, long
/// header names, and a Content-Length that always matches the body.
enum SIPMessageSerializer {
    static func serialize(startLine: String, headers: SIPHeaders, body: [UInt8]) -> [UInt8] {
        var text = startLine + "\r\n"
        for field in headers where field.name.lowercased() != "content-length" {
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "Content-Length: \(body.count)\r\n\r\n"
        var bytes = Array(text.utf8)
        bytes.append(contentsOf: body)
        return bytes
    }
}
