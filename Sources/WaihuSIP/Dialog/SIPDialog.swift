/// A dialog (RFC 3261 §12): the peer-to-peer relationship an INVITE creates, from
/// either side. Builds in-dialog requests with the right CSeq, tags and route set, and
/// checks incoming ones for order.
public struct SIPDialog: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case early, confirmed, terminated
    }

    public struct ID: Sendable, Hashable {
        public var callID: String
        public var localTag: String
        public var remoteTag: String
    }

    /// What the dialog made of an incoming in-dialog request.
    public enum RequestCheck: Sendable, Equatable {
        case accept
        /// Lower CSeq than the last one seen: answer 500 (§12.2.2).
        case rejectOutOfOrder
    }

    public private(set) var state: State
    public let callID: String
    public let localTag: String
    public private(set) var remoteTag: String
    /// Our From (UAC) or To (UAS), without tag.
    public let localURI: SIPURI
    public let remoteURI: SIPURI
    /// Where in-dialog requests go: the peer's Contact.
    public private(set) var remoteTarget: SIPURI
    public private(set) var routeSet: [SIPAddress]
    public private(set) var localSequence: UInt32
    public private(set) var remoteSequence: UInt32?
    /// Our Contact, repeated in target-refresh requests.
    public var localContact: SIPURI

    public var id: ID { ID(callID: callID, localTag: localTag, remoteTag: remoteTag) }

    /// UAC side, from the INVITE we sent and a response carrying a To tag: 1xx gives an
    /// early dialog, 2xx a confirmed one. `nil` when the response cannot make a dialog.
    public init?(sentInvite invite: SIPRequest, response: SIPResponse, localContact: SIPURI) {
        guard (101..<300).contains(response.statusCode),
              let callID = invite.callID, let from = invite.from, let localTag = from.tag,
              let to = response.to, let remoteTag = to.tag,
              let cseq = invite.cseq else { return nil }
        self.state = response.isSuccess ? .confirmed : .early
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
        self.localURI = from.uri
        self.remoteURI = to.uri
        self.remoteTarget = response.contacts.first?.uri ?? invite.uri
        // The UAC reverses Record-Route (§12.1.2).
        self.routeSet = response.recordRoutes.reversed()
        self.localSequence = cseq.number
        self.remoteSequence = nil
        self.localContact = localContact
    }

    /// UAS side, from an INVITE received and the tag we put in our To.
    public init?(receivedInvite invite: SIPRequest, localTag: String, localContact: SIPURI, confirmed: Bool = false) {
        guard let callID = invite.callID, let from = invite.from, let remoteTag = from.tag,
              let to = invite.to, let cseq = invite.cseq, let contact = invite.contacts.first else { return nil }
        self.state = confirmed ? .confirmed : .early
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
        self.localURI = to.uri
        self.remoteURI = from.uri
        self.remoteTarget = contact.uri
        self.routeSet = invite.recordRoutes
        // Our own requests start from a fresh random CSeq (§12.1.1 leaves it free).
        self.localSequence = UInt32.random(in: 1...0x7FFF_FFFF)
        self.remoteSequence = cseq.number
        self.localContact = localContact
    }

    /// A response within the dialog as UAC: 2xx to INVITE confirms it and recomputes
    /// the route set (§13.2.2.4); a Contact refreshes the remote target.
    public mutating func receive(_ response: SIPResponse) {
        guard state != .terminated, let cseq = response.cseq else { return }
        if let contact = response.contacts.first, response.isSuccess || cseq.method == .invite {
            remoteTarget = contact.uri
        }
        if cseq.method == .invite && response.isSuccess && state == .early {
            state = .confirmed
            routeSet = response.recordRoutes.reversed()
        }
        if cseq.method == .invite && response.statusCode >= 300 && state == .early {
            state = .terminated
        }
        if cseq.method == .bye && response.isFinal {
            state = .terminated
        }
    }

    /// An in-dialog request from the peer.
    public mutating func receive(_ request: SIPRequest) -> RequestCheck {
        guard let cseq = request.cseq else { return .rejectOutOfOrder }
        // ACK and CANCEL reuse the INVITE's number, so they do not advance the count.
        if request.method != .ack && request.method != .cancel {
            if let last = remoteSequence, cseq.number <= last { return .rejectOutOfOrder }
            remoteSequence = cseq.number
        }
        switch request.method {
        case .bye:
            state = .terminated
        case .invite, .update:
            if let contact = request.contacts.first { remoteTarget = contact.uri }
        case .ack:
            if state == .early { state = .confirmed }
        default:
            break
        }
        return .accept
    }

    /// Marks the dialog confirmed (UAS, once its 2xx is sent).
    public mutating func confirm() {
        if state == .early { state = .confirmed }
    }

    public mutating func terminate() { state = .terminated }

    /// A new in-dialog request (BYE, re-INVITE, INFO…) with the next CSeq (§12.2.1.1).
    /// `via` is the sender's own hop with a fresh branch.
    public mutating func makeRequest(_ method: SIPMethod, via: Via) -> SIPRequest {
        localSequence &+= 1
        return buildRequest(method, cseq: localSequence, via: via)
    }

    /// The ACK for a 2xx to our INVITE: same CSeq number as that INVITE, its own
    /// branch, sent end-to-end along the route set (§13.2.2.4).
    public func makeAck(inviteSequence: UInt32, via: Via) -> SIPRequest {
        buildRequest(.ack, cseq: inviteSequence, via: via)
    }

    private func buildRequest(_ method: SIPMethod, cseq: UInt32, via: Via) -> SIPRequest {
        let target = requestTarget()
        var headers = SIPHeaders()
        headers.add("Via", via.description)
        headers.add("Max-Forwards", "70")
        headers.add("From", SIPAddress(uri: localURI, parameters: tagParameter(localTag)).description)
        headers.add("To", SIPAddress(uri: remoteURI, parameters: tagParameter(remoteTag)).description)
        headers.add("Call-ID", callID)
        headers.add("CSeq", CSeq(cseq, method).description)
        for route in target.routes { headers.add("Route", route.description) }
        if method == .invite || method == .update {
            headers.add("Contact", SIPAddress(uri: localContact).description)
        }
        return SIPRequest(method: method, uri: target.uri, headers: headers)
    }

    /// Request-URI and Route headers (§12.2.1.1): loose routing when the first route
    /// has `lr`, else the strict-routing form with the remote target appended.
    func requestTarget() -> (uri: SIPURI, routes: [SIPAddress]) {
        guard let first = routeSet.first else { return (remoteTarget, []) }
        if first.uri.parameters.contains("lr") {
            return (remoteTarget, routeSet)
        }
        var uri = first.uri
        uri.parameters.remove("method")
        return (uri, Array(routeSet.dropFirst()) + [SIPAddress(uri: remoteTarget)])
    }

    private func tagParameter(_ tag: String) -> SIPParameters {
        var parameters = SIPParameters()
        parameters.set("tag", tag)
        return parameters
    }
}
