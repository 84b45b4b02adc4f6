/// An enum whose raw value is what waihu stores (database column, JSON Lines field).
///
/// Decoding goes through `decodeStored(from:)` so that an unknown value in an imported file
/// is reported with the values that would have been accepted, not Foundation's generic text.
public protocol StoredEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension StoredEnum {
    /// The accepted raw values, comma separated, for error messages and docs.
    public static var acceptedValues: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }

    static func decodeStored(from decoder: Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown value \"\(raw)\"; expected one of: \(acceptedValues)"
            )
        }
        return value
    }
}
