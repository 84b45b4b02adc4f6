/// The SIP request methods waihu speaks (RFC 3261 subset). Unknown methods are kept
/// by name so that a server can answer them 405/501 instead of dropping them.
public enum SIPMethod: Hashable, Sendable, CustomStringConvertible {
    case invite, ack, bye, cancel, register, options, info, notify, subscribe, refer, update, prack, message
    case other(String)

    public init(_ token: String) {
        switch token.uppercased() {
        case "INVITE": self = .invite
        case "ACK": self = .ack
        case "BYE": self = .bye
        case "CANCEL": self = .cancel
        case "REGISTER": self = .register
        case "OPTIONS": self = .options
        case "INFO": self = .info
        case "NOTIFY": self = .notify
        case "SUBSCRIBE": self = .subscribe
        case "REFER": self = .refer
        case "UPDATE": self = .update
        case "PRACK": self = .prack
        case "MESSAGE": self = .message
        default: self = .other(token)
        }
    }

    public var description: String {
        switch self {
        case .invite: return "INVITE"
        case .ack: return "ACK"
        case .bye: return "BYE"
        case .cancel: return "CANCEL"
        case .register: return "REGISTER"
        case .options: return "OPTIONS"
        case .info: return "INFO"
        case .notify: return "NOTIFY"
        case .subscribe: return "SUBSCRIBE"
        case .refer: return "REFER"
        case .update: return "UPDATE"
        case .prack: return "PRACK"
        case .message: return "MESSAGE"
        case .other(let token): return token
        }
    }
}
