/// Any of the four transaction kinds, so one table can hold them all.
public enum SIPTransaction: Sendable {
    case inviteClient(InviteClientTransaction)
    case nonInviteClient(NonInviteClientTransaction)
    case inviteServer(InviteServerTransaction)
    case nonInviteServer(NonInviteServerTransaction)

    var isTerminated: Bool {
        switch self {
        case .inviteClient(let t): return t.state == .terminated
        case .nonInviteClient(let t): return t.state == .terminated
        case .inviteServer(let t): return t.state == .terminated
        case .nonInviteServer(let t): return t.state == .terminated
        }
    }

    mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch self {
        case .inviteClient(var t): defer { self = .inviteClient(t) }; return t.timerFired(timer)
        case .nonInviteClient(var t): defer { self = .nonInviteClient(t) }; return t.timerFired(timer)
        case .inviteServer(var t): defer { self = .inviteServer(t) }; return t.timerFired(timer)
        case .nonInviteServer(var t): defer { self = .nonInviteServer(t) }; return t.timerFired(timer)
        }
    }

    mutating func transportError() -> [SIPTransactionAction] {
        switch self {
        case .inviteClient(var t): defer { self = .inviteClient(t) }; return t.transportError()
        case .nonInviteClient(var t): defer { self = .nonInviteClient(t) }; return t.transportError()
        case .inviteServer(var t): defer { self = .inviteServer(t) }; return t.transportError()
        case .nonInviteServer(var t): defer { self = .nonInviteServer(t) }; return t.transportError()
        }
    }
}
