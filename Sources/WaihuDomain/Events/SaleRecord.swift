import Foundation

/// A policy sold on a call (成交保单). JSON Lines type `sale`.
public struct SaleRecord: Codable, Equatable, Sendable {
    public var saleID: String
    public var leadID: String
    public var campaignID: String
    public var agentID: String
    public var callID: String?
    /// Product name or code, e.g. "车险续保-商业险".
    public var product: String
    /// 保费, in yuan. Decimal so that sums of premiums do not drift by fen.
    public var premium: Decimal
    public var soldAt: Date
    /// Entry errors QA found in the policy data (承保信息登录错误); 0 when absent.
    public var entryErrors: Int
    /// When the policy was cancelled (注销), if it was.
    public var cancelledAt: Date?

    public init(saleID: String, leadID: String, campaignID: String, agentID: String, callID: String? = nil,
                product: String, premium: Decimal, soldAt: Date, entryErrors: Int = 0, cancelledAt: Date? = nil) {
        self.saleID = saleID
        self.leadID = leadID
        self.campaignID = campaignID
        self.agentID = agentID
        self.callID = callID
        self.product = product
        self.premium = premium
        self.soldAt = soldAt
        self.entryErrors = entryErrors
        self.cancelledAt = cancelledAt
    }

    public var isCancelled: Bool { cancelledAt != nil }

    enum CodingKeys: String, CodingKey {
        case saleID = "sale_id"
        case leadID = "lead_id"
        case campaignID = "campaign_id"
        case agentID = "agent_id"
        case callID = "call_id"
        case product
        case premium
        case soldAt = "sold_at"
        case entryErrors = "entry_errors"
        case cancelledAt = "cancelled_at"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        saleID = try c.decode(String.self, forKey: .saleID)
        leadID = try c.decode(String.self, forKey: .leadID)
        campaignID = try c.decode(String.self, forKey: .campaignID)
        agentID = try c.decode(String.self, forKey: .agentID)
        callID = try c.decodeIfPresent(String.self, forKey: .callID)
        product = try c.decode(String.self, forKey: .product)
        premium = try c.decode(Decimal.self, forKey: .premium)
        soldAt = try c.decode(Date.self, forKey: .soldAt)
        entryErrors = try c.decodeIfPresent(Int.self, forKey: .entryErrors) ?? 0
        cancelledAt = try c.decodeIfPresent(Date.self, forKey: .cancelledAt)
        guard premium >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .premium, in: c, debugDescription: "is negative")
        }
        guard entryErrors >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .entryErrors, in: c, debugDescription: "is negative")
        }
        if let cancelledAt, cancelledAt < soldAt {
            throw DecodingError.dataCorruptedError(forKey: .cancelledAt, in: c, debugDescription: "is before sold_at")
        }
    }
}
