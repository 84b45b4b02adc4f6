/// A vehicle registration plate (车牌号码) in canonical form: upper case, without the
/// separators people type (`沪a-12345`, `沪A·12345`, `沪 A 12345` are all `沪A12345`).
/// New-energy plates keep their 8 characters (`粤B·D12345` → `粤BD12345`).
///
/// Plates are shown to agents and searched; they are not validated, since a list may
/// say 未上牌 (not yet registered) or carry a temporary plate.
public struct LicensePlate: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Nil when nothing but blanks and separators is left.
    public init?(_ raw: String) {
        guard let value = LicensePlate.canonical(raw) else { return nil }
        self.value = value
    }

    public var description: String { value }

    public static func canonical(_ raw: String) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let folded = HalfWidth.fold(scalar)
            switch folded {
            case " ", "\t", "\u{A0}", "\u{FEFF}", "-", ".", "·", "•", "・", "‧", "･":
                continue
            case "a"..."z":
                result.append(Unicode.Scalar(folded.value - 0x20)!)
            default:
                result.append(folded)
            }
        }
        return result.isEmpty ? nil : String(result)
    }
}

extension LicensePlate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let plate = LicensePlate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty plate")
        }
        self = plate
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
