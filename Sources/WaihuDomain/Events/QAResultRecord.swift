import Foundation

/// A QA inspector's verdict on one recorded call (质检结果). JSON Lines type `qa_result`.
public struct QAResultRecord: Codable, Equatable, Sendable {
    public var callID: String
    public var agentID: String
    public var inspectorID: String?
    /// Score on the campaign's evaluation form (通话绩效评估表), usually out of 100.
    public var score: Double
    /// 合格
    public var passed: Bool
    /// 优秀
    public var excellent: Bool
    public var at: Date

    public init(callID: String, agentID: String, inspectorID: String? = nil, score: Double,
                passed: Bool, excellent: Bool, at: Date) {
        self.callID = callID
        self.agentID = agentID
        self.inspectorID = inspectorID
        self.score = score
        self.passed = passed
        self.excellent = excellent
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case callID = "call_id"
        case agentID = "agent_id"
        case inspectorID = "inspector_id"
        case score
        case passed
        case excellent
        case at
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        callID = try c.decode(String.self, forKey: .callID)
        agentID = try c.decode(String.self, forKey: .agentID)
        inspectorID = try c.decodeIfPresent(String.self, forKey: .inspectorID)
        score = try c.decode(Double.self, forKey: .score)
        passed = try c.decode(Bool.self, forKey: .passed)
        excellent = try c.decode(Bool.self, forKey: .excellent)
        at = try c.decode(Date.self, forKey: .at)
        // An excellent call that failed would be counted in one rate and not the other.
        if excellent && !passed {
            throw DecodingError.dataCorruptedError(
                forKey: .excellent, in: c, debugDescription: "is true but passed is false")
        }
    }
}
