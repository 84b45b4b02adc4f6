/// A SIP request: start line, headers and body bytes.
public struct SIPRequest: Sendable, Equatable {
    public var method: SIPMethod
    public var uri: SIPURI
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(method: SIPMethod, uri: SIPURI, headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// Wire form; Content-Length is always written from the real body size.
    public func serialized() -> [UInt8] {
        SIPMessageSerializer.serialize(startLine: "\(method) \(uri) SIP/2.0", headers: headers, body: body)
    }
}

extension SIPRequest: SIPMessageHeaderAccess {}
