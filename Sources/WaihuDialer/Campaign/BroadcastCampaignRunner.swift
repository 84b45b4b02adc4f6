import Foundation
import WaihuDomain
import WaihuMedia

/// Runs a voice-broadcast campaign (语音群呼), or a number check (号码检测, `checksNumbersOnly`:
/// no ad, no agents, each call ended at the first sign of alerting): takes leads from a queue, dials them through
/// the trunk under its limits (the engine's `TrunkAdmission`), plays the ad to every
/// answered call, and puts a caller who presses a transfer key through to a free agent.
/// Every call ends in one `CampaignCallResult`, handed to `onResult` as soon as the call
/// is over, so the caller can store it before the next lead is even claimed.
public struct BroadcastCampaignRunner: Sendable {
    public let engine: TelephonyEngine
    public let settings: BroadcastSettings
    /// Where a lead's number is dialed: normally `.trunk(number: lead.number, host:…)`.
    public let route: @Sendable (CampaignLead) -> OutboundCallRequest.Target
    /// The agents press-1 callers reach; nil for an ad without transfer.
    public let agents: TransferAgentPool?
    /// The name of this run's own share of the trunk (`settings.maxConcurrentCalls`, `callsPerSecond`).
    private let share = "broadcast-" + UUID().uuidString

    public init(engine: TelephonyEngine, settings: BroadcastSettings, agents: TransferAgentPool?,
                route: @escaping @Sendable (CampaignLead) -> OutboundCallRequest.Target) {
        self.engine = engine
        self.settings = settings
        self.agents = agents
        self.route = route
    }

    /// Dials until the queue is empty or the campaign is stopped, then waits for the calls
    /// still up. Returns how many calls were placed. Each call first waits for its admission
    /// (the trunk's limits, shared with every other campaign and test call on it, and this
    /// campaign's own share), and only then claims its lead, so no lead waits claimed.
    @discardableResult
    public func run(queue: CampaignLeadQueue, control: CampaignControl = CampaignControl(),
                    onResult: @escaping @Sendable (CampaignCallResult) async -> Void) async throws -> Int {
        let admission = settings.admission(share: share)
        var placed = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            dialing: while await control.mayDial() {
                let ticket = try await engine.admission.admit(admission)
                // Paused or stopped while waiting for the trunk: give the place back unused.
                guard await control.state == .running else {
                    await engine.admission.release(ticket)
                    continue
                }
                let lead: CampaignLead
                switch try await queue.nextLead() {
                case .lead(let next):
                    lead = next
                case .notNow:
                    // Window closed or retries not yet due: look again shortly.
                    await engine.admission.release(ticket)
                    try await Task.sleep(for: settings.idleRecheck)
                    continue
                case .finished:
                    await engine.admission.release(ticket)
                    break dialing
                }
                placed += 1
                group.addTask {
                    let result = await call(lead, admitted: ticket)
                    await onResult(result)
                }
            }
            try await group.waitForAll()
        }
        return placed
    }

    /// One lead from dial to hang-up.
    /// `admitted`: the call's ticket from the engine's `TrunkAdmission`, already taken; without
    /// one the call waits for its admission itself.
    public func call(_ lead: CampaignLead, admitted: TrunkAdmission.Ticket? = nil) async -> CampaignCallResult {
        let placedAt = Date()
        let recording = settings.recordingDirectory.map {
            $0.appendingPathComponent("\(lead.id)-\(Int(placedAt.timeIntervalSince1970 * 1000)).wav").path
        }
        let request = OutboundCallRequest(target: route(lead), callerID: settings.callerID,
                                          ringTimeout: settings.ringTimeout, recordingPath: settings.checksNumbersOnly ? nil : recording,
                                          admission: settings.admission(share: share),
                                          progressAnalysis: settings.checksNumbersOnly ? .cleansing : .standard,
                                          progressAudioDirectory: settings.recordingDirectory?.appendingPathComponent("progress").path)
        let leg: CallLeg
        do {
            leg = try await engine.placeCall(request, admitted: admitted)
        } catch {
            let failed = CallReport(outcome: .failed, sipStatus: nil, ringSeconds: 0, listenedSeconds: 0, dtmf: "",
                                    recording: nil)
            return CampaignCallResult(lead: lead, customer: failed, placedAt: placedAt, endedAt: Date())
        }
        guard await leg.waitUntilAnswered() else {
            return CampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), placedAt: placedAt, endedAt: Date())
        }
        if settings.checksNumbersOnly {
            // Answered: the number is live. A mailbox or an intercept is told apart first,
            // within the judgement window, then the call ends without a word.
            _ = await leg.waitUntilJudgedHuman()
            leg.hangUp()
            return CampaignCallResult(lead: lead, customer: await leg.waitUntilEnded(), placedAt: placedAt, endedAt: Date())
        }
        let wantedAgent = await listenForTransferKey(leg)
        var transferredTo: String?
        var agentReport: CallReport?
        var talkSeconds = 0.0
        if wantedAgent {
            if let agents, let phone = await agents.claimAgent(for: lead) {
                (transferredTo, agentReport, talkSeconds) = await transfer(leg, to: phone, caller: lead.number)
                await agents.releaseAgent(phone, talked: transferredTo != nil)
            }
            if transferredTo == nil, let sorry = settings.noAgentPrompt {
                await leg.play(sorry)
            }
        }
        leg.hangUp()
        let customer = await leg.waitUntilEnded()
        return CampaignCallResult(lead: lead, customer: customer, agentPhone: transferredTo, agentLeg: agentReport,
                                  wantedAgent: wantedAgent, talkSeconds: talkSeconds, placedAt: placedAt, endedAt: Date())
    }

    /// Plays the ad while listening for keys; true as soon as a transfer key is pressed
    /// (the ad stops there). Other keys are ignored. After the ad the caller has
    /// `digitWaitAfterPrompt` to press.
    private func listenForTransferKey(_ leg: CallLeg) async -> Bool {
        let prompt = settings.prompt
        let playing = Task { await leg.play(prompt) }
        let clock = ContinuousClock()
        let deadline = clock.now + prompt.duration + settings.digitWaitAfterPrompt
        var wanted = false
        while !wanted {
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero { break }
            let status = await leg.collectDigits(.init(maximumDigits: 1, terminator: nil, firstDigitTimeout: remaining))
            guard case .finished(let digits, .maximumDigits) = status, let key = digits.first else { break }
            wanted = settings.transferDigits.contains(key)
        }
        if wanted { leg.stopPlayback() }
        _ = await playing.value
        return wanted
    }

    /// Rings the agent's phone and bridges; (nil, report, 0) when the agent did not answer.
    /// The seconds are the talk time (通话时长), from the bridge to the hang-up.
    private func transfer(_ customer: CallLeg, to phone: String, caller: String) async -> (String?, CallReport?, Double) {
        let agentLeg: CallLeg
        do {
            agentLeg = try await engine.placeCall(OutboundCallRequest(target: .phone(extension: phone), callerID: caller,
                                                                      ringTimeout: .seconds(20)),
                                                  alongside: customer)
        } catch {
            return (nil, nil, 0)
        }
        guard await agentLeg.waitUntilAnswered() else {
            return (nil, await agentLeg.waitUntilEnded(), 0)
        }
        await agents?.agentAnswered(phone)
        let clock = ContinuousClock()
        let bridged = clock.now
        guard let reports = try? await CallBridge(customer: customer, agent: agentLeg).run() else {
            agentLeg.hangUp()
            return (phone, await agentLeg.waitUntilEnded(), Self.seconds(bridged.duration(to: clock.now)))
        }
        return (phone, reports.agent, Self.seconds(bridged.duration(to: clock.now)))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
