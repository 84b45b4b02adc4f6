/// Why a call attempt ended as it did, in the detail a list manager acts on (呼叫原因):
/// finer than the network outcome (`CallOutcome`), which every cause belongs to. Stored by
/// raw value on call attempts and campaign leads; the labels a learned carrier announcement
/// may carry are causes too (`isAnnouncementLabel`).
///
/// Decided by `CallProgressRule` from SIP signalling (the final response and its Q.850
/// cause) and from what the call's audio held (tones, learned announcements, a live voice).
public enum CallCause: String, StoredEnum {
    /// 接通(真人): answered by a person.
    case human
    /// 用户忙
    case busy
    /// 无人接听: rang out, or the network said nobody answered.
    case noAnswer = "no_answer"
    /// 振铃: the number alerted (180 or ringback tone), so it exists; a cleansing call ends here.
    case alerting
    /// 拒接: the callee refused the call.
    case rejected
    /// 空号: the number is not allocated.
    case vacant
    /// 停机: the subscription is suspended.
    case suspended
    /// 改号: the number was changed.
    case numberChanged = "number_changed"
    /// 关机
    case poweredOff = "powered_off"
    /// 无法接通 / 不在服务区: out of coverage or out of order.
    case unreachable
    /// 呼入限制: the callee bars incoming calls (from this caller ID).
    case barred
    /// 网络忙: congestion in the network, says nothing about the number.
    case congestion
    /// 秘书台 / 语音信箱: a secretary or voicemail service answered instead of the customer.
    case secretary
    /// 未识别的提示音: a recorded announcement that nobody has taught waihu yet.
    case announcementUnknown = "announcement_unknown"
    /// 呼叫失败: our side or the trunk failed (no response, bad media, credentials).
    case failed

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The network outcome of a call that ended for this cause. `announcement_unknown` has
    /// none of its own: the signalling that came with the announcement decides it, so it
    /// answers nil here.
    public var outcome: CallOutcome? {
        switch self {
        case .human: return .answered
        case .busy: return .busy
        case .noAnswer, .alerting, .poweredOff, .unreachable: return .noAnswer
        case .rejected, .barred: return .rejected
        case .vacant, .suspended, .numberChanged: return .invalid
        case .congestion, .failed: return .failed
        case .secretary: return .machine
        case .announcementUnknown: return nil
        }
    }

    /// Whether a list manager may teach a carrier announcement with this label: the causes
    /// a carrier or a mailbox announces. `human`, `alerting`, `failed` and
    /// `announcement_unknown` are what waihu concludes, never what a recording says.
    public var isAnnouncementLabel: Bool {
        switch self {
        case .busy, .noAnswer, .rejected, .vacant, .suspended, .numberChanged, .poweredOff, .unreachable,
             .barred, .congestion, .secretary:
            return true
        case .human, .alerting, .announcementUnknown, .failed:
            return false
        }
    }

    public static var announcementLabels: [CallCause] { allCases.filter(\.isAnnouncementLabel) }

    public var chineseName: String {
        switch self {
        case .human: return "真人接听"
        case .busy: return "用户忙"
        case .noAnswer: return "无人接听"
        case .alerting: return "振铃(号码有效)"
        case .rejected: return "拒接"
        case .vacant: return "空号"
        case .suspended: return "停机"
        case .numberChanged: return "改号"
        case .poweredOff: return "关机"
        case .unreachable: return "无法接通"
        case .barred: return "呼入限制"
        case .congestion: return "网络忙"
        case .secretary: return "秘书台/语音信箱"
        case .announcementUnknown: return "未识别提示音"
        case .failed: return "呼叫失败"
        }
    }

    public var englishName: String {
        switch self {
        case .human: return "Human"
        case .busy: return "Busy"
        case .noAnswer: return "No answer"
        case .alerting: return "Alerting (number live)"
        case .rejected: return "Rejected"
        case .vacant: return "Vacant number"
        case .suspended: return "Suspended"
        case .numberChanged: return "Number changed"
        case .poweredOff: return "Powered off"
        case .unreachable: return "Unreachable"
        case .barred: return "Incoming calls barred"
        case .congestion: return "Network congestion"
        case .secretary: return "Secretary / voicemail"
        case .announcementUnknown: return "Unknown announcement"
        case .failed: return "Call failed"
        }
    }
}
