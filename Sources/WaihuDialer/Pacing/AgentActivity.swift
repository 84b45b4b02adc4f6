/// What an agent is doing, as far as pacing cares.
public enum AgentActivity: String, Codable, Sendable {
    /// 就绪: waiting for a call.
    case ready
    /// 通话: talking to a customer.
    case talking
    /// 后处理: after-call work; becomes ready when it ends.
    case wrapUp = "wrap_up"
    /// 示忙: paused; not counted on to take calls.
    case notReady = "not_ready"
}
