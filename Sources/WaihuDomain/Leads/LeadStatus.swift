/// Where a lead stands. Stored by raw value.
public enum LeadStatus: String, Codable, CaseIterable, Sendable {
    /// Imported, never called.
    case new
    /// Called at least once; to be called again.
    case contacted
    /// Sold (成交).
    case success
    /// The customer refused (拒绝); usually also put on the do-not-call list.
    case refused
    /// Wrong number, no such customer, or otherwise not worth calling.
    case invalid
    /// Done with for another reason.
    case closed

    /// A lead in these may join a campaign and be called; the others (sold, refused,
    /// invalid, closed) are settled for good, whatever campaign settled them.
    public static let stillDialable: [LeadStatus] = [.new, .contacted]
}
