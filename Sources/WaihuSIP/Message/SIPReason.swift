/// One value of a `Reason` header (RFC 3326): `Q.850;cause=1;text="Unallocated number"`.
/// Carriers put the ISDN cause of a failed call here, which says more than the SIP status
/// (a 480 with cause 20 is a switched-off phone, with cause 18 nobody answering).
public struct SIPReason: Sendable, Equatable {
    /// `Q.850` or `SIP`, as received.
    public var protocolName: String
    public var cause: Int?
    public var text: String?

    /// Parses one value; nil when it is not `protocol;params`.
    public init?(parsing value: Substring) {
        let parts = value.split(separator: ";", maxSplits: 1)
        guard let first = parts.first else { return nil }
        let name = first.sipTrimmed
        guard !name.isEmpty, name.allSatisfy(\.isSIPTokenCharacter) else { return nil }
        protocolName = String(name)
        let parameters = parts.count > 1 ? (try? SIPParameters.parse(parts[1])) : nil
        cause = parameters?.value("cause").flatMap { Int($0) }
        text = parameters?.value("text").map { $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2 ? String($0.dropFirst().dropLast()) : $0 }
    }

    /// Every Reason value of `headers` (repeated lines and comma-separated lists alike);
    /// values that do not parse are skipped.
    public static func all(in headers: SIPHeaders) -> [SIPReason] {
        headers.values("Reason").flatMap { SIPHeaders.splitList($0) }.compactMap { SIPReason(parsing: Substring($0)) }
    }

    /// The Q.850 cause of a message, if it carries one.
    public static func q850Cause(in headers: SIPHeaders) -> Int? {
        all(in: headers).first { $0.protocolName.uppercased() == "Q.850" && $0.cause != nil }?.cause
    }
}
