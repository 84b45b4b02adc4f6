/// One Via hop: `SIP/2.0/UDP host:port;branch=z9hG4bK…;rport;received=…` (RFC 3261 §20.42,
/// rport from RFC 3581 so that replies reach phones behind NAT).
public struct Via: Sendable, Equatable, CustomStringConvertible {
    /// Branches of RFC 3261 transactions start with this magic cookie.
    public static let magicCookie = "z9hG4bK"

    public var transport: String
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters

    public init(transport: String = "UDP", host: String, port: Int? = nil, branch: String, rport: Bool = true) {
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = SIPParameters()
        parameters.set("branch", branch)
        if rport { parameters.set("rport", nil) }
    }

    public init(parsing text: String) throws {
        self = try Via.parse(Substring(text))
    }

    public var branch: String? {
        get { parameters.value("branch") }
        set { parameters.set("branch", newValue) }
    }

    public var received: String? {
        get { parameters.value("received") }
        set { parameters.set("received", newValue) }
    }

    /// `true` when the sender asked for rport (with or without a value already filled in).
    public var requestsRport: Bool { parameters.contains("rport") }

    /// The rport value a server filled in, if any.
    public var rport: Int? { parameters.value("rport").flatMap { Int($0) } }

    /// Where a response to this hop goes (RFC 3261 §18.2.2 with RFC 3581): the received
    /// address and rport when present, else the sent-by host and port.
    public var responseTarget: (host: String, port: Int) {
        (received ?? host, rport ?? port ?? 5060)
    }

    /// Records the packet's real source as a server must (RFC 3581 §4): `received` when it
    /// differs from sent-by or rport was asked, and rport's value when asked.
    public mutating func stampSource(host sourceHost: String, port sourcePort: Int) {
        if requestsRport {
            parameters.set("rport", String(sourcePort))
            parameters.set("received", sourceHost)
        } else if sourceHost != host {
            parameters.set("received", sourceHost)
        }
    }

    public var sentBy: String { port.map { "\(host):\($0)" } ?? host }

    public var description: String {
        "SIP/2.0/\(transport) \(sentBy)\(parameters.serialized)"
    }

    static func parse(_ raw: Substring) throws -> Via {
        let text = raw.sipTrimmed
        let invalid = SIPParseError.invalidVia(text)
        // "SIP / 2.0 / UDP" may have whitespace around the slashes (RFC 4475 §3.1.1.1).
        let slashParts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard slashParts.count == 3,
              slashParts[0].sipTrimmed.uppercased() == "SIP",
              slashParts[1].sipTrimmed == "2.0" else { throw invalid }
        let rest = slashParts[2].drop { $0 == " " || $0 == "\t" }
        guard let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) else { throw invalid }
        let transport = rest[..<space].uppercased()
        guard !transport.isEmpty, transport.allSatisfy(\.isSIPTokenCharacter) else { throw invalid }
        let afterTransport = rest[space...].drop { $0 == " " || $0 == "\t" }
        var hostPart = afterTransport
        var paramText: Substring = ""
        if let semi = afterTransport.firstIndex(of: ";") {
            hostPart = afterTransport[..<semi]
            paramText = afterTransport[afterTransport.index(after: semi)...]
        }
        let hostPort: (String, Int?)
        do { hostPort = try SIPURI.parseHostPort(hostPart, original: text) } catch { throw invalid }
        let (host, port) = hostPort
        var via = Via(transport: transport, host: host, port: port, branch: "", rport: false)
        via.parameters = try SIPParameters.parse(paramText)
        return via
    }
}
