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
                outcome: CallOutcome, agentID: String? = nil, talkSeconds: Double = 0,
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
}
