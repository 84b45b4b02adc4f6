/// A SIP response: status, headers and body bytes.
public struct SIPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var reasonPhrase: String
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(statusCode: Int, reasonPhrase: String? = nil, headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase ?? SIPResponse.defaultReason(for: statusCode)
        self.headers = headers
        self.body = body
    }

    /// A response to `request` as a UAS builds it (RFC 3261 §8.2.6): Via, From, To,
    /// Call-ID and CSeq copied; a To tag added when given and none is present.
    public init(replyingTo request: SIPRequest, statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil) {
        var headers = SIPHeaders()
        for via in request.headers.values("Via") { headers.add("Via", via) }
        if let from = request.headers["From"] { headers.add("From", from) }
        if var to = request.headers["To"] {
            if let toTag, var address = try? SIPAddress.parse(Substring(to)), address.tag == nil, statusCode != 100 {
                address.tag = toTag
                to = address.description
            }
            headers.add("To", to)
        }
        if let callID = request.headers["Call-ID"] { headers.add("Call-ID", callID) }
        if let cseq = request.headers["CSeq"] { headers.add("CSeq", cseq) }
        self.init(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
    }

    public var isProvisional: Bool { (100..<200).contains(statusCode) }
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
    public var isFinal: Bool { statusCode >= 200 }

    public func serialized() -> [UInt8] {
        SIPMessageSerializer.serialize(startLine: "SIP/2.0 \(statusCode) \(reasonPhrase)", headers: headers, body: body)
    }

    public static func defaultReason(for code: Int) -> String {
        switch code {
        case 100: return "Trying"
        case 180: return "Ringing"
        case 181: return "Call Is Being Forwarded"
        case 182: return "Queued"
        case 183: return "Session Progress"
        case 200: return "OK"
        case 202: return "Accepted"
        case 300: return "Multiple Choices"
        case 301: return "Moved Permanently"
        case 302: return "Moved Temporarily"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 407: return "Proxy Authentication Required"
        case 408: return "Request Timeout"
        case 415: return "Unsupported Media Type"
        case 420: return "Bad Extension"
        case 423: return "Interval Too Brief"
        case 480: return "Temporarily Unavailable"
        case 481: return "Call/Transaction Does Not Exist"
        case 482: return "Loop Detected"
        case 483: return "Too Many Hops"
        case 486: return "Busy Here"
        case 487: return "Request Terminated"
        case 488: return "Not Acceptable Here"
        case 491: return "Request Pending"
        case 500: return "Server Internal Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Server Time-out"
        case 505: return "Version Not Supported"
        case 600: return "Busy Everywhere"
        case 603: return "Decline"
        case 604: return "Does Not Exist Anywhere"
        case 606: return "Not Acceptable"
        default: return "Unknown"
        }
    }
}

extension SIPResponse: SIPMessageHeaderAccess {}
