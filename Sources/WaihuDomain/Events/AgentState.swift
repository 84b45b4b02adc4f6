/// The state an agent is in while logged in (座席状态). Stored by raw value.
///
/// While logged in an agent is always in exactly one of these, so the state intervals of a
/// session add up to its logged-in time (签入系统时长).
public enum AgentState: String, StoredEnum {
    /// 就绪 / 空闲: ready for a call, no call and no action.
    case ready
    /// 示忙: paused, with a `NotReadyReason`.
    case notReady = "not_ready"
    /// 通话: on a call with a customer.
    case onCall = "on_call"
    /// 后处理: after-call work (话后处理) until ready again.
    case wrapUp = "wrap_up"
    /// 内部呼叫: a call to a colleague or supervisor.
    case internalCall = "internal_call"
    /// 内部求助: waiting for or getting help from a supervisor.
    case helpRequest = "help_request"

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name used in the seed documents and the UI.
    public var chineseName: String {
        switch self {
        case .ready: return "空闲"
        case .notReady: return "示忙"
        case .onCall: return "通话"
        case .wrapUp: return "后处理"
        case .internalCall: return "内部呼叫"
        case .helpRequest: return "内部求助"
        }
    }
}
