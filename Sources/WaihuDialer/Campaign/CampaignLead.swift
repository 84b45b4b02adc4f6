import Foundation

/// A lead as the dialer sees it: who to call and which number. Everything else about
/// the lead (name, plate, renewal date …) stays in the database until a screen pop.
public struct CampaignLead: Sendable, Hashable {
    public let id: Int64
    /// The number to dial as the trunk expects it (national form: 13800138000, 02162345678).
    public let number: String
    /// The id of the call this claim leads to, known before dialing so that a call
    /// interrupted by a crash can still be recorded under it.
    public let callID: String
    /// The phone of the one agent this customer goes to once answered: a personal callback
    /// (个人预约) is offered to the agent who set it. Nil: whoever is ready longest.
    public let reservedAgent: String?

    public init(id: Int64, number: String, callID: String = UUID().uuidString.lowercased(), reservedAgent: String? = nil) {
        self.id = id
        self.number = number
        self.callID = callID
        self.reservedAgent = reservedAgent
    }
}
