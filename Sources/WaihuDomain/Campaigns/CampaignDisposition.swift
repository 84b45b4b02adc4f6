/// A disposition (小结) a campaign offers its agents after a call: its own code and label,
/// mapped to the category the KPIs read.
public struct CampaignDisposition: Codable, Sendable, Equatable {
    /// Short stable code, stored with the disposition event ("renewed", "too_expensive").
    public var code: String
    /// What the agent sees (已续保, 嫌贵).
    public var label: String
    public var category: DispositionCategory

    public init(code: String, label: String, category: DispositionCategory) {
        self.code = code
        self.label = label
        self.category = category
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case code, label, category }

    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        category = try c.decode(DispositionCategory.self, forKey: .category)
    }

    /// What a lead becomes after this disposition.
    public var leadStatus: LeadStatus {
        switch category {
        case .success: return .success
        case .refusal, .doNotCall: return .refused
        case .invalidNumber, .wrongParty: return .invalid
        case .alreadyCovered: return .closed
        case .callback, .undecided, .other: return .contacted
        }
    }

    /// Whether the lead is finished with in this campaign (no more dials). A callback or an
    /// undecided customer stays open; a callback is dialed at its time, an undecided one
    /// after the no-answer retry delay.
    public var closesLead: Bool {
        switch category {
        case .callback, .undecided, .other: return false
        default: return true
        }
    }

    /// The set a new campaign starts with: the outcomes of a car-insurance renewal call.
    public static let renewalDefaults: [CampaignDisposition] = [
        CampaignDisposition(code: "success", label: "成功续保", category: .success),
        CampaignDisposition(code: "callback", label: "预约回拨", category: .callback),
        CampaignDisposition(code: "undecided", label: "犹豫考虑", category: .undecided),
        CampaignDisposition(code: "too_expensive", label: "嫌贵拒绝", category: .refusal),
        CampaignDisposition(code: "renewed_elsewhere", label: "已在他司续保", category: .alreadyCovered),
        CampaignDisposition(code: "wrong_party", label: "非本人", category: .wrongParty),
        CampaignDisposition(code: "invalid_number", label: "号码错误", category: .invalidNumber),
        CampaignDisposition(code: "do_not_call", label: "要求勿扰", category: .doNotCall),
    ]
}
