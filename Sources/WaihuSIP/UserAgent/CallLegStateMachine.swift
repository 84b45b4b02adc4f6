/// The SIP side of one outbound call leg (外呼), as a value: INVITE out, ringing, digest
/// retry, answer and ACK, ring timeout and CANCEL, BYE from either side. Every event
/// returns the actions its owner performs, so the whole call flow is testable without
/// sockets. Transactions (retransmissions, the ACK for non-2xx) stay in
/// `SIPTransactionTable`; this is the transaction user (RFC 3261 §13, §15).
public struct CallLegStateMachine: Sendable {
    public enum State: Sendable, Equatable {
        case idle
        /// INVITE sent, nothing heard yet.
        case calling
        /// A provisional response arrived; a CANCEL may now be sent (§9.1).
        case proceeding
        case confirmed
        /// CANCEL sent; waiting for the INVITE's final response (487, or a crossing 2xx).
        case cancelling
        /// BYE sent; waiting for its response.
        case terminating
        case ended(CallLegTermination)
    }

    /// Why we want the INVITE cancelled once a provisional response allows it.
    enum CancelReason: Sendable, Equatable { case ringTimeout, hangUp }

    public private(set) var state: State = .idle
    /// The INVITE now in progress (the retry with credentials after a 401/407).
    public private(set) var invite: SIPRequest
    public private(set) var dialog: SIPDialog?
    /// The Q.850 cause in the `Reason` header of the final response that refused the
    /// INVITE, if it had one: the dialer reads a number's fate from it.
    public private(set) var q850Cause: Int?
    public let ringTimeout: Duration
    /// How long to wait for the 487 after a CANCEL before giving the leg up (64·T1).
    public let cancelGuard: Duration
    private let credentials: DigestCredentials?
    private let localHost: String
    private let localPort: Int
    private let localContact: SIPURI
    private var authenticated = false
    private var cancelWanted: CancelReason?
    private var ack: SIPRequest?
    /// What ends the leg once the BYE we sent is answered.
    private var pendingTermination: CallLegTermination = .localHangUp

    /// `invite` is a complete out-of-dialog INVITE with our SDP offer (see
    /// `SIPRequest.outOfDialog`); `localHost`/`localPort` go into the Via of our BYE,
    /// CANCEL and ACK; `credentials` answer one 401/407 from the trunk.
    public init(invite: SIPRequest, localHost: String, localPort: Int, localContact: SIPURI,
                credentials: DigestCredentials? = nil, ringTimeout: Duration = .seconds(30),
                cancelGuard: Duration = .seconds(32)) {
        self.invite = invite
        self.localHost = localHost
        self.localPort = localPort
        self.localContact = localContact
        self.credentials = credentials
        self.ringTimeout = ringTimeout
        self.cancelGuard = cancelGuard
    }

    public var callID: String { invite.callID ?? "" }

    public var isEnded: Bool {
        if case .ended = state { return true }
        return false
    }

    // MARK: Events

    public mutating func start() -> [CallLegAction] {
        guard state == .idle else { return [] }
        state = .calling
        return [.sendRequest(invite), .startTimer(ringTimeout)]
    }

    /// A response from a client transaction this leg started, or a 2xx retransmission
    /// that the transaction layer passed on as a dialog message.
    public mutating func receive(_ response: SIPResponse) -> [CallLegAction] {
        guard let cseq = response.cseq else { return [] }
        switch cseq.method {
        case .invite:
            return receiveInviteResponse(response, sequence: cseq.number)
        case .bye:
            guard state == .terminating, response.isFinal else { return [] }
            return end(pendingTermination)
        default:
            // 200 to our CANCEL says nothing about the INVITE; its 487 will.
            return []
        }
    }

    /// A request within the dialog (BYE, re-INVITE, INFO, OPTIONS), with the key of its
    /// server transaction for the answer.
    public mutating func receive(_ request: SIPRequest, key: SIPTransactionKey) -> [CallLegAction] {
        if request.method == .ack { return [] }
        guard var dialog, request.to?.tag == dialog.localTag, request.from?.tag == dialog.remoteTag else {
            return [.respond(SIPResponse(replyingTo: request, statusCode: 481), key)]
        }
        guard dialog.receive(request) == .accept else {
            return [.respond(SIPResponse(replyingTo: request, statusCode: 500, reasonPhrase: "Server Internal Error - CSeq out of order"), key)]
        }
        self.dialog = dialog
        switch request.method {
        case .bye:
            let ok = SIPResponse(replyingTo: request, statusCode: 200)
            switch state {
            case .confirmed, .proceeding, .calling:
                let termination: CallLegTermination = state == .confirmed ? .remoteHangUp : .declined(status: 487)
                return [.respond(ok, key)] + end(termination)
            case .terminating:
                // Both sides hung up at once: answer theirs, end without waiting for ours.
                return [.respond(ok, key)] + end(pendingTermination)
            default:
                return [.respond(ok, key)]
            }
        case .invite where state == .confirmed:
            // A session refresh or hold from the far end: keep our side as it was.
            var ok = SIPResponse(replyingTo: request, statusCode: 200)
            ok.headers.add("Contact", SIPAddress(uri: localContact).description)
            if !invite.body.isEmpty {
                ok.headers.add("Content-Type", "application/sdp")
                ok.body = invite.body
            }
            return [.respond(ok, key)]
        case .info, .options, .update, .notify:
            return [.respond(SIPResponse(replyingTo: request, statusCode: 200), key)]
        default:
            return [.respond(SIPResponse(replyingTo: request, statusCode: 501), key)]
        }
    }

    /// The leg's timer fired: the ring timeout while ringing, or the CANCEL guard.
    public mutating func timerFired() -> [CallLegAction] {
        switch state {
        case .calling:
            // No provisional yet, so no CANCEL allowed (§9.1): send it when one arrives,
            // and give the INVITE the guard time to produce anything at all.
            if cancelWanted != nil { return end(cancelWanted == .hangUp ? .cancelled(status: nil) : .noResponse) }
            cancelWanted = .ringTimeout
            return [.startTimer(cancelGuard)]
        case .proceeding:
            cancelWanted = .ringTimeout
            return sendCancel()
        case .cancelling:
            // The 487 never came; the INVITE transaction is as good as gone.
            return end(cancelWanted == .hangUp ? .cancelled(status: nil) : .ringTimeout(status: nil))
        default:
            return []
        }
    }

    /// We hang up: BYE when answered, CANCEL while ringing.
    public mutating func hangUp() -> [CallLegAction] {
        switch state {
        case .idle:
            return end(.cancelled(status: nil))
        case .calling:
            cancelWanted = .hangUp
            return [.startTimer(cancelGuard)]
        case .proceeding:
            cancelWanted = .hangUp
            return sendCancel()
        case .confirmed:
            return sendBye(then: .localHangUp)
        case .cancelling:
            if cancelWanted == .ringTimeout { cancelWanted = .hangUp }
            return []
        case .terminating, .ended:
            return []
        }
    }

    /// A client transaction of this leg timed out (timer B/F) or could not be sent.
    public mutating func transactionFailed(method: SIPMethod, transportError: Bool) -> [CallLegAction] {
        switch (method, state) {
        case (.invite, .calling):
            // Not even a 100 Trying: the trunk is unreachable, whatever our ring timer said.
            if cancelWanted == .hangUp { return end(.cancelled(status: nil)) }
            return end(transportError ? .transportError : .noResponse)
        case (.invite, .proceeding):
            if let reason = cancelWanted {
                return end(reason == .hangUp ? .cancelled(status: nil) : .ringTimeout(status: nil))
            }
            return end(transportError ? .transportError : .noResponse)
        case (.invite, .cancelling):
            return end(cancelWanted == .hangUp ? .cancelled(status: nil) : .ringTimeout(status: nil))
        case (.bye, .terminating):
            return end(pendingTermination)
        default:
            return []
        }
    }

    // MARK: INVITE responses

    private mutating func receiveInviteResponse(_ response: SIPResponse, sequence: UInt32) -> [CallLegAction] {
        if response.isSuccess {
            return receiveSuccess(response)
        }
        // Responses to the INVITE we replaced after a challenge are stale.
        guard sequence == invite.cseq?.number else { return [] }
        switch state {
        case .calling, .proceeding, .cancelling:
            break
        default:
            return []
        }
        if response.isProvisional {
            return receiveProvisional(response)
        }
        if (response.statusCode == 401 || response.statusCode == 407), !authenticated, cancelWanted == nil,
           let credentials, let retry = try? credentials.authorize(invite, after: response) {
            authenticated = true
            invite = retry
            state = .calling
            return [.sendRequest(retry)]
        }
        let status = response.statusCode
        q850Cause = SIPReason.q850Cause(in: response.headers)
        switch cancelWanted {
        case .ringTimeout?: return end(.ringTimeout(status: status))
        case .hangUp?: return end(.cancelled(status: status))
        case nil: return end(.declined(status: status))
        }
    }

    private mutating func receiveProvisional(_ response: SIPResponse) -> [CallLegAction] {
        var actions: [CallLegAction] = []
        if dialog == nil, response.to?.tag != nil {
            dialog = SIPDialog(sentInvite: invite, response: response, localContact: localContact)
        }
        if state == .calling {
            state = .proceeding
            if cancelWanted != nil { return sendCancel() }
        }
        if state == .proceeding, response.statusCode != 100 {
            actions.append(.ringing(response))
        }
        return actions
    }

    private mutating func receiveSuccess(_ response: SIPResponse) -> [CallLegAction] {
        switch state {
        case .calling, .proceeding, .cancelling:
            guard response.cseq?.number == invite.cseq?.number,
                  var confirmed = dialog.flatMap({ $0.remoteTag == response.to?.tag ? $0 : nil })
                    ?? SIPDialog(sentInvite: invite, response: response, localContact: localContact) else { return [] }
            confirmed.receive(response)
            dialog = confirmed
            let ack = confirmed.makeAck(inviteSequence: invite.cseq?.number ?? 1, via: freshVia())
            self.ack = ack
            if let reason = cancelWanted {
                // The answer crossed our CANCEL: the call exists, so ACK it and BYE at once.
                return [.sendAck(ack)] + sendBye(then: reason == .hangUp ? .cancelled(status: 200) : .ringTimeout(status: 200))
            }
            state = .confirmed
            return [.cancelTimer, .sendAck(ack), .answered(response)]
        case .confirmed, .terminating:
            // A retransmitted 2xx: our ACK was lost, send it again (§13.2.2.4).
            return ack.map { [.sendAck($0)] } ?? []
        default:
            return []
        }
    }

    // MARK: Helpers

    private mutating func sendCancel() -> [CallLegAction] {
        state = .cancelling
        return [.sendRequest(invite.makeCancel()), .startTimer(cancelGuard)]
    }

    private mutating func sendBye(then termination: CallLegTermination) -> [CallLegAction] {
        guard var dialog else { return end(termination) }
        let bye = dialog.makeRequest(.bye, via: freshVia())
        self.dialog = dialog
        pendingTermination = termination
        state = .terminating
        return [.cancelTimer, .sendRequest(bye)]
    }

    private mutating func end(_ termination: CallLegTermination) -> [CallLegAction] {
        state = .ended(termination)
        dialog?.terminate()
        return [.cancelTimer, .ended(termination)]
    }

    private func freshVia() -> Via {
        Via(host: localHost, port: localPort, branch: SIPIdentifiers.branch())
    }
}
