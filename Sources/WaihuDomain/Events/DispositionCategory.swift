/// The category every campaign-defined disposition (小结) maps to. Stored by raw value.
///
/// Campaigns name their own disposition codes ("已在他司续保", "嫌贵"); KPIs only read the
/// category, so that success and failure mean the same in every campaign.
public enum DispositionCategory: String, StoredEnum {
    /// 成功: sale made or questionnaire completed (外呼在线成功).
    case success
    /// 拒绝
    case refusal
    /// 预约回拨
    case callback
    /// 无效号码 (wrong or dead number found on the call)
    case invalidNumber = "invalid_number"
    /// 非本人 (reached someone other than the customer)
    case wrongParty = "wrong_party"
    /// 犹豫 / 待定
    case undecided
    /// 已在他处投保 (already renewed or insured elsewhere)
    case alreadyCovered = "already_covered"
    /// 要求不再来电 (goes to the do-not-call list)
    case doNotCall = "do_not_call"
    /// 其他
    case other

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name shown in reports.
    public var chineseName: String {
        switch self {
        case .success: return "成功"
        case .refusal: return "拒绝"
        case .callback: return "预约回拨"
        case .invalidNumber: return "无效号码"
        case .wrongParty: return "非本人"
        case .undecided: return "犹豫"
        case .alreadyCovered: return "已在他处投保"
        case .doNotCall: return "要求勿扰"
        case .other: return "其他"
        }
    }

    /// The English name for the pages (the language switch).
    public var englishName: String {
        switch self {
        case .success: return "Success"
        case .refusal: return "Refusal"
        case .callback: return "Callback"
        case .invalidNumber: return "Invalid number"
        case .wrongParty: return "Wrong party"
        case .undecided: return "Undecided"
        case .alreadyCovered: return "Already covered"
        case .doNotCall: return "Do not call"
        case .other: return "Other"
        }
    }
}
