/// Why a row of a lead list was not imported. Stored and reported by raw value.
public enum ImportRejectReason: String, Codable, CaseIterable, Sendable {
    /// The phone cell is not a mobile or landline number.
    case invalidPhone = "invalid_phone"
    /// The number is on the do-not-call list (拒访名单).
    case doNotCall = "dnc"
    /// The number is already a lead, or came earlier in the same file.
    case duplicate
}
