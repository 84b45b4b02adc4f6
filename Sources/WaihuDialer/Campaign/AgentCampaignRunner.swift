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
/// Each agent's state is an `AgentStateMachine` held here, moved by the desktop (`login`,
/// `moveAgent` with ready, not ready, disposition saved…) and by the calls (reserve, ringing,
/// answered, call ended); every move is reported to `onAgentMove` with its actions, in order.
///
/// Once a second it notes a `PacingTraceSample`, and each live answer's connection timing, in
/// its `PacingTrace` (the last two hours), for GET /api/v1/campaigns/:id/pacing and the benchmark.
public actor AgentCampaignRunner {
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
    private let onResult: @Sendable (CampaignCallResult) async -> Void
    /// Told of every move of an agent's state machine (the phone, the machine after the
    /// move, its actions), synchronously and in order, so the desktop and the state-interval
    /// events follow what happened here.
    private let onAgentMove: @Sendable (String, AgentStateMachine, [AgentAction]) -> Void

    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    /// The logged-in agents by phone; the one ready longest gets the next customer.
    private var agents: [String: AgentStateMachine] = [:]
    private var ringing: [UUID: ContinuousClock.Instant] = [:]
    private var waiting: [WaitingCustomer] = []
    private var callsInFlight = 0
    private var queueIsEmpty = false
    /// The queue said "not now": ask again after `settings.idleRecheck`.
    private var nextQueueCheck: ContinuousClock.Instant?

    private var trace = PacingTrace()
    private var nextSample: ContinuousClock.Instant
    /// Since the last sample: calls launched, and whether the queue came up short of the pacer.
    private var launchedSinceSample = 0
    private var leadShortageSinceSample = false
    /// Launched calls not yet sent (waiting for the trunk's admission), since when.
    private var unsent: [UUID: ContinuousClock.Instant] = [:]
    private var liveAnswers = 0
    private var abandoned = 0

    public init(engine: TelephonyEngine, settings: AgentCampaignSettings, pacer: any DialPacer, queue: CampaignLeadQueue,
                control: CampaignControl = CampaignControl(),
                route: @escaping @Sendable (CampaignLead) -> OutboundCallRequest.Target,
                onScreenPop: @escaping @Sendable (ScreenPop) async -> Void = { _ in },
                onAgentMove: @escaping @Sendable (String, AgentStateMachine, [AgentAction]) -> Void = { _, _, _ in },
                onResult: @escaping @Sendable (CampaignCallResult) async -> Void) {
        self.engine = engine
        self.settings = settings
        self.pacer = pacer
        self.queue = queue
        self.control = control
        self.route = route
        self.onScreenPop = onScreenPop
        self.onResult = onResult
        self.onAgentMove = onAgentMove
        started = clock.now
        nextSample = started
    }

    // MARK: - Agents (from the desktop)

    /// The agent's phone joins the campaign, not ready until `ready`.
    public func login(phone: String) {
        if agents[phone] == nil { _ = try? move(phone) { try $0.logIn(at: Date()) } }
    }

    public func logout(phone: String) {
        _ = try? move(phone) { try $0.logOut(at: Date()) }
    }

    /// 就绪; refused (`AgentTransitionError`) during a call or before log-in.
    public func ready(phone: String) throws {
        try move(phone) { try $0.ready(at: Date()) }
    }

    /// The agent saved the disposition: out of wrap-up.
    public func dispositionSaved(phone: String) {
        _ = try? move(phone) { $0.dispositionSaved(at: Date()) }
    }

    /// Any other event of the agent at `phone` (not ready, a supervisor's move…): the
    /// machine decides, this runner performs. Throws the machine's refusal.
    public func moveAgent(phone: String, _ event: @Sendable (inout AgentStateMachine) throws -> [AgentAction]) throws {
        try move(phone, event)
    }

    /// The agent's state, `loggedOut` for a phone not in this campaign.
    public func state(ofPhone phone: String) -> AgentState { agents[phone]?.state ?? .loggedOut }

    // MARK: - Running

    /// Dials until the queue is empty (or the campaign is stopped) and every call has
    /// ended. Pausing stops new dials; calls up continue.
    public func run() async throws {
        while true {
            endOverdueWrapUps()
            let state = await control.state
            var wanted: Int?
            if state == .running, !queueIsEmpty, nextQueueCheck.map({ clock.now >= $0 }) ?? true {
                nextQueueCheck = nil
                let launch = pacer.callsToLaunch(snapshot(), now: seconds(started.duration(to: clock.now)))
                wanted = launch
                launching: for _ in 0..<max(0, launch) {
                    switch try await queue.nextLead() {
                    case .lead(let lead):
                        // A personal callback goes to its agent, if still ready; else to whoever is.
                        if let phone = lead.reservedAgent, (try? dial(lead, forAgent: phone)) != nil { continue }
                        dial(lead)
                    case .notNow:
                        nextQueueCheck = clock.now + settings.idleRecheck
                        leadShortageSinceSample = true
                        break launching
                    case .finished:
                        queueIsEmpty = true
                        leadShortageSinceSample = true
                        break launching
                    }
                }
            }
            if clock.now >= nextSample { sampleTrace(wanted: wanted, dialing: state == .running) }
            if (queueIsEmpty || state == .stopped), callsInFlight == 0 { return }
            try await clock.sleep(for: settings.tick)
        }
    }

    /// Preview (预览): the agent looked at this lead and clicked dial. The customer, once
    /// answered, goes to this agent only, so the call is never abandoned; a customer who does
    /// not answer leaves the agent ready for the next lead. Refused unless the agent is ready.
    public func dial(_ lead: CampaignLead, forAgent phone: String) throws {
        try move(phone) { try $0.reserve(at: Date()) }
        dial(lead, reservedAgent: phone)
    }

    private func dial(_ lead: CampaignLead, reservedAgent: String? = nil) {
        let id = UUID()
        ringing[id] = clock.now
        callsInFlight += 1
        launchedSinceSample += 1
        Task { await self.call(lead, id: id, reservedAgent: reservedAgent) }
    }

    private func call(_ lead: CampaignLead, id: UUID, reservedAgent: String?) async {
        let result = await connect(lead, id: id, reservedAgent: reservedAgent)
        ringing[id] = nil
        callsInFlight -= 1
        await onResult(result)
    }

    private func connect(_ lead: CampaignLead, id: UUID, reservedAgent: String?) async -> CampaignCallResult {
        let placedAt = Date()
        let dialed = clock.now
        let recording = settings.recordingDirectory.map {
            $0.appendingPathComponent("\(lead.id)-\(Int(placedAt.timeIntervalSince1970 * 1000)).wav").path
        }
        let leg: CallLeg
        unsent[id] = clock.now
        do {
            leg = try await engine.placeCall(OutboundCallRequest(
                target: route(lead), callerID: settings.callerID, ringTimeout: settings.ringTimeout, recordingPath: recording,
                admission: settings.admission,
                progressAudioDirectory: settings.recordingDirectory?.appendingPathComponent("progress").path))
            unsent[id] = nil
        } catch {
            unsent[id] = nil
            ringing[id] = nil
            if let reservedAgent { _ = try? move(reservedAgent) { try $0.customerLost(at: Date()) } }
            pacer.observe(.dialFailed(outcome: .failed, seconds: 0), day: today)
            let failed = CallReport(outcome: .failed, sipStatus: nil, ringSeconds: 0, listenedSeconds: 0, dtmf: "",
                                    recording: nil)
            return CampaignCallResult(lead: lead, customer: failed, placedAt: placedAt, endedAt: Date())
        }
        let answered = await leg.waitUntilAnswered()
        ringing[id] = nil
        var connection = PacingTraceConnection(answeredAt: Date().timeIntervalSince1970)
        let secondsToAnswer = seconds(dialed.duration(to: clock.now))
        guard answered else {
            let report = await leg.waitUntilEnded()
            if let reservedAgent { _ = try? move(reservedAgent) { try $0.customerLost(at: Date()) } }
            pacer.observe(.dialFailed(outcome: report.outcome, seconds: secondsToAnswer), day: today)
            return CampaignCallResult(lead: lead, customer: report, placedAt: placedAt, endedAt: Date())
        }
        // A mailbox or a carrier's recording after the 200 is no customer: the engine hangs it
        // up, and it is neither put through to an agent nor counted as abandoned.
        guard await leg.waitUntilJudgedHuman() else {
            let report = await leg.waitUntilEnded()
            if let reservedAgent { _ = try? move(reservedAgent) { try $0.customerLost(at: Date()) } }
            pacer.observe(.dialFailed(outcome: report.outcome, seconds: secondsToAnswer), day: today)
            return CampaignCallResult(lead: lead, customer: report, placedAt: placedAt, endedAt: Date())
        }

        liveAnswers += 1
        var agent = reservedAgent ?? takeReadyAgent()
        if agent == nil { agent = await waitForAgent(id: id) }
        guard let phone = agent else {
            settle(&connection, abandoned: true)
            pacer.observe(.liveAnswer(seconds: secondsToAnswer, abandoned: true), day: today)
            if let message = settings.abandonMessage { await leg.play(message) }
            leg.hangUp()
            return CampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), abandoned: true,
                                      placedAt: placedAt, endedAt: Date())
        }
        connection.agentAssignedAt = Date().timeIntervalSince1970
        connection.agentPhone = phone
        pacer.observe(.liveAnswer(seconds: secondsToAnswer, abandoned: false), day: today)
        // The lead pops on the desk while the agent's phone rings, not before it: the customer is
        // already listening, and the pop reads the database (answer-to-bridge latency under load).
        // It is awaited before the agent is on the call, so the desk never shows a call without its lead.
        let pop = onScreenPop
        let popped = Task { await pop(ScreenPop(agentPhone: phone, lead: lead)) }

        var talkSeconds = 0.0
        var connected = false
        // The machine refuses these moves for an agent who logged out meanwhile: the call goes on without a desk.
        _ = try? move(phone) { try $0.phoneRinging(at: Date()) }
        connection.agentRungAt = Date().timeIntervalSince1970
        if let agentLeg = try? await engine.placeCall(OutboundCallRequest(target: .phone(extension: phone), callerID: lead.number,
                                                                          ringTimeout: settings.agentRingTimeout),
                                                      alongside: leg),
           await agentLeg.waitUntilAnswered() {
            await popped.value
            connected = true
            connection.agentAnsweredAt = Date().timeIntervalSince1970
            settle(&connection, abandoned: false)
            _ = try? move(phone) { try $0.answered(at: Date()) }
            let talkStart = clock.now
            _ = try? await CallBridge(customer: leg, agent: agentLeg).run()
            talkSeconds = seconds(talkStart.duration(to: clock.now))
            pacer.observe(.talkEnded(seconds: talkSeconds), day: today)
            _ = try? move(phone) { try $0.callEnded(at: Date()) }
        } else {
            // The phone did not answer: the agent is away from it; do not send them the next customer.
            await popped.value
            settle(&connection, abandoned: true)
            _ = try? move(phone) { try $0.phoneNotAnswered(at: Date()) }
        }
        if !connected, let message = settings.abandonMessage { await leg.play(message) }
        leg.hangUp()
        return CampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), agentPhone: connected ? phone : nil,
                                  abandoned: !connected, talkSeconds: talkSeconds, placedAt: placedAt, endedAt: Date())
    }

    // MARK: - Agents and waiting customers

    /// Applies one event to the agent at `phone` (a phone not logged in is a logged-out
    /// machine, which refuses), reports the move, and performs this runner's actions.
    @discardableResult
    private func move(_ phone: String, _ event: (inout AgentStateMachine) throws -> [AgentAction]) throws -> [AgentAction] {
        var machine = agents[phone] ?? AgentStateMachine()
        let actions = try event(&machine)
        agents[phone] = machine.isLoggedIn ? machine : nil
        guard !actions.isEmpty else { return [] }
        onAgentMove(phone, machine, actions)
        for action in actions {
            switch action {
            case .endWrapUpTimer(let seconds):
                pacer.observe(.wrapUpEnded(seconds: seconds), day: today)
            case .offerNextCustomer:
                offerToWaitingCustomer(phone)
            case .startWrapUpTimer:
                break  // the limit is checked on every tick (`endOverdueWrapUps`)
            case .record, .recordSession, .notifyDesktop:
                break  // the desk's, through `onAgentMove`
            }
        }
        return actions
    }

    /// A customer waiting for an agent gets this one, now ready.
    private func offerToWaitingCustomer(_ phone: String) {
        guard let customer = waiting.first, (try? move(phone, { try $0.reserve(at: Date()) })) != nil else { return }
        waiting.removeFirst()
        customer.continuation.resume(returning: phone)
    }

    private func takeReadyAgent() -> String? {
        guard let phone = agents.filter({ $0.value.state.isAvailableForCalls }).min(by: { $0.value.since < $1.value.since })?.key,
              (try? move(phone, { try $0.reserve(at: Date()) })) != nil
        else { return nil }
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
        let now = Date()
        let limit = seconds(settings.wrapUpLimit)
        for (phone, agent) in agents where agent.state == .wrapUp && agent.secondsInState(at: now) >= limit {
            _ = try? move(phone) { $0.wrapUpTimerEnded(at: now) }
        }
    }

    // MARK: - Pacing trace

    /// The trace of the last two hours, or of what happened at or after `since`.
    public func pacingTrace(since: Date? = nil) -> PacingTrace {
        trace.since(since?.timeIntervalSince1970)
    }

    /// What the pacer is doing now.
    public func pacerStatus() -> PacerStatus { pacer.status(day: today) }

    /// A live answer was bridged or abandoned: its timing goes into the trace.
    private func settle(_ connection: inout PacingTraceConnection, abandoned: Bool) {
        connection.abandoned = abandoned
        if abandoned { self.abandoned += 1 }
        trace.append(connection)
    }

    /// Notes the second that has passed. `wanted`: the pacer's answer in this tick, if it was
    /// asked; otherwise a copy of it is asked, so the trace says what it wanted while the
    /// queue had nothing or the campaign was paused, and the pacer itself is left as it was.
    private func sampleTrace(wanted asked: Int?, dialing: Bool) {
        let now = clock.now
        // Once a second; after a stall, from now rather than in a burst.
        nextSample = max(nextSample + .seconds(1), now)
        let state = snapshot()
        var wanted = asked ?? 0
        if asked == nil {
            var probe = pacer
            wanted = probe.callsToLaunch(state, now: seconds(started.duration(to: now)))
        }
        // Not asking because the queue said "not now" a moment ago, or has nothing left, is a shortage too.
        let heldByQueue = dialing && asked == nil && (queueIsEmpty || nextQueueCheck != nil) && wanted > 0
        var sample = PacingTraceSample(time: Date().timeIntervalSince1970, customersWaiting: waiting.count, wanted: wanted,
                                       launched: launchedSinceSample, leadShortage: leadShortageSinceSample || heldByQueue,
                                       status: pacer.status(day: state.day), liveAnswers: liveAnswers, abandoned: abandoned)
        for agent in agents.values {
            switch agent.state {
            case .ready: sample.agentsReady += 1
            case .reserved, .ringing: sample.agentsReserved += 1
            case .onCall: sample.agentsTalking += 1
            case .wrapUp: sample.agentsWrapUp += 1
            case .notReady, .internalCall, .helpRequest: sample.agentsNotReady += 1
            case .loggedOut: break
            }
        }
        sample.callsWaitingForTrunk = unsent.count
        sample.callsRinging = ringing.count - unsent.count
        sample.trunkWaitSeconds = unsent.values.map { seconds($0.duration(to: now)) }.max() ?? 0
        trace.append(sample)
        launchedSinceSample = 0
        leadShortageSinceSample = false
    }

    // MARK: - Pacing

    private func snapshot() -> CampaignPacingState {
        let now = clock.now, date = Date()
        return CampaignPacingState(
            agents: agents.values.map { PacingAgent($0.state, secondsInState: $0.secondsInState(at: date)) },
            ringingCallAges: ringing.values.map { seconds($0.duration(to: now)) },
            waitingCustomers: waiting.count,
            day: settings.abandonCapDay(of: date))
    }

    /// The abandon cap's day now: the campaign's local day, not the UTC one.
    private var today: Int { settings.abandonCapDay(of: Date()) }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
