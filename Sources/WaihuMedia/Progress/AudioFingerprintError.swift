/// Why stored fingerprint bytes cannot be read back; the announcement must be taught again.
public enum AudioFingerprintError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAFingerprint
    case unsupportedVersion(UInt8)
    case truncated

    public var description: String {
        switch self {
        case .notAFingerprint: return "The stored bytes are not an audio fingerprint"
        case .unsupportedVersion(let version):
            return "The audio fingerprint was made by another version of waihu (format \(version)); teach the announcement again"
        case .truncated: return "The stored audio fingerprint is cut short"
        }
    }
}
