/// Which calls an agent is employed to take (技能). Stored by raw value.
public enum AgentSkill: String, StoredEnum {
    /// 双技能: inbound and outbound.
    case dual
    /// 单呼出
    case outbound
    /// 单呼入
    case inbound

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name shown in reports.
    public var chineseName: String {
        switch self {
        case .dual: return "双技能"
        case .outbound: return "单呼出"
        case .inbound: return "单呼入"
        }
    }
}
