/// The state an agent is in (座席状态): the one agent-state type of waihu. The desk, the
/// campaign runners, pacing, the wallboard and the KPI events all use it; the moves between
/// states are decided only by `AgentStateMachine`.
///
/// Closed intervals are stored by raw value (event tables, JSON Lines). Only the states that
/// `recorded` names are ever stored, so the stored vocabulary stays the six values it has
/// always been, and the intervals of a session add up to its logged-in time (签入系统时长).
///
/// A new state (being monitored, on an inbound call, …) is added here and in
/// `AgentStateMachine`, nowhere else: the compiler then points at every `switch` that must
/// decide what the new state means (pacing, calling time, the KPI breakdown).
public enum AgentState: String, StoredEnum {
    /// 未签入: not at a desk. Never recorded as an interval (it is no logged-in time).
    case loggedOut = "logged_out"
    /// 就绪 / 空闲: ready for a call, no call and no action.
    case ready
    /// 已预占: taken for one call (a previewed lead being dialed, or an answered customer
    /// about to be put through); no other customer reaches the agent.
    case reserved
    /// 振铃: the agent's phone rings with a customer on the line.
    case ringing
    /// 通话: on a call with a customer.
    case onCall = "on_call"
    /// 后处理: after-call work (话后处理) until the disposition or the wrap-up limit.
    case wrapUp = "wrap_up"
    /// 示忙: paused, with a `NotReadyReason`.
    case notReady = "not_ready"
    /// 内部呼叫: a call to a colleague or supervisor.
    case internalCall = "internal_call"
    /// 内部求助: waiting for or getting help from a supervisor.
    case helpRequest = "help_request"

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name the desktop, the wallboard and error messages show (就绪 is the
    /// seed documents' 就绪/空闲).
    public var chineseName: String {
        switch self {
        case .loggedOut: return "未签入"
        case .ready: return "就绪"
        case .reserved: return "已预占"
        case .ringing: return "振铃中"
        case .onCall: return "通话中"
        case .wrapUp: return "后处理"
        case .notReady: return "示忙"
        case .internalCall: return "内部呼叫"
        case .helpRequest: return "内部求助"
        }
    }

    /// The English name the pages show.
    public var englishName: String {
        switch self {
        case .loggedOut: return "Logged out"
        case .ready: return "Ready"
        case .reserved: return "Reserved"
        case .ringing: return "Ringing"
        case .onCall: return "On a call"
        case .wrapUp: return "Wrap-up"
        case .notReady: return "Not ready"
        case .internalCall: return "Internal call"
        case .helpRequest: return "Asking for help"
        }
    }

    /// The state a closed interval in this state is stored under, nil for none. Being
    /// reserved for a customer and the phone ringing count as 通话, as the reports always
    /// counted the time from being taken for a call to its end.
    public var recorded: AgentState? {
        switch self {
        case .loggedOut: return nil
        case .reserved, .ringing: return .onCall
        case .ready, .onCall, .wrapUp, .notReady, .internalCall, .helpRequest: return self
        }
    }

    /// The states stored in event tables (`recorded` of some state).
    public static var recordedStates: [AgentState] { allCases.filter { $0.recorded == $0 } }

    /// Whether the agent is logged in.
    public var isLoggedIn: Bool { self != .loggedOut }

    /// Whether the next customer may be put through to the agent (pacing counts them free).
    public var isAvailableForCalls: Bool { self == .ready }

    /// Whether the agent is held by a customer's call (reserved, ringing or talking): pacing
    /// expects them free after the rest of a talk and a wrap-up.
    public var countsAsTalking: Bool {
        switch self {
        case .reserved, .ringing, .onCall: return true
        case .loggedOut, .ready, .wrapUp, .notReady, .internalCall, .helpRequest: return false
        }
    }
}
