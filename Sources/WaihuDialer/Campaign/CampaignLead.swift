/// A lead as the dialer sees it: who to call and which number. Everything else about
/// the lead (name, plate, renewal date …) stays in the database until a screen pop.
public struct CampaignLead: Sendable, Hashable {
    public let id: Int64
    /// The number to dial as the trunk expects it (national form: 13800138000, 02162345678).
    public let number: String

    public init(id: Int64, number: String) {
        self.id = id
        self.number = number
    }
}
