import Foundation

/// How a campaign dials and what its agents work with: mode, the dial-time rules, the
/// abandon cap, timings, script and dispositions. Stored as JSON with the campaign; every
/// key may be left out of a request and takes the default a renewal team would use. The JSON
/// is snake_case at every level and a key the plan does not know is refused by name
/// (`UnknownPlanKey`); docs/campaigns.md lists every key with its default.
public struct CampaignPlan: Codable, Sendable, Equatable {
    public var mode: DialMode
    /// Calling window, attempt limits and retry delays, renewal rule.
    public var gate: DialGate
    public var abandonCap: AbandonCap
    /// Keys that put a voice-broadcast caller through to an agent ("press 1").
    public var transferDigits: String
    /// After-call work (后处理) ends by itself after this many seconds.
    public var wrapUpSeconds: Int
    public var ringTimeoutSeconds: Int
    /// At most this many calls at once; nil uses the trunk's limit.
    public var maxConcurrentCalls: Int?
    /// New calls per second; nil uses the trunk's limit.
    public var callsPerSecond: Double?
    /// Calls per ready agent, for the fixed-ratio mode.
    public var dialRatio: Double
    /// The 话术 shown on the desktop, with `{name}`, `{plate}` … filled in (`CampaignScript`).
    public var script: String
    public var dispositions: [CampaignDisposition]
    /// A refusal (拒绝) disposition also puts the number on the do-not-call list; a
    /// "do not call" disposition always does.
    public var refusalAddsToDoNotCall: Bool
    public var doNotCallMonths: Int
    /// The customers' time zone, for the calling window.
    public var timeZone: String
    /// Which due lead is dialed next (拨打优先级): due callbacks first, then these keys.
    public var leadOrdering = LeadOrdering()
    /// 名单配比: batch name → weight (`ListMix` picks by them; the plan holds only the weights,
    /// the queue the picking state); empty dials all the campaign's batches as one list.
    public var listMix: [String: Int] = [:]
    /// A personal callback (个人预约) is offered to its own agent first, and to the agent's
    /// team only this many minutes after its time.
    public var callbackGraceMinutes = 10
    /// Present: a survey or follow-up (问卷 / 回访) project, not a sales one; its success
    /// dispositions are normally completed questionnaires (正常完成问卷, 001) and this is how
    /// many it must complete (外呼问卷完成进度). Absent: a sales project, whose successes are sales.
    public var surveyTarget: Int?

    public init(mode: DialMode, gate: DialGate = DialGate(), abandonCap: AbandonCap = .standard, transferDigits: String = "1",
                wrapUpSeconds: Int = 60, ringTimeoutSeconds: Int = 30, maxConcurrentCalls: Int? = nil,
                callsPerSecond: Double? = nil, dialRatio: Double = 2, script: String = "",
                dispositions: [CampaignDisposition] = CampaignDisposition.renewalDefaults,
                refusalAddsToDoNotCall: Bool = false, doNotCallMonths: Int = 6, timeZone: String = "Asia/Shanghai",
                leadOrdering: LeadOrdering = LeadOrdering(), listMix: [String: Int] = [:], callbackGraceMinutes: Int = 10,
                surveyTarget: Int? = nil) {
        self.mode = mode
        self.gate = gate
        self.abandonCap = abandonCap
        self.transferDigits = transferDigits
        self.wrapUpSeconds = wrapUpSeconds
        self.ringTimeoutSeconds = ringTimeoutSeconds
        self.maxConcurrentCalls = maxConcurrentCalls
        self.callsPerSecond = callsPerSecond
        self.dialRatio = dialRatio
        self.script = script
        self.dispositions = dispositions
        self.refusalAddsToDoNotCall = refusalAddsToDoNotCall
        self.doNotCallMonths = doNotCallMonths
        self.timeZone = timeZone
        self.leadOrdering = leadOrdering
        self.listMix = listMix
        self.callbackGraceMinutes = callbackGraceMinutes
        self.surveyTarget = surveyTarget
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case mode, gate, abandonCap = "abandon_cap", transferDigits = "transfer_digits", wrapUpSeconds = "wrap_up_seconds"
        case ringTimeoutSeconds = "ring_timeout_seconds", maxConcurrentCalls = "max_concurrent_calls"
        case callsPerSecond = "calls_per_second", dialRatio = "dial_ratio", script, dispositions
        case refusalAddsToDoNotCall = "refusal_adds_to_dnc", doNotCallMonths = "dnc_months", timeZone = "time_zone"
        case leadOrder = "lead_order", listMix = "list_mix", callbackGraceMinutes = "callback_grace_minutes"
        case surveyTarget = "survey_target"
    }

    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CampaignPlan(mode: try c.decode(DialMode.self, forKey: .mode))
        self = defaults
        gate = try c.decodeIfPresent(DialGate.self, forKey: .gate) ?? defaults.gate
        abandonCap = try c.decodeIfPresent(AbandonCap.self, forKey: .abandonCap) ?? defaults.abandonCap
        transferDigits = try c.decodeIfPresent(String.self, forKey: .transferDigits) ?? defaults.transferDigits
        wrapUpSeconds = try c.decodeIfPresent(Int.self, forKey: .wrapUpSeconds) ?? defaults.wrapUpSeconds
        ringTimeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .ringTimeoutSeconds) ?? defaults.ringTimeoutSeconds
        maxConcurrentCalls = try c.decodeIfPresent(Int.self, forKey: .maxConcurrentCalls)
        callsPerSecond = try c.decodeIfPresent(Double.self, forKey: .callsPerSecond)
        dialRatio = try c.decodeIfPresent(Double.self, forKey: .dialRatio) ?? defaults.dialRatio
        script = try c.decodeIfPresent(String.self, forKey: .script) ?? defaults.script
        dispositions = try c.decodeIfPresent([CampaignDisposition].self, forKey: .dispositions) ?? defaults.dispositions
        refusalAddsToDoNotCall = try c.decodeIfPresent(Bool.self, forKey: .refusalAddsToDoNotCall) ?? defaults.refusalAddsToDoNotCall
        doNotCallMonths = try c.decodeIfPresent(Int.self, forKey: .doNotCallMonths) ?? defaults.doNotCallMonths
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        leadOrdering = try c.decodeIfPresent([LeadPriorityKey].self, forKey: .leadOrder).map(LeadOrdering.init(keys:))
            ?? defaults.leadOrdering
        listMix = try c.decodeIfPresent([String: Int].self, forKey: .listMix) ?? defaults.listMix
        if !listMix.isEmpty {
            do { _ = try ListMix(weights: listMix) } catch {
                throw DecodingError.dataCorruptedError(forKey: .listMix, in: c, debugDescription: "\(error)")
            }
        }
        callbackGraceMinutes = try c.decodeIfPresent(Int.self, forKey: .callbackGraceMinutes) ?? defaults.callbackGraceMinutes
        surveyTarget = try c.decodeIfPresent(Int.self, forKey: .surveyTarget)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(gate, forKey: .gate)
        try c.encode(abandonCap, forKey: .abandonCap)
        try c.encode(transferDigits, forKey: .transferDigits)
        try c.encode(wrapUpSeconds, forKey: .wrapUpSeconds)
        try c.encode(ringTimeoutSeconds, forKey: .ringTimeoutSeconds)
        try c.encodeIfPresent(maxConcurrentCalls, forKey: .maxConcurrentCalls)
        try c.encodeIfPresent(callsPerSecond, forKey: .callsPerSecond)
        try c.encode(dialRatio, forKey: .dialRatio)
        try c.encode(script, forKey: .script)
        try c.encode(dispositions, forKey: .dispositions)
        try c.encode(refusalAddsToDoNotCall, forKey: .refusalAddsToDoNotCall)
        try c.encode(doNotCallMonths, forKey: .doNotCallMonths)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(leadOrdering.keys, forKey: .leadOrder)
        try c.encode(listMix, forKey: .listMix)
        try c.encode(callbackGraceMinutes, forKey: .callbackGraceMinutes)
        try c.encodeIfPresent(surveyTarget, forKey: .surveyTarget)
    }

    /// Whether agents take the calls (every mode but voice broadcast and the number check).
    public var connectsAgents: Bool { mode.usesAgents }

    /// The disposition with this code.
    public func disposition(_ code: String) -> CampaignDisposition? {
        dispositions.first { $0.code == code }
    }

    /// Whether saving `disposition` puts the number on the do-not-call list.
    public func addsToDoNotCall(_ disposition: CampaignDisposition) -> Bool {
        disposition.category == .doNotCall || (refusalAddsToDoNotCall && disposition.category == .refusal)
    }

    /// Every problem that stops the plan from being used, first one first; empty when it is fine.
    /// `hasPrompt`: a recorded prompt was uploaded.
    public func problems(hasPrompt: Bool) -> [CampaignPlanProblem] {
        var problems: [CampaignPlanProblem] = []
        if mode == .broadcast && !hasPrompt { problems.append(.broadcastWithoutPrompt) }
        if mode == .broadcast && (transferDigits.isEmpty || !transferDigits.allSatisfy({ "0123456789*#".contains($0) })) {
            problems.append(.transferDigits(transferDigits))
        }
        let window = gate.window
        if !(0...(24 * 60)).contains(window.opensAtMinute) || !(0...(24 * 60)).contains(window.closesAtMinute)
            || window.opensAtMinute >= window.closesAtMinute {
            problems.append(.windowNeverOpens)
        }
        if TimeZone(identifier: timeZone) == nil { problems.append(.timeZone(timeZone)) }
        if connectsAgents && dispositions.isEmpty { problems.append(.noDispositions) }
        var seen = Set<String>()
        for disposition in dispositions where !seen.insert(disposition.code).inserted || disposition.code.isEmpty {
            problems.append(.dispositionCode(disposition.code))
        }
        if !(0...3600).contains(wrapUpSeconds) { problems.append(.range("wrap_up_seconds", "0–3600")) }
        if !(5...180).contains(ringTimeoutSeconds) { problems.append(.range("ring_timeout_seconds", "5–180")) }
        if let maxConcurrentCalls, !(1...2000).contains(maxConcurrentCalls) { problems.append(.range("max_concurrent_calls", "1–2000")) }
        if let callsPerSecond, !(callsPerSecond > 0 && callsPerSecond <= 500) { problems.append(.range("calls_per_second", "0–500")) }
        if mode == .fixedRatio && !(dialRatio >= 1 && dialRatio <= 10) { problems.append(.range("dial_ratio", "1–10")) }
        if !(1...60).contains(doNotCallMonths) { problems.append(.range("dnc_months", "1–60")) }
        if !(0...AbandonCap.maximumRate).contains(abandonCap.rate) { problems.append(.range("abandon_cap.rate", "0–0.05")) }
        if !(abandonCap.connectGrace >= 0 && abandonCap.connectGrace <= 30) { problems.append(.range("abandon_cap.connect_grace", "0–30")) }
        if !listMix.isEmpty {
            do { _ = try ListMix(weights: listMix) } catch let error as ListMixError { problems.append(.listMix(error)) } catch {}
        }
        if !(0...(24 * 60)).contains(callbackGraceMinutes) { problems.append(.range("callback_grace_minutes", "0–1440")) }
        if let surveyTarget, surveyTarget < 1 { problems.append(.range("survey_target", "≥ 1")) }
        if gate.attempts.maxAttemptsPerLead < 1 || gate.attempts.maxAttemptsPerDay < 1 {
            problems.append(.range("gate.attempts.max_attempts_per_lead / max_attempts_per_day", "≥ 1"))
        }
        return problems
    }
}

/// Why a campaign plan cannot be used, in words for the team leader.
public enum CampaignPlanProblem: Sendable, Equatable, CustomStringConvertible {
    case broadcastWithoutPrompt
    case transferDigits(String)
    case windowNeverOpens
    case timeZone(String)
    case noDispositions
    case dispositionCode(String)
    case range(String, String)
    case listMix(ListMixError)

    public var description: String {
        switch self {
        case .broadcastWithoutPrompt: return "a voice-broadcast campaign needs a recorded prompt (upload a WAV file)"
        case .transferDigits(let digits): return "transfer_digits: '\(digits)' must be keys 0-9, * or #"
        case .windowNeverOpens: return "gate.window: the calling window never opens (it must open before it closes, within one day)"
        case .timeZone(let zone): return "time_zone: '\(zone)' is not a known time zone"
        case .noDispositions: return "dispositions: an agent campaign needs at least one disposition"
        case .dispositionCode(let code): return "dispositions: code '\(code)' is empty or used twice"
        case .range(let key, let range): return "\(key): must be in \(range)"
        case .listMix(let error): return "list_mix: \(error)"
        }
    }
}
