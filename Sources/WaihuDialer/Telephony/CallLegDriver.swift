import NIOCore
import WaihuSIP

/// The engine's loop-confined handle on one leg: its SIP state machine, where its
/// requests go, its timer and the transactions it started.
final class CallLegDriver {
    var machine: CallLegStateMachine
    /// The next hop for every request of this leg: the trunk, or the phone's binding.
    /// In-dialog requests go there too (the trunk is the outbound proxy), which is what
    /// works behind NAT and with trunks whose Contact names a private address.
    let destination: SIPEndpoint
    let sipEvents: AsyncStream<CallLegSIPEvent>.Continuation
    let rtpPort: Int
    var timer: Scheduled<Void>?
    var transactions: Set<SIPTransactionKey> = []

    init(machine: CallLegStateMachine, destination: SIPEndpoint, sipEvents: AsyncStream<CallLegSIPEvent>.Continuation,
         rtpPort: Int) {
        self.machine = machine
        self.destination = destination
        self.sipEvents = sipEvents
        self.rtpPort = rtpPort
    }
}
