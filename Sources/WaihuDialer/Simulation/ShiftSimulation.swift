import WaihuDomain
/// One discrete-event simulation of a shift, driving a pacer only through `DialPacer`.
///
/// Three random streams (dial outcomes, durations, agent behaviour) come from the same seed, so
/// two pacers run on one seed see statistically identical, though not call-for-call equal, shifts.
struct ShiftSimulation {
    private enum Event {
        case callResolves(Int)
        case graceExpires(Int)
        case talkEnds(Int)
        case wrapUpEnds(Int)
        case pauseEnds(Int)
        case breakEnds(Int)
        case tick
    }

    private struct Agent {
        /// The one agent-state vocabulary: a pause is `notReady` (other), a scheduled break
        /// `notReady` (break), which takes the agent out of the pacer's count.
        var state: AgentState = .ready
        var reason: NotReadyReason?
        var since = 0.0
        var talkTotal = 0.0
        var wrapTotal = 0.0
        var breakTotal = 0.0
        var breakDue: Double
        var breakTaken = false
    }

    private struct Call {
        let id: Int
        let dialedAt: Double
        let outcome: SimulatedOutcome
    }

    private let p: PacingSimulationParameters
    private var pacer: any DialPacer
    /// What this shift saw, as a campaign's history would hold it (for a warm start after it),
    /// kept only when asked: the benchmark's hundreds of shifts need none.
    private(set) var history = PacingHistory()
    private let recordsHistory: Bool
    private let mode: DialMode
    private var outcomes: SeededGenerator
    private var durations: SeededGenerator
    private var behaviour: SeededGenerator
    private var events = EventQueue<Event>()
    private var agents: [Agent]
    private var ringing: [Call] = []
    private var waiting: [(call: Call, answeredAt: Double)] = []
    private var nextCallID = 0
    private var now = 0.0
    private let end: Double

    private var dials = 0, contacts = 0, liveAnswers = 0, abandons = 0
    private var waits: [Double] = []

    /// Seconds between decisions when nothing happens; the live runner ticks the same way.
    static let tickSeconds = 1.0
    static let previewSeconds = 10.0

    init(parameters: PacingSimulationParameters, pacer: any DialPacer, mode: DialMode, recordsHistory: Bool = false) {
        p = parameters
        self.recordsHistory = recordsHistory
        self.pacer = pacer
        self.mode = mode
        outcomes = SeededGenerator(seed: parameters.seed &* 3 &+ 11)
        durations = SeededGenerator(seed: parameters.seed &* 5 &+ 23)
        behaviour = SeededGenerator(seed: parameters.seed &* 7 &+ 37)
        let shiftEnd = parameters.hours * 3600
        end = shiftEnd
        let n = parameters.agents
        agents = (0..<n).map { i in
            // Breaks spread over the middle third of the shift so the floor is never empty.
            Agent(breakDue: parameters.breakMinutes > 0 ? shiftEnd / 3 + shiftEnd / 3 * Double(i) / Double(max(1, n)) : .infinity)
        }
    }

    private mutating func observe(_ observation: PacingObservation) {
        pacer.observe(observation, day: 0)
        if recordsHistory { history.record(observation, hour: 0, day: 0) }
    }

    mutating func run() -> ShiftMetrics {
        events.schedule(.tick, at: 0)
        while let (time, event) = events.pop(), time < end {
            now = time
            handle(event)
            decide()
        }
        now = end
        return metrics()
    }

    // MARK: Events

    private mutating func handle(_ event: Event) {
        switch event {
        case .tick:
            events.schedule(.tick, at: now + Self.tickSeconds)
        case let .callResolves(id):
            guard let index = ringing.firstIndex(where: { $0.id == id }) else { return }
            let call = ringing.remove(at: index)
            resolve(call)
        case let .graceExpires(id):
            guard let index = waiting.firstIndex(where: { $0.call.id == id }) else { return }
            let customer = waiting.remove(at: index)
            abandons += 1
            liveAnswers += 1
            observe(.liveAnswer(seconds: customer.answeredAt - customer.call.dialedAt, abandoned: true))
        case let .talkEnds(i):
            let talk = now - agents[i].since
            agents[i].talkTotal += talk
            observe(.talkEnded(seconds: talk))
            agents[i].state = .wrapUp
            agents[i].since = now
            events.schedule(.wrapUpEnds(i), at: now + durations.nextGamma(mean: p.wrapUpMean, sd: p.wrapUpSD))
        case let .wrapUpEnds(i):
            let wrap = now - agents[i].since
            agents[i].wrapTotal += wrap
            observe(.wrapUpEnded(seconds: wrap))
            afterCall(i)
        case let .pauseEnds(i):
            becomeReady(i)
        case let .breakEnds(i):
            agents[i].breakTotal += now - agents[i].since
            becomeReady(i)
        }
    }

    private mutating func resolve(_ call: Call) {
        let seconds = now - call.dialedAt
        guard call.outcome == .live else {
            if call.outcome == .machine, p.machineFalsePositiveRate > 0,
               behaviour.nextUnit() < p.machineFalsePositiveRate {
                // A person the detector took for a machine: hung up on, so an abandon in truth.
                liveAnswers += 1
                abandons += 1
            }
            observe(.dialFailed(outcome: call.outcome.observed!, seconds: seconds))
            return
        }
        if let agent = longestReadyAgent() {
            connect(agent, call, answeredAt: now)
        } else {
            waiting.append((call, now))
            events.schedule(.graceExpires(call.id), at: now + p.connectGrace)
        }
    }

    private mutating func afterCall(_ i: Int) {
        if !agents[i].breakTaken, now >= agents[i].breakDue {
            agents[i].breakTaken = true
            agents[i].state = .notReady
            agents[i].reason = .break
            agents[i].since = now
            events.schedule(.breakEnds(i), at: now + p.breakMinutes * 60)
        } else if p.pauseProbability > 0, behaviour.nextUnit() < p.pauseProbability {
            agents[i].state = .notReady
            agents[i].reason = .other
            agents[i].since = now
            events.schedule(.pauseEnds(i), at: now + behaviour.nextExponential(mean: p.pauseMeanSeconds))
        } else {
            becomeReady(i)
        }
    }

    private mutating func becomeReady(_ i: Int) {
        agents[i].state = .ready
        agents[i].reason = nil
        agents[i].since = now
        if !waiting.isEmpty {
            let customer = waiting.removeFirst()
            connect(i, customer.call, answeredAt: customer.answeredAt)
        }
    }

    /// `answeredAt` is when the customer picked up: earlier than now for a customer who waited.
    private mutating func connect(_ i: Int, _ call: Call, answeredAt: Double) {
        waits.append(now - agents[i].since)
        agents[i].state = .onCall
        agents[i].since = now
        contacts += 1
        liveAnswers += 1
        observe(.liveAnswer(seconds: answeredAt - call.dialedAt, abandoned: false))
        events.schedule(.talkEnds(i), at: now + durations.nextLognormal(mean: p.talkMean, sd: p.talkSD))
    }

    private func longestReadyAgent() -> Int? {
        var best: Int?
        for i in agents.indices where agents[i].state == .ready {
            if best == nil || agents[i].since < agents[best!].since { best = i }
        }
        return best
    }

    // MARK: Pacing

    private mutating func decide() {
        var snapshot: [PacingAgent] = []
        snapshot.reserveCapacity(agents.count)
        var previewRequests = 0
        for agent in agents {
            let age = now - agent.since
            switch agent.state {
            case .ready:
                snapshot.append(PacingAgent(.ready, secondsInState: age))
                if age >= Self.previewSeconds { previewRequests += 1 }
            case .notReady where agent.reason == .break: break  // away: not counted on at all
            case .loggedOut, .internalCall, .helpRequest: break
            case .reserved, .ringing, .onCall, .wrapUp, .notReady:
                snapshot.append(PacingAgent(agent.state, secondsInState: age))
            }
        }
        if mode == .preview {
            previewRequests = max(0, previewRequests - ringing.count - waiting.count)
        }
        let state = CampaignPacingState(agents: snapshot, ringingCallAges: ringing.map { now - $0.dialedAt },
                                        waitingCustomers: waiting.count, previewRequests: previewRequests, day: 0)
        let n = min(pacer.callsToLaunch(state, now: now), 10 * max(1, agents.count))
        for _ in 0..<max(0, n) { dial() }
    }

    private mutating func dial() {
        let shares = p.outcomeShares
        let u = outcomes.nextUnit()
        let outcome: SimulatedOutcome
        let delay: Double
        if u < shares.live {
            outcome = .live
            delay = outcomes.nextLognormal(mean: p.liveDelayMean, sd: p.liveDelaySD)
        } else if u < shares.live + shares.machine {
            outcome = .machine; delay = p.machineSeconds
        } else if u < shares.live + shares.machine + shares.busy {
            outcome = .busy; delay = p.busySeconds
        } else if u < shares.live + shares.machine + shares.busy + shares.invalid {
            outcome = .invalid; delay = p.invalidSeconds
        } else {
            outcome = .noAnswer; delay = p.ringTimeoutSeconds
        }
        let call = Call(id: nextCallID, dialedAt: now, outcome: outcome)
        nextCallID += 1
        dials += 1
        ringing.append(call)
        events.schedule(.callResolves(call.id), at: now + delay)
    }

    // MARK: Results

    private func metrics() -> ShiftMetrics {
        var talk = 0.0, wrap = 0.0, away = 0.0
        for agent in agents {
            talk += agent.talkTotal
            wrap += agent.wrapTotal
            away += agent.breakTotal
            let open = end - agent.since
            switch agent.state {
            case .onCall: talk += open
            case .wrapUp: wrap += open
            case .notReady where agent.reason == .break: away += open
            default: break
            }
        }
        let loggedIn = Double(agents.count) * end - away
        let sorted = waits.sorted()
        let p90 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
        return ShiftMetrics(
            mode: mode,
            talkOccupancy: loggedIn > 0 ? talk / loggedIn : 0,
            busyOccupancy: loggedIn > 0 ? (talk + wrap) / loggedIn : 0,
            meanWait: waits.isEmpty ? 0 : waits.reduce(0, +) / Double(waits.count),
            p90Wait: p90,
            abandonRate: liveAnswers > 0 ? Double(abandons) / Double(liveAnswers) : 0,
            abandons: abandons,
            liveAnswers: liveAnswers,
            contacts: contacts,
            dials: dials,
            contactsPerAgentHour: loggedIn > 0 ? Double(contacts) / (loggedIn / 3600) : 0,
            dialsPerContact: contacts > 0 ? Double(dials) / Double(contacts) : 0,
            loggedInHours: loggedIn / 3600
        )
    }
}
