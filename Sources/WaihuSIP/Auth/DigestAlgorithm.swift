import Crypto

/// Digest hash algorithms: MD5 (RFC 2617, what most trunks still send) and SHA-256
/// (RFC 7616, allowed in SIP by RFC 8760).
public enum DigestAlgorithm: String, Sendable, Equatable, CaseIterable {
    case md5 = "MD5"
    case sha256 = "SHA-256"

    /// Parses the `algorithm=` token; absent means MD5 (RFC 2617 §3.2.1).
    public init?(token: String?) {
        guard let token else { self = .md5; return }
        switch token.uppercased() {
        case "MD5": self = .md5
        case "SHA-256": self = .sha256
        default: return nil
        }
    }

    /// Lower-case hex of the hash of `text`'s UTF-8 bytes.
    public func hexHash(_ text: String) -> String {
        let bytes = Array(text.utf8)
        switch self {
        case .md5: return Insecure.MD5.hash(data: bytes).hexString
        case .sha256: return SHA256.hash(data: bytes).hexString
        }
    }

    /// Preference when a server offers several challenges (RFC 8760 §2.4: strongest first).
    var strength: Int { self == .sha256 ? 2 : 1 }
}

extension Sequence where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
