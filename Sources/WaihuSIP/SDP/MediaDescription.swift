/// One `m=` section of a session description.
public struct MediaDescription: Sendable, Equatable {
    public var media: String
    public var port: Int
    public var proto: String
    /// Payload types (or other format tokens) in the sender's preference order.
    public var formats: [String]
    public var connectionAddress: String?
    public var attributes: [SDPAttribute]
    /// Lines this module does not interpret (b=, i=, k=…), kept for round trips.
    public var otherLines: [String]

    public init(media: String = "audio", port: Int, proto: String = "RTP/AVP", formats: [String],
                connectionAddress: String? = nil, attributes: [SDPAttribute] = []) {
        self.media = media
        self.port = port
        self.proto = proto
        self.formats = formats
        self.connectionAddress = connectionAddress
        self.attributes = attributes
        self.otherLines = []
    }

    public func attributeValues(_ name: String) -> [String] {
        attributes.filter { $0.name.lowercased() == name.lowercased() }.compactMap(\.value)
    }

    /// `a=rtpmap:<pt> <encoding>/<rate>` entries by payload type.
    public var rtpmaps: [Int: (encoding: String, clockRate: Int)] {
        var result: [Int: (encoding: String, clockRate: Int)] = [:]
        for value in attributeValues("rtpmap") {
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let pt = Int(parts[0]) else { continue }
            let codec = parts[1].split(separator: "/")
            guard let name = codec.first else { continue }
            result[pt] = (String(name), codec.count > 1 ? Int(codec[1]) ?? 8000 : 8000)
        }
        return result
    }

    /// sendrecv unless one of the direction attributes says otherwise (RFC 3264 §5.1).
    public var direction: SDPDirection {
        for attribute in attributes {
            if let direction = SDPDirection(rawValue: attribute.name.lowercased()) { return direction }
        }
        return .sendrecv
    }

    public var ptime: Int? { attributeValues("ptime").first.flatMap { Int($0) } }
}

/// Media direction attributes.
public enum SDPDirection: String, Sendable, Equatable {
    case sendrecv, sendonly, recvonly, inactive

    /// The answerer's direction for an offered one (RFC 3264 §6.1).
    public var answer: SDPDirection {
        switch self {
        case .sendonly: return .recvonly
        case .recvonly: return .sendonly
        case .inactive: return .inactive
        case .sendrecv: return .sendrecv
        }
    }
}
