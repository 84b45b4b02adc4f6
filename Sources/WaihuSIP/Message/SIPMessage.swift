/// Either kind of SIP message, as the parser returns it.
public enum SIPMessage: Sendable, Equatable {
    case request(SIPRequest)
    case response(SIPResponse)

    public var headers: SIPHeaders {
        switch self {
        case .request(let request): return request.headers
        case .response(let response): return response.headers
        }
    }

    public func serialized() -> [UInt8] {
        switch self {
        case .request(let request): return request.serialized()
        case .response(let response): return response.serialized()
        }
    }
}

/// Typed views of the headers every message carries. They return `nil` (not throw)
/// when a header is absent or malformed, because the parser has already checked the
/// mandatory ones and callers only need a value.
public protocol SIPMessageHeaderAccess {
    var headers: SIPHeaders { get }
}

extension SIPMessageHeaderAccess {
    public var callID: String? { headers["Call-ID"] }
    public var cseq: CSeq? { headers["CSeq"].flatMap { try? CSeq(parsing: $0) } }
    public var from: SIPAddress? { headers["From"].flatMap { try? SIPAddress.parse(Substring($0)) } }
    public var to: SIPAddress? { headers["To"].flatMap { try? SIPAddress.parse(Substring($0)) } }
    public var vias: [Via] { headers.values("Via").compactMap { try? Via.parse(Substring($0)) } }
    public var topVia: Via? { headers.values("Via").first.flatMap { try? Via.parse(Substring($0)) } }
    public var contacts: [SIPAddress] {
        headers.values("Contact").compactMap { try? SIPAddress.parse(Substring($0)) }
    }
    public var recordRoutes: [SIPAddress] {
        headers.values("Record-Route").compactMap { try? SIPAddress.parse(Substring($0)) }
    }
    public var routes: [SIPAddress] {
        headers.values("Route").compactMap { try? SIPAddress.parse(Substring($0)) }
    }
    public var expires: Int? { headers["Expires"].flatMap { Int($0.sipTrimmed) } }
    public var contentType: String? { headers["Content-Type"]?.sipTrimmed.lowercased() }
}
