import Foundation
import WaihuDomain
import WaihuMedia

/// Runs a campaign that connects answered customers to agents (preview, progressive,
/// predictive): asks its pacer how many calls to launch on every tick, dials leads from
/// the queue, puts each answered customer through to the agent ready longest (ringing the
/// agent's phone and popping the lead at the same moment), and counts a customer nobody
/// takes within the grace as abandoned: they hear the recorded message and the pacer's
/// abandon cap learns of it.
///
/// Agents are driven from outside (the desktop): `login`, `ready`, `notReady`,
/// `finishWrapUp` after the disposition. A finished call becomes wrap-up for its agent.
public actor AgentCampaignRunner {
    private struct Agent {
        var activity: AgentActivity
        var since: ContinuousClock.Instant
    }

    private struct WaitingCustomer {
        let id: UUID
        let continuation: CheckedContinuation<String?, Never>
    }

    public nonisolated let engine: TelephonyEngine
    public nonisolated let settings: AgentCampaignSettings
    private let route: @Sendable (CampaignLead) -> OutboundCallRequest.Target
    private let queue: CampaignLeadQueue
    private let control: CampaignControl
    private var pacer: any DialPacer
    private let onScreenPop: @Sendable (ScreenPop) async -> Void
    private let onResult: @Sendable (AgentCampaignCallResult) async -> Void
    /// Told of every change of an agent's activity (nil: logged out), in order, so the
    /// desktop and the state-interval events follow what the runner decided.
    private let onAgentActivity: @Sendable (String, AgentActivity?) -> Void

    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    /// Agents in login order; the one ready longest gets the next customer.
    private var agents: [String: Agent] = [:]
    private var ringing: [UUID: ContinuousClock.Instant] = [:]
    private var waiting: [WaitingCustomer] = []
    private var callsInFlight = 0
    private var queueIsEmpty = false
    /// The queue said "not now": ask again after `settings.idleRecheck`.
    private var nextQueueCheck: ContinuousClock.Instant?

    public init(engine: TelephonyEngine, settings: AgentCampaignSettings, pacer: any DialPacer, queue: CampaignLeadQueue,
                control: CampaignControl = CampaignControl(),
                route: @escaping @Sendable (CampaignLead) -> OutboundCallRequest.Target,
                onScreenPop: @escaping @Sendable (ScreenPop) async -> Void = { _ in },
                onAgentActivity: @escaping @Sendable (String, AgentActivity?) -> Void = { _, _ in },
                onResult: @escaping @Sendable (AgentCampaignCallResult) async -> Void) {
        self.engine = engine
        self.settings = settings
        self.pacer = pacer
        self.queue = queue
        self.control = control
        self.route = route
        self.onScreenPop = onScreenPop
        self.onResult = onResult
        self.onAgentActivity = onAgentActivity
        started = clock.now
    }

    // MARK: - Agents (from the desktop)

    /// The agent's phone joins the campaign, not ready until `ready`.
    public func login(phone: String) {
        if agents[phone] == nil { set(phone, .notReady) }
    }

    public func logout(phone: String) {
        set(phone, nil)
    }

    public func ready(phone: String) {
        guard let agent = agents[phone], agent.activity == .notReady || agent.activity == .wrapUp else { return }
        becomeReady(phone)
    }

    public func notReady(phone: String) {
        guard agents[phone]?.activity == .ready || agents[phone]?.activity == .wrapUp else { return }
        set(phone, .notReady)
    }

    /// The agent saved the disposition: back to ready.
    public func finishWrapUp(phone: String) {
        guard let agent = agents[phone], agent.activity == .wrapUp else { return }
        pacer.observe(.wrapUpEnded(seconds: seconds(agent.since.duration(to: clock.now))), day: day)
        becomeReady(phone)
    }

    private func isReady(_ phone: String) -> Bool { agents[phone]?.activity == .ready }

    public func activity(ofPhone phone: String) -> AgentActivity? { agents[phone]?.activity }

    // MARK: - Running

    /// Dials until the queue is empty (or the campaign is stopped) and every call has
    /// ended. Pausing stops new dials; calls up continue.
    public func run() async throws {
        while true {
            endOverdueWrapUps()
            let state = await control.state
            if state == .running, !queueIsEmpty, nextQueueCheck.map({ clock.now >= $0 }) ?? true {
                nextQueueCheck = nil
                let launch = pacer.callsToLaunch(snapshot(), now: seconds(started.duration(to: clock.now)))
                launching: for _ in 0..<max(0, launch) {
                    switch try await queue.nextLead() {
                    case .lead(let lead):
                        // A personal callback goes to its agent, if still ready; else to whoever is.
                        if let phone = lead.reservedAgent, isReady(phone) { dial(lead, forAgent: phone) } else { dial(lead) }
                    case .notNow:
                        nextQueueCheck = clock.now + settings.idleRecheck
                        break launching
                    case .finished:
                        queueIsEmpty = true
                        break launching
                    }
                }
            }
            if (queueIsEmpty || state == .stopped), callsInFlight == 0 { return }
            try await clock.sleep(for: settings.tick)
        }
    }

    /// Preview (预览): the agent looked at this lead and clicked dial. The customer, once
    /// answered, goes to this agent only, so the call is never abandoned; a customer who does
    /// not answer leaves the agent ready for the next lead.
    public func dial(_ lead: CampaignLead, forAgent phone: String) {
        guard agents[phone] != nil else { return }
        set(phone, .talking)
        dial(lead, reservedAgent: phone)
    }

    private func dial(_ lead: CampaignLead, reservedAgent: String? = nil) {
        let id = UUID()
        ringing[id] = clock.now
        callsInFlight += 1
        Task { await self.call(lead, id: id, reservedAgent: reservedAgent) }
    }

    private func call(_ lead: CampaignLead, id: UUID, reservedAgent: String?) async {
        let result = await connect(lead, id: id, reservedAgent: reservedAgent)
        ringing[id] = nil
        callsInFlight -= 1
        await onResult(result)
    }

    private func connect(_ lead: CampaignLead, id: UUID, reservedAgent: String?) async -> AgentCampaignCallResult {
        let placedAt = Date()
        let dialed = clock.now
        let recording = settings.recordingDirectory.map {
            $0.appendingPathComponent("\(lead.id)-\(Int(placedAt.timeIntervalSince1970 * 1000)).wav").path
        }
        let leg: CallLeg
        do {
            leg = try await engine.placeCall(OutboundCallRequest(target: route(lead), callerID: settings.callerID,
                                                                 ringTimeout: settings.ringTimeout, recordingPath: recording))
        } catch {
            ringing[id] = nil
            if let reservedAgent, agents[reservedAgent]?.activity == .talking { set(reservedAgent, .ready) }
            pacer.observe(.dialFailed(outcome: .networkFailure, seconds: 0), day: day)
            let failed = CallReport(outcome: .failed, sipStatus: nil, ringSeconds: 0, listenedSeconds: 0, dtmf: "",
                                    recording: nil)
            return AgentCampaignCallResult(lead: lead, customer: failed, agent: nil, abandoned: false, talkSeconds: 0,
                                           placedAt: placedAt, endedAt: Date())
        }
        let answered = await leg.waitUntilAnswered()
        ringing[id] = nil
        let secondsToAnswer = seconds(dialed.duration(to: clock.now))
        guard answered else {
            let report = await leg.waitUntilEnded()
            if let reservedAgent, agents[reservedAgent]?.activity == .talking { set(reservedAgent, .ready) }
            pacer.observe(.dialFailed(outcome: Self.nonLive(report.outcome), seconds: secondsToAnswer), day: day)
            return AgentCampaignCallResult(lead: lead, customer: report, agent: nil, abandoned: false, talkSeconds: 0,
                                           placedAt: placedAt, endedAt: Date())
        }

        var agent = reservedAgent ?? takeReadyAgent()
        if agent == nil { agent = await waitForAgent(id: id) }
        guard let phone = agent else {
            pacer.observe(.liveAnswer(seconds: secondsToAnswer, abandoned: true), day: day)
            if let message = settings.abandonMessage { await leg.play(message) }
            leg.hangUp()
            return AgentCampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), agent: nil, abandoned: true,
                                           talkSeconds: 0, placedAt: placedAt, endedAt: Date())
        }
        pacer.observe(.liveAnswer(seconds: secondsToAnswer, abandoned: false), day: day)
        await onScreenPop(ScreenPop(agentPhone: phone, lead: lead))

        var talkSeconds = 0.0
        var connected = false
        if let agentLeg = try? await engine.placeCall(OutboundCallRequest(target: .phone(extension: phone), callerID: lead.number,
                                                                          ringTimeout: settings.agentRingTimeout),
                                                      alongside: leg),
           await agentLeg.waitUntilAnswered() {
            connected = true
            let talkStart = clock.now
            _ = try? await CallBridge(customer: leg, agent: agentLeg).run()
            talkSeconds = seconds(talkStart.duration(to: clock.now))
            pacer.observe(.talkEnded(seconds: talkSeconds), day: day)
            if agents[phone] != nil { set(phone, .wrapUp) }
        } else if agents[phone] != nil {
            // The phone did not answer: the agent is away from it; do not send them the next customer.
            set(phone, .notReady)
        }
        if !connected, let message = settings.abandonMessage { await leg.play(message) }
        leg.hangUp()
        return AgentCampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), agent: connected ? phone : nil,
                                       abandoned: !connected, talkSeconds: talkSeconds, placedAt: placedAt, endedAt: Date())
    }

    // MARK: - Agents and waiting customers

    private func set(_ phone: String, _ activity: AgentActivity?) {
        agents[phone] = activity.map { Agent(activity: $0, since: clock.now) }
        onAgentActivity(phone, activity)
    }

    private func becomeReady(_ phone: String) {
        if let customer = waiting.first {
            waiting.removeFirst()
            set(phone, .talking)
            customer.continuation.resume(returning: phone)
        } else {
            set(phone, .ready)
        }
    }

    private func takeReadyAgent() -> String? {
        guard let phone = agents.filter({ $0.value.activity == .ready }).min(by: { $0.value.since < $1.value.since })?.key
        else { return nil }
        set(phone, .talking)
        return phone
    }

    /// Waits up to the connect grace for an agent to become ready.
    private func waitForAgent(id: UUID) async -> String? {
        let grace = settings.connectGrace
        let timer = Task {
            try? await Task.sleep(for: grace)
            self.giveUpWaiting(id: id)
        }
        let phone = await withCheckedContinuation { waiting.append(WaitingCustomer(id: id, continuation: $0)) }
        timer.cancel()
        return phone
    }

    private func giveUpWaiting(id: UUID) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: nil)
    }

    private func endOverdueWrapUps() {
        let now = clock.now
        for (phone, agent) in agents where agent.activity == .wrapUp && agent.since.duration(to: now) >= settings.wrapUpLimit {
            finishWrapUp(phone: phone)
        }
    }

    // MARK: - Pacing

    private func snapshot() -> CampaignPacingState {
        let now = clock.now
        return CampaignPacingState(
            agents: agents.values.map { PacingAgent($0.activity, secondsInState: seconds($0.since.duration(to: now))) },
            ringingCallAges: ringing.values.map { seconds($0.duration(to: now)) },
            waitingCustomers: waiting.count,
            day: day)
    }

    private var day: Int { Int(Date().timeIntervalSince1970 / 86_400) }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func nonLive(_ outcome: CallOutcome) -> PacingObservation.NonLiveOutcome {
        switch outcome {
        case .busy, .rejected: return .busy
        case .noAnswer: return .noAnswer
        case .invalid: return .invalid
        case .machine: return .machine
        default: return .networkFailure
        }
    }
}
