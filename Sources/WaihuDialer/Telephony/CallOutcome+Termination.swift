import WaihuDomain
import WaihuSIP

extension CallOutcome {
    /// The network outcome of a call leg (呼叫结果) from how its SIP side ended.
    /// Busy: 486/600. No answer: our ring timeout or the network's (408, 480, 487).
    /// Failed: our own or the network's fault (3xx not followed, 401/407 after our
    /// credentials, 488, 5xx, no response). Rejected: any other refusal (403, 404, 603…).
    public init(_ termination: CallLegTermination) {
        switch termination {
        case .remoteHangUp, .localHangUp:
            self = .answered
        case .ringTimeout, .cancelled:
            self = .noAnswer
        case .noResponse, .transportError:
            self = .failed
        case .declined(let status):
            switch status {
            case 486, 600: self = .busy
            case 408, 480, 487: self = .noAnswer
            case 300..<400, 401, 407, 488, 500..<600, 606: self = .failed
            default: self = .rejected
            }
        }
    }
}
