/// Why a dialled lead counts as 无效数据 (`InvalidLeadRule`), for the invalid rate's breakdown
/// by cause (无效原因) on batches, sources and the list-quality report: which part of a
/// list was dead numbers, which phones stayed off, which barred our calls.
public enum InvalidLeadCause: String, StoredEnum, Hashable {
    /// 空号
    case vacant
    /// 停机
    case suspended
    /// 改号
    case numberChanged = "number_changed"
    /// 关机: the phone stayed off through the plan's run of attempts.
    case poweredOff = "powered_off"
    /// 无法接通 / 不在服务区, through the plan's run of attempts.
    case unreachable
    /// 呼入限制: the number bars our caller ID.
    case barred
    /// 座席判定: an agent's disposition in the `invalid_number` category (a fax line, not the
    /// customer's number) on a call that was answered.
    case disposition
    /// 未记原因: a call that ended invalid without a recorded cause (before waihu kept causes,
    /// or an event file from elsewhere).
    case unspecified

    /// The breakdown slot of a call that showed the number invalid, by the call's cause.
    public init(call cause: CallCause?) {
        self = Self.allCases.first { $0.callCause != nil && $0.callCause == cause } ?? .unspecified
    }

    /// The stored call causes that land in this slot, for queries that select by stored value;
    /// `unspecified` also takes calls without a cause, `disposition` no call at all.
    public var callCauses: [CallCause] {
        CallCause.allCases.filter { self != .disposition && InvalidLeadCause(call: $0) == self }
    }

    /// The call cause this slot is named after; nil for the two slots no call cause names.
    public var callCause: CallCause? {
        switch self {
        case .vacant: return .vacant
        case .suspended: return .suspended
        case .numberChanged: return .numberChanged
        case .poweredOff: return .poweredOff
        case .unreachable: return .unreachable
        case .barred: return .barred
        case .disposition, .unspecified: return nil
        }
    }

    /// The call cause's own name (one home for 空号, 停机 …), or the slot's.
    public var chineseName: String {
        switch self {
        case .disposition: return "座席判定"
        case .unspecified: return "未记原因"
        default: return callCause?.chineseName ?? rawValue
        }
    }

    public var englishName: String {
        switch self {
        case .disposition: return "Agent's disposition"
        case .unspecified: return "No cause recorded"
        default: return callCause?.englishName ?? rawValue
        }
    }
}
