import Foundation

/// Any event waihu records, as one JSON Lines line with a `"type"` discriminator.
///
/// The payload's fields sit beside `type` on the same object (not nested), so a line reads
/// `{"type":"complaint","complaint_id":"C1",…}` and a spreadsheet export is easy to convert.
public enum CallCenterEvent: Equatable, Sendable {
    case agentSession(AgentSessionEvent)
    case agentState(AgentStateInterval)
    case callAttempt(CallAttemptRecord)
    case disposition(DispositionRecord)
    case sale(SaleRecord)
    case qaResult(QAResultRecord)
    case complaint(ComplaintRecord)
    case violation(ViolationRecord)
    case roster(RosterEntry)
    case employment(EmploymentRecord)
    case smsReply(SMSSatisfactionReply)

    /// The value of `"type"`. Also names the events a KPI reads in `KPICatalog`.
    public enum Kind: String, StoredEnum {
        case agentSession = "agent_session"
        case agentState = "agent_state"
        case callAttempt = "call_attempt"
        case disposition
        case sale
        case qaResult = "qa_result"
        case complaint
        case violation
        case roster
        case employment
        case smsReply = "sms_reply"

        public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }
    }

    public var kind: Kind {
        switch self {
        case .agentSession: return .agentSession
        case .agentState: return .agentState
        case .callAttempt: return .callAttempt
        case .disposition: return .disposition
        case .sale: return .sale
        case .qaResult: return .qaResult
        case .complaint: return .complaint
        case .violation: return .violation
        case .roster: return .roster
        case .employment: return .employment
        case .smsReply: return .smsReply
        }
    }
}

extension CallCenterEvent: Codable {
    private enum TypeKey: String, CodingKey { case type }

    /// Thrown for a `"type"` that no event has; `EventLineDecoder` turns it into
    /// `EventImportError.unknownType`.
    struct UnknownType: Error { let type: String }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let raw = try container.decode(String.self, forKey: .type)
        guard let kind = Kind(rawValue: raw) else { throw UnknownType(type: raw) }
        switch kind {
        case .agentSession: self = .agentSession(try AgentSessionEvent(from: decoder))
        case .agentState: self = .agentState(try AgentStateInterval(from: decoder))
        case .callAttempt: self = .callAttempt(try CallAttemptRecord(from: decoder))
        case .disposition: self = .disposition(try DispositionRecord(from: decoder))
        case .sale: self = .sale(try SaleRecord(from: decoder))
        case .qaResult: self = .qaResult(try QAResultRecord(from: decoder))
        case .complaint: self = .complaint(try ComplaintRecord(from: decoder))
        case .violation: self = .violation(try ViolationRecord(from: decoder))
        case .roster: self = .roster(try RosterEntry(from: decoder))
        case .employment: self = .employment(try EmploymentRecord(from: decoder))
        case .smsReply: self = .smsReply(try SMSSatisfactionReply(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(kind.rawValue, forKey: .type)
        switch self {
        case .agentSession(let event): try event.encode(to: encoder)
        case .agentState(let event): try event.encode(to: encoder)
        case .callAttempt(let event): try event.encode(to: encoder)
        case .disposition(let event): try event.encode(to: encoder)
        case .sale(let event): try event.encode(to: encoder)
        case .qaResult(let event): try event.encode(to: encoder)
        case .complaint(let event): try event.encode(to: encoder)
        case .violation(let event): try event.encode(to: encoder)
        case .roster(let event): try event.encode(to: encoder)
        case .employment(let event): try event.encode(to: encoder)
        case .smsReply(let event): try event.encode(to: encoder)
        }
    }
}
