/// A SIP or SIPS URI, `sip:user:password@host:port;params?headers` (RFC 3261 §19.1).
/// `tel:` URIs are kept with the number as `user` and an empty host.
public struct SIPURI: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var user: String?
    public var password: String?
    /// Host name or IP address; IPv6 addresses are stored with their brackets.
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters
    public var headers: String?

    public init(scheme: String = "sip", user: String? = nil, host: String, port: Int? = nil,
                parameters: SIPParameters = SIPParameters()) {
        self.scheme = scheme
        self.user = user
        self.password = nil
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = nil
    }

    public init(parsing text: String) throws {
        self = try SIPURI.parse(Substring(text))
    }

    /// The port to send to when none is written (5060, or 5061 for sips).
    public var effectivePort: Int { port ?? (scheme == "sips" ? 5061 : 5060) }

    /// The transport named by `;transport=`, upper-cased; UDP when absent.
    public var transport: String { (parameters.value("transport") ?? "UDP").uppercased() }

    public var description: String {
        var text = scheme + ":"
        if let user {
            text += user
            if let password { text += ":" + password }
            if scheme != "tel" { text += "@" }
        }
        text += host
        if let port { text += ":\(port)" }
        text += parameters.serialized
        if let headers { text += "?" + headers }
        return text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scheme.lowercased())
        hasher.combine(user)
        hasher.combine(host.lowercased())
        hasher.combine(port)
    }

    static func parse(_ raw: Substring) throws -> SIPURI {
        let text = raw.sipTrimmed
        guard let colon = text.firstIndex(of: ":") else { throw SIPParseError.invalidURI(text) }
        let scheme = text[..<colon].lowercased()
        var rest = text[text.index(after: colon)...]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            throw SIPParseError.invalidURI(text)
        }
        if scheme == "tel" {
            let parts = SIPParameters.splitOutsideQuotes(rest, separator: ";")
            guard let number = parts.first, !number.isEmpty else { throw SIPParseError.invalidURI(text) }
            var uri = SIPURI(scheme: "tel", user: String(number), host: "")
            if parts.count > 1 {
                let paramText = rest[rest.index(number.endIndex, offsetBy: 1)...]
                uri.parameters = try SIPParameters.parse(paramText)
            }
            return uri
        }
        guard scheme == "sip" || scheme == "sips" else { throw SIPParseError.invalidURI(text) }

        var headers: String?
        if let question = rest.firstIndex(of: "?") {
            headers = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        var user: String?
        var password: String?
        // The user part may itself contain ';' (telephone-subscriber), so the '@' is found first.
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let pwColon = userinfo.firstIndex(of: ":") {
                user = String(userinfo[..<pwColon])
                password = String(userinfo[userinfo.index(after: pwColon)...])
            } else {
                user = String(userinfo)
            }
            guard let name = user, !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) else {
                throw SIPParseError.invalidURI(text)
            }
        }
        var hostport = rest
        var paramText: Substring = ""
        if let semi = rest.firstIndex(of: ";") {
            hostport = rest[..<semi]
            paramText = rest[rest.index(after: semi)...]
        }
        let (host, port) = try parseHostPort(hostport, original: text)
        var uri = SIPURI(scheme: scheme, user: user, host: host, port: port)
        uri.password = password
        uri.headers = headers
        uri.parameters = try SIPParameters.parse(paramText)
        return uri
    }

    /// Splits `host[:port]`, with IPv6 references in brackets. Shared with Via's sent-by.
    static func parseHostPort(_ text: Substring, original: String) throws -> (String, Int?) {
        let trimmed = text.sipTrimmed
        var host: String
        var portText: Substring?
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { throw SIPParseError.invalidURI(original) }
            host = String(trimmed[...close])
            let after = trimmed[trimmed.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw SIPParseError.invalidURI(original)
            }
        } else if let colon = trimmed.firstIndex(of: ":") {
            host = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
        } else {
            host = trimmed
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.[]:_".contains($0)) }) else {
            throw SIPParseError.invalidURI(original)
        }
        var port: Int?
        if let portText {
            guard let value = Int(portText.sipTrimmed), (1...65535).contains(value) else {
                throw SIPParseError.invalidURI(original)
            }
            port = value
        }
        host = host.lowercased()
        return (host, port)
    }
}
