import Foundation

/// One dial of one number (一次呼叫). JSON Lines type `call_attempt`.
public struct CallAttemptRecord: Codable, Equatable, Sendable {
    public var callID: String
    public var leadID: String
    public var campaignID: String
    public var number: String
    public var placedAt: Date
    public var ringingAt: Date?
    public var answeredAt: Date?
    public var endedAt: Date
    public var outcome: CallOutcome
    /// Why, in detail (空号, 关机, 秘书台 …: `CallProgressRule`); nil for calls recorded before
    /// waihu kept causes, and in event files that do not say.
    public var cause: CallCause?
    /// What the cause was decided on, strongest first (`announcement vacant 0.93; sip 480`).
    public var evidence: String?
    /// The call settled its lead as an invalid number in its campaign (`CampaignLeadLifecycle`):
    /// 空号/停机/改号, 呼入限制, or the last of a run of 关机/无法接通 results. What
    /// `InvalidLeadRule` counts besides an `invalid` outcome, which is all an event file from
    /// elsewhere can say.
    public var foundInvalid: Bool
    /// The agent who handled the call; nil for unanswered calls and voice broadcast.
    public var agentID: String?
    /// 通话时长: seconds from the customer's answer to hang-up with an agent. 0 when absent.
    public var talkSeconds: Double
    /// 放音时长: seconds the customer listened to a recorded message (voice broadcast).
    public var playbackSeconds: Double
    /// Keys the customer pressed (DTMF), in order, e.g. "1" to ask for an agent.
    public var digits: String?
    /// 1 for the first dial of this lead (首拨), 2 for the second… when known.
    public var attemptNumber: Int?
    /// List batch (名单批次) and source (名单来源), for the per-source reports.
    public var listBatch: String?
    public var listSource: String?

    public init(callID: String, leadID: String, campaignID: String, number: String,
                placedAt: Date, ringingAt: Date? = nil, answeredAt: Date? = nil, endedAt: Date,
                outcome: CallOutcome, cause: CallCause? = nil, evidence: String? = nil, foundInvalid: Bool = false,
                agentID: String? = nil, talkSeconds: Double = 0,
                playbackSeconds: Double = 0, digits: String? = nil, attemptNumber: Int? = nil,
                listBatch: String? = nil, listSource: String? = nil) {
        self.callID = callID
        self.leadID = leadID
        self.campaignID = campaignID
        self.number = number
        self.placedAt = placedAt
        self.ringingAt = ringingAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.cause = cause
        self.evidence = evidence
        self.foundInvalid = foundInvalid
        self.agentID = agentID
        self.talkSeconds = talkSeconds
        self.playbackSeconds = playbackSeconds
        self.digits = digits
        self.attemptNumber = attemptNumber
        self.listBatch = listBatch
        self.listSource = listSource
    }

    /// 人工呼出通话: an agent talked to the customer for more than 0 s (kpi.md §3).
    public var isAgentConnected: Bool { agentID != nil && talkSeconds > 0 }

    enum CodingKeys: String, CodingKey {
        case callID = "call_id"
        case leadID = "lead_id"
        case campaignID = "campaign_id"
        case number
        case placedAt = "placed_at"
        case ringingAt = "ringing_at"
        case answeredAt = "answered_at"
        case endedAt = "ended_at"
        case outcome
        case cause
        case evidence
        case foundInvalid = "found_invalid"
        case agentID = "agent_id"
        case talkSeconds = "talk_seconds"
        case playbackSeconds = "playback_seconds"
        case digits
        case attemptNumber = "attempt_number"
        case listBatch = "list_batch"
        case listSource = "list_source"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        callID = try c.decode(String.self, forKey: .callID)
        leadID = try c.decode(String.self, forKey: .leadID)
        campaignID = try c.decode(String.self, forKey: .campaignID)
        number = try c.decode(String.self, forKey: .number)
        placedAt = try c.decode(Date.self, forKey: .placedAt)
        ringingAt = try c.decodeIfPresent(Date.self, forKey: .ringingAt)
        answeredAt = try c.decodeIfPresent(Date.self, forKey: .answeredAt)
        endedAt = try c.decode(Date.self, forKey: .endedAt)
        outcome = try c.decode(CallOutcome.self, forKey: .outcome)
        // Optional: event files written before causes were kept still load.
        cause = try c.decodeIfPresent(CallCause.self, forKey: .cause)
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        foundInvalid = try c.decodeIfPresent(Bool.self, forKey: .foundInvalid) ?? false
        agentID = try c.decodeIfPresent(String.self, forKey: .agentID)
        talkSeconds = try c.decodeIfPresent(Double.self, forKey: .talkSeconds) ?? 0
        playbackSeconds = try c.decodeIfPresent(Double.self, forKey: .playbackSeconds) ?? 0
        digits = try c.decodeIfPresent(String.self, forKey: .digits)
        attemptNumber = try c.decodeIfPresent(Int.self, forKey: .attemptNumber)
        listBatch = try c.decodeIfPresent(String.self, forKey: .listBatch)
        listSource = try c.decodeIfPresent(String.self, forKey: .listSource)

        guard endedAt >= placedAt else {
            throw DecodingError.dataCorruptedError(forKey: .endedAt, in: c, debugDescription: "is before placed_at")
        }
        if let answeredAt, answeredAt < placedAt || answeredAt > endedAt {
            throw DecodingError.dataCorruptedError(
                forKey: .answeredAt, in: c, debugDescription: "is not between placed_at and ended_at")
        }
        guard talkSeconds >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .talkSeconds, in: c, debugDescription: "is negative")
        }
        guard playbackSeconds >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .playbackSeconds, in: c, debugDescription: "is negative")
        }
        // Talk needs an answer: talk on a busy or vacant call means the source system mixed up columns.
        if talkSeconds > 0 && outcome != .answered {
            throw DecodingError.dataCorruptedError(
                forKey: .talkSeconds, in: c, debugDescription: "is above 0 but outcome is \(outcome.rawValue), not answered")
        }
    }

    /// `found_invalid` only when true, and absent optionals left out: a line says what is known.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(callID, forKey: .callID)
        try c.encode(leadID, forKey: .leadID)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(number, forKey: .number)
        try c.encode(placedAt, forKey: .placedAt)
        try c.encodeIfPresent(ringingAt, forKey: .ringingAt)
        try c.encodeIfPresent(answeredAt, forKey: .answeredAt)
        try c.encode(endedAt, forKey: .endedAt)
        try c.encode(outcome, forKey: .outcome)
        try c.encodeIfPresent(cause, forKey: .cause)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        if foundInvalid { try c.encode(true, forKey: .foundInvalid) }
        try c.encodeIfPresent(agentID, forKey: .agentID)
        try c.encode(talkSeconds, forKey: .talkSeconds)
        try c.encode(playbackSeconds, forKey: .playbackSeconds)
        try c.encodeIfPresent(digits, forKey: .digits)
        try c.encodeIfPresent(attemptNumber, forKey: .attemptNumber)
        try c.encodeIfPresent(listBatch, forKey: .listBatch)
        try c.encodeIfPresent(listSource, forKey: .listSource)
    }
}
