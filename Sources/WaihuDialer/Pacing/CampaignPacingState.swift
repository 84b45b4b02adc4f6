import WaihuDomain

/// The live state of one campaign at a decision instant: what every pacer decides from.
///
/// The live dialer builds it from its agent and call-leg state machines; the simulator builds it
/// from its event queue. Ages rather than timestamps keep it independent of any clock.
public struct CampaignPacingState: Sendable, Equatable {
    /// Logged-in agents (on break or logged out: leave them out).
    public var agents: [PacingAgent]
    /// Seconds since dialling, for each placed call that has not yet answered or failed.
    public var ringingCallAges: [Double]
    /// Live-answered customers waiting for an agent, within the connect grace.
    public var waitingCustomers: Int
    /// Agents who clicked "dial" on a preview screen and have no call yet (preview mode).
    public var previewRequests: Int
    /// The campaign's day (e.g. days since 1970 in its time zone), for the per-day abandon cap.
    public var day: Int

    public init(agents: [PacingAgent], ringingCallAges: [Double], waitingCustomers: Int = 0,
                previewRequests: Int = 0, day: Int = 0) {
        self.agents = agents
        self.ringingCallAges = ringingCallAges
        self.waitingCustomers = waitingCustomers
        self.previewRequests = previewRequests
        self.day = day
    }

    public var readyAgents: Int { agents.reduce(0) { $0 + ($1.state.isAvailableForCalls ? 1 : 0) } }
}
