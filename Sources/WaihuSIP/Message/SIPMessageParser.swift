/// Reads one SIP message from a UDP datagram (RFC 3261 §7, §18.3).
///
/// Lenient where real peers differ (compact and folded headers, LF-only line ends,
/// whitespace around header colons, leading CRLF keep-alives) and strict where a
/// mistake would corrupt a call (Content-Length beyond the datagram, CSeq method not
/// matching the request, missing mandatory headers).
public enum SIPMessageParser {
    /// Larger datagrams are refused without looking at them.
    public static let maximumSize = 65_535

    public static func parse(_ bytes: [UInt8]) throws -> SIPMessage {
        guard bytes.count <= maximumSize else { throw SIPParseError.tooLarge(bytes.count) }
        let head = try splitHead(bytes)
        let lines = try unfoldedLines(head.header)
        guard let startLine = lines.first else { throw SIPParseError.empty }

        var headers = SIPHeaders()
        for line in lines.dropFirst() {
            let (name, value) = try headerField(line)
            headers.add(name, value)
        }
        let body = try extractBody(headers: headers, available: head.rest)
        try requireMandatoryHeaders(headers)

        if startLine.hasPrefix("SIP/") || startLine.lowercased().hasPrefix("sip/") {
            return .response(try response(startLine: startLine, headers: headers, body: body))
        }
        return .request(try request(startLine: startLine, headers: headers, body: body))
    }

    /// A 400 to send back for bytes that failed to parse, when enough of the request can
    /// be read to address a response (RFC 3261 §8.2.6 needs Via, From, To, Call-ID, CSeq).
    /// `nil` for responses, ACKs and messages too broken to answer: those are dropped.
    public static func badRequestResponse(to bytes: [UInt8], error: SIPParseError) -> SIPResponse? {
        guard bytes.count <= maximumSize, let head = try? splitHead(bytes),
              let lines = try? unfoldedLines(head.header), let startLine = lines.first else { return nil }
        let parts = startLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 3, !startLine.uppercased().hasPrefix("SIP/"),
              parts[0].uppercased() != "ACK" else { return nil }
        var headers = SIPHeaders()
        for line in lines.dropFirst() {
            if let (name, value) = try? headerField(line) { headers.add(name, value) }
        }
        var response = SIPResponse(statusCode: 400)
        for name in ["Via", "From", "To", "Call-ID", "CSeq"] {
            let values = headers.values(name)
            guard !values.isEmpty else { return nil }
            for value in values { response.headers.add(name, value) }
        }
        // The reason phrase must be one line of printable text.
        response.reasonPhrase = "Bad Request - " + String(error.description.filter { $0 != "\r" && $0 != "\n" })
        if case .unsupportedVersion = error {
            response.statusCode = 505
            response.reasonPhrase = SIPResponse.defaultReason(for: 505)
        }
        return response
    }

    // MARK: - Steps

    private static func splitHead(_ bytes: [UInt8]) throws -> (header: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) {
        var start = 0
        // Leading CRLFs are keep-alives or padding (RFC 3261 §7.5).
        while start < bytes.count, bytes[start] == 0x0D || bytes[start] == 0x0A { start += 1 }
        guard start < bytes.count else { throw SIPParseError.empty }
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                // "\n\n" or "\n\r\n" ends the header section.
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    return (bytes[start..<index], bytes[(index + 2)...])
                }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    return (bytes[start..<index], bytes[(index + 3)...])
                }
            }
            index += 1
        }
        throw SIPParseError.missingHeaderTerminator
    }

    private static func unfoldedLines(_ header: ArraySlice<UInt8>) throws -> [String] {
        let text = String(decoding: header, as: UTF8.self)
        guard text.utf8.elementsEqual(header) else { throw SIPParseError.notUTF8 }
        var lines: [String] = []
        // "\r\n" is one Character in Swift, so both line ends are separators.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if let first = line.first, first == " " || first == "\t" {
                // Folded continuation: joins the previous line with one space (§7.3.1).
                guard lines.count > 1 else {
                    throw SIPParseError.invalidHeaderLine(String(line))
                }
                let continuation = line.sipTrimmed
                if !continuation.isEmpty { lines[lines.count - 1] += " " + continuation }
                continue
            }
            if line.isEmpty { continue }
            lines.append(String(line))
        }
        return lines
    }

    private static func headerField(_ line: String) throws -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { throw SIPParseError.invalidHeaderLine(line) }
        let name = line[..<colon].sipTrimmed
        guard !name.isEmpty, name.allSatisfy(\.isSIPTokenCharacter), !name.contains(":") else {
            throw SIPParseError.invalidHeaderLine(line)
        }
        return (name, line[line.index(after: colon)...].sipTrimmed)
    }

    private static func extractBody(headers: SIPHeaders, available: ArraySlice<UInt8>) throws -> [UInt8] {
        let lengths = headers.values("Content-Length")
        guard let first = lengths.first else {
            // Without Content-Length on UDP the body is the rest of the datagram (§18.3).
            return Array(available)
        }
        guard lengths.allSatisfy({ $0 == first }), let length = Int(first), length >= 0 else {
            throw SIPParseError.invalidContentLength(first)
        }
        guard length <= available.count else {
            throw SIPParseError.bodyTruncated(expected: length, available: available.count)
        }
        return Array(available.prefix(length))
    }

    private static func requireMandatoryHeaders(_ headers: SIPHeaders) throws {
        for name in ["Via", "From", "To", "Call-ID", "CSeq"] where headers[name] == nil {
            throw SIPParseError.missingHeader(name)
        }
        guard let callID = headers["Call-ID"], !callID.isEmpty, !callID.contains(" ") else {
            throw SIPParseError.missingHeader("Call-ID")
        }
        _ = try SIPAddress.parse(Substring(headers["From"]!))
        _ = try SIPAddress.parse(Substring(headers["To"]!))
        _ = try Via.parse(Substring(headers.values("Via").first ?? ""))
        _ = try CSeq(parsing: headers["CSeq"]!)
    }

    private static func request(startLine: String, headers: SIPHeaders, body: [UInt8]) throws -> SIPRequest {
        let parts = startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(\.isSIPTokenCharacter) else {
            throw SIPParseError.invalidStartLine(startLine)
        }
        guard parts[2].uppercased() == "SIP/2.0" else {
            if parts[2].uppercased().hasPrefix("SIP/") { throw SIPParseError.unsupportedVersion(String(parts[2])) }
            throw SIPParseError.invalidStartLine(startLine)
        }
        let method = SIPMethod(String(parts[0]))
        let uri = try SIPURI.parse(parts[1])
        let cseq = try CSeq(parsing: headers["CSeq"]!)
        guard cseq.method == method else {
            throw SIPParseError.cseqMethodMismatch(requestMethod: method.description, cseqMethod: cseq.method.description)
        }
        return SIPRequest(method: method, uri: uri, headers: headers, body: body)
    }

    private static func response(startLine: String, headers: SIPHeaders, body: [UInt8]) throws -> SIPResponse {
        let parts = startLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw SIPParseError.invalidStartLine(startLine) }
        guard parts[0].uppercased() == "SIP/2.0" else { throw SIPParseError.unsupportedVersion(String(parts[0])) }
        guard parts[1].count == 3, let code = Int(parts[1]), (100...699).contains(code) else {
            throw SIPParseError.invalidStatusCode(String(parts[1]))
        }
        let reason = parts.count == 3 ? String(parts[2]) : ""
        return SIPResponse(statusCode: code, reasonPhrase: reason, headers: headers, body: body)
    }
}
