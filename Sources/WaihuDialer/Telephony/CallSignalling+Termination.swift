import WaihuDomain
import WaihuSIP

extension CallSignalling {
    /// How a call leg's SIP side ended, for `CallProgressRule`; `q850` from the refusing
    /// response's Reason header. A CANCEL of ours, whatever crossed it, is `cancelledByUs`:
    /// the audio (or whoever hung up) already said why.
    public init(_ termination: CallLegTermination, q850: Int?) {
        switch termination {
        case .remoteHangUp, .localHangUp: self = .answered
        case .declined(let status): self = .declined(status: status, q850: q850)
        case .ringTimeout: self = .ringTimeout
        case .cancelled: self = .cancelledByUs
        case .noResponse: self = .noResponse
        case .transportError: self = .transportError
        }
    }
}
