/// Why a lead is done in a campaign (`campaign_leads.done_reason`). Stored by raw value;
/// the three that hold a lead back share their raw values with `LeadShortage.Reason`, so the
/// wallboard counts them under the same name.
public enum CampaignLeadDoneReason: String, Codable, CaseIterable, Sendable {
    /// A call or a disposition finished it: a sale, a refusal, a broadcast heard to the end …
    case settled
    /// 禁呼: the number was on the do-not-call list at dial time.
    case doNotCall = "dnc"
    /// 空号 / 停机: never dialed again.
    case invalidNumber = "invalid_number"
    /// The plan's attempt limit was reached without a final result.
    case attemptLimitReached = "attempt_limit"

    /// The wallboard's reason for leads held back by this, if it is one.
    public var shortageReason: LeadShortage.Reason? {
        switch self {
        case .settled: return nil
        case .doNotCall: return .doNotCall
        case .invalidNumber: return .invalidNumber
        case .attemptLimitReached: return .attemptLimitReached
        }
    }

    public var chinese: String {
        switch self {
        case .settled: return "已结案"
        case .doNotCall: return LeadShortage.Reason.doNotCall.chinese
        case .invalidNumber: return LeadShortage.Reason.invalidNumber.chinese
        case .attemptLimitReached: return LeadShortage.Reason.attemptLimitReached.chinese
        }
    }
}
