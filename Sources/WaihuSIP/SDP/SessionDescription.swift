/// A session description (RFC 4566) as used for SIP offer/answer: origin, session-level
/// connection and attributes, and the media sections.
public struct SessionDescription: Sendable, Equatable {
    public var originUsername: String
    public var sessionID: UInt64
    public var sessionVersion: UInt64
    public var originAddress: String
    public var sessionName: String
    public var connectionAddress: String?
    public var timing: String
    public var attributes: [SDPAttribute]
    public var media: [MediaDescription]
    public var otherLines: [String]

    public init(originUsername: String = "waihu", sessionID: UInt64, sessionVersion: UInt64 = 1,
                originAddress: String, sessionName: String = "waihu", connectionAddress: String?,
                media: [MediaDescription]) {
        self.originUsername = originUsername
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.originAddress = originAddress
        self.sessionName = sessionName
        self.connectionAddress = connectionAddress
        self.timing = "0 0"
        self.attributes = []
        self.media = media
        self.otherLines = []
    }

    public init(parsing bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { throw SDPParseError.notUTF8 }
        var version: String?
        var origin: [Substring]?
        var name = "-"
        var sessionConnection: String?
        var timing = "0 0"
        var sessionAttributes: [SDPAttribute] = []
        var sessionOther: [String] = []
        var media: [MediaDescription] = []

        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty { continue }
            guard line.count >= 2, line[line.index(after: line.startIndex)] == "=" else {
                throw SDPParseError.invalidLine(String(line))
            }
            let type = line.first!
            let value = line.dropFirst(2)
            if type == "m" {
                media.append(try Self.mediaLine(value))
                continue
            }
            if !media.isEmpty {
                switch type {
                case "c": media[media.count - 1].connectionAddress = try Self.connection(value)
                case "a": media[media.count - 1].attributes.append(SDPAttribute(line: value))
                default: media[media.count - 1].otherLines.append(String(line))
                }
                continue
            }
            switch type {
            case "v": version = String(value)
            case "o":
                let parts = value.split(separator: " ")
                guard parts.count == 6 else { throw SDPParseError.invalidLine(String(line)) }
                origin = parts
            case "s": name = String(value)
            case "c": sessionConnection = try Self.connection(value)
            case "t": timing = String(value)
            case "a": sessionAttributes.append(SDPAttribute(line: value))
            default: sessionOther.append(String(line))
            }
        }
        guard version == "0" else { throw SDPParseError.missingField("v=0") }
        guard let origin else { throw SDPParseError.missingField("o=") }
        self.init(originUsername: String(origin[0]), sessionID: UInt64(origin[1]) ?? 0,
                  sessionVersion: UInt64(origin[2]) ?? 0, originAddress: String(origin[5]), sessionName: name,
                  connectionAddress: sessionConnection, media: media)
        self.timing = timing
        self.attributes = sessionAttributes
        self.otherLines = sessionOther
    }

    private static func connection(_ value: Substring) throws -> String {
        let parts = value.split(separator: " ")
        guard parts.count == 3, parts[0] == "IN" else { throw SDPParseError.invalidLine("c=" + value) }
        // Drop a multicast TTL suffix; waihu only does unicast.
        return String(parts[2].split(separator: "/").first ?? parts[2])
    }

    private static func mediaLine(_ value: Substring) throws -> MediaDescription {
        let parts = value.split(separator: " ")
        guard parts.count >= 3, let port = Int(parts[1].split(separator: "/")[0]), (0...65535).contains(port) else {
            throw SDPParseError.invalidMediaLine("m=" + value)
        }
        return MediaDescription(media: String(parts[0]), port: port, proto: String(parts[2]),
                                formats: parts.dropFirst(3).map(String.init))
    }

    /// The address media for section `index` goes to: its own c= or the session's.
    public func connectionAddress(forMedia index: Int) -> String? {
        media[index].connectionAddress ?? connectionAddress
    }

    public func serialized() -> [UInt8] {
        func addressType(_ address: String) -> String { address.contains(":") ? "IP6" : "IP4" }
        var lines = ["v=0",
                     "o=\(originUsername) \(sessionID) \(sessionVersion) IN \(addressType(originAddress)) \(originAddress)",
                     "s=\(sessionName)"]
        if let connectionAddress { lines.append("c=IN \(addressType(connectionAddress)) \(connectionAddress)") }
        lines += otherLines.filter { !$0.hasPrefix("t=") }
        lines.append("t=\(timing)")
        lines += attributes.map { "a=\($0)" }
        for section in media {
            lines.append("m=\(section.media) \(section.port) \(section.proto) \(section.formats.joined(separator: " "))")
            if let address = section.connectionAddress { lines.append("c=IN \(addressType(address)) \(address)") }
            lines += section.otherLines
            lines += section.attributes.map { "a=\($0)" }
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
