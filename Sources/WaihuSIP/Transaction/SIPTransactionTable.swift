/// The transaction layer as a value (RFC 3261 §17): matches incoming messages to
/// transactions by branch, creates server transactions for new requests, handles
/// CANCEL (§9.2), and turns every transaction action into an `Event` for the I/O shell,
/// which sends datagrams, runs timers and calls the transaction user.
public struct SIPTransactionTable: Sendable {
    public enum Event: Sendable, Equatable {
        case send(SIPOutbound)
        case startTimer(SIPTransactionKey, SIPTimer, Duration)
        case cancelTimer(SIPTransactionKey, SIPTimer)
        /// A response for a client transaction the TU started.
        case response(SIPResponse, SIPTransactionKey)
        /// A new request for the TU; answer it with `respond(_:to:)` using `key`.
        case request(SIPRequest, source: SIPEndpoint, key: SIPTransactionKey)
        /// A message that belongs to a dialog, not a transaction: the ACK for a 2xx, or a
        /// 2xx retransmitted after its INVITE transaction ended (the TU re-sends its ACK).
        case dialogMessage(SIPInbound)
        /// The peer cancelled a pending INVITE: the TU stops ringing and answers it 487.
        case cancelled(invite: SIPTransactionKey)
        case timeout(SIPTransactionKey)
        case transportError(SIPTransactionKey)
    }

    public let timers: SIPTimerConfiguration
    private var transactions: [SIPTransactionKey: SIPTransaction] = [:]
    /// Where each transaction's messages go: the next hop (client) or the request's source (server).
    private var peers: [SIPTransactionKey: SIPEndpoint] = [:]

    public init(timers: SIPTimerConfiguration = .udp) {
        self.timers = timers
    }

    public var count: Int { transactions.count }

    public func transaction(_ key: SIPTransactionKey) -> SIPTransaction? { transactions[key] }

    // MARK: TU → network

    /// Starts a client transaction for `request` toward `destination`. The request's
    /// top Via must carry a fresh branch (`SIPIdentifiers.branch()`).
    public mutating func send(_ request: SIPRequest, to destination: SIPEndpoint) -> [Event] {
        guard let key = SIPTransactionKey.client(for: request) else { return [] }
        if request.method == .ack {
            // An ACK for a 2xx is not a transaction (§17.1.1.3): just send it.
            return [.send(SIPOutbound(message: .request(request), destination: destination))]
        }
        peers[key] = destination
        var transaction: SIPTransaction
        let actions: [SIPTransactionAction]
        if request.method == .invite {
            var t = InviteClientTransaction(request: request, timers: timers)
            actions = t.start()
            transaction = .inviteClient(t)
        } else {
            var t = NonInviteClientTransaction(request: request, timers: timers)
            actions = t.start()
            transaction = .nonInviteClient(t)
        }
        transactions[key] = transaction
        return events(for: actions, key: key, source: nil)
    }

    /// Sends the TU's response through the server transaction `key`.
    public mutating func respond(_ response: SIPResponse, to key: SIPTransactionKey) -> [Event] {
        guard let transaction = transactions[key] else { return [] }
        let actions: [SIPTransactionAction]
        switch transaction {
        case .inviteServer(var t):
            actions = t.send(response)
            transactions[key] = .inviteServer(t)
        case .nonInviteServer(var t):
            actions = t.send(response)
            transactions[key] = .nonInviteServer(t)
        default:
            return []
        }
        return events(for: actions, key: key, source: nil)
    }

    // MARK: Network → TU

    public mutating func receive(_ inbound: SIPInbound) -> [Event] {
        switch inbound.message {
        case .response(let response):
            guard let key = SIPTransactionKey.client(for: response), let transaction = transactions[key] else {
                // Stray responses: 2xx to INVITE go to the dialog layer, the rest are dropped (§18.1.2).
                if response.isSuccess, response.cseq?.method == .invite { return [.dialogMessage(inbound)] }
                return []
            }
            let actions: [SIPTransactionAction]
            switch transaction {
            case .inviteClient(var t):
                actions = t.receive(response)
                transactions[key] = .inviteClient(t)
            case .nonInviteClient(var t):
                actions = t.receive(response)
                transactions[key] = .nonInviteClient(t)
            default:
                return []
            }
            return events(for: actions, key: key, source: nil)

        case .request(let request):
            guard let key = SIPTransactionKey.server(for: request) else {
                // No RFC 3261 branch: answer 400 rather than guess at RFC 2543 matching.
                if request.method == .ack { return [] }
                return [.send(.response(SIPResponse(replyingTo: request, statusCode: 400,
                                                    reasonPhrase: "Bad Request - Via branch lacks z9hG4bK"),
                                        fallback: inbound.source))]
            }
            if let existing = transactions[key] {
                return retransmission(request, of: existing, key: key, source: inbound.source)
            }
            if request.method == .ack {
                return [.dialogMessage(inbound)]
            }
            peers[key] = inbound.source
            if request.method == .invite {
                var t = InviteServerTransaction(request: request, timers: timers)
                let actions = t.start()
                transactions[key] = .inviteServer(t)
                return events(for: actions, key: key, source: inbound.source)
            }
            var t = NonInviteServerTransaction(request: request, timers: timers)
            let actions = t.start()
            transactions[key] = .nonInviteServer(t)
            if request.method == .cancel {
                return events(for: actions, key: key, source: inbound.source, suppressPass: true)
                    + cancel(request, cancelKey: key)
            }
            return events(for: actions, key: key, source: inbound.source)
        }
    }

    public mutating func timerFired(_ timer: SIPTimer, for key: SIPTransactionKey) -> [Event] {
        guard var transaction = transactions[key] else { return [] }
        let actions = transaction.timerFired(timer)
        transactions[key] = transaction
        return events(for: actions, key: key, source: nil)
    }

    /// Forgets a client transaction the TU has given up on, e.g. an INVITE still
    /// proceeding 64·T1 after its CANCEL (§9.1). The shell cancels its timers.
    public mutating func abandon(_ key: SIPTransactionKey) {
        transactions[key] = nil
        peers[key] = nil
    }

    public mutating func transportError(for key: SIPTransactionKey) -> [Event] {
        guard var transaction = transactions[key] else { return [] }
        let actions = transaction.transportError()
        transactions[key] = transaction
        return events(for: actions, key: key, source: nil)
    }

    // MARK: Helpers

    private mutating func retransmission(_ request: SIPRequest, of transaction: SIPTransaction,
                                         key: SIPTransactionKey, source: SIPEndpoint) -> [Event] {
        let actions: [SIPTransactionAction]
        switch transaction {
        case .inviteServer(var t):
            actions = t.receive(request)
            transactions[key] = .inviteServer(t)
        case .nonInviteServer(var t):
            actions = t.receive(request)
            transactions[key] = .nonInviteServer(t)
        default:
            return []
        }
        return events(for: actions, key: key, source: source)
    }

    /// CANCEL (§9.2): 200 for the CANCEL itself, and the TU told to end the INVITE with
    /// 487; 481 when no pending INVITE matches.
    private mutating func cancel(_ request: SIPRequest, cancelKey: SIPTransactionKey) -> [Event] {
        let inviteKey = SIPTransactionKey(branch: cancelKey.branch, sentBy: cancelKey.sentBy, method: .invite)
        guard case .inviteServer(let invite)? = transactions[inviteKey], invite.state == .proceeding else {
            return respond(SIPResponse(replyingTo: request, statusCode: 481), to: cancelKey)
        }
        return respond(SIPResponse(replyingTo: request, statusCode: 200), to: cancelKey) + [.cancelled(invite: inviteKey)]
    }

    private mutating func events(for actions: [SIPTransactionAction], key: SIPTransactionKey,
                                 source: SIPEndpoint?, suppressPass: Bool = false) -> [Event] {
        var result: [Event] = []
        let peer = peers[key] ?? source
        for action in actions {
            switch action {
            case .sendRequest(let request):
                if let peer { result.append(.send(SIPOutbound(message: .request(request), destination: peer))) }
            case .sendResponse(let response):
                if let peer { result.append(.send(.response(response, fallback: peer))) }
            case .startTimer(let timer, let duration):
                result.append(.startTimer(key, timer, duration))
            case .cancelTimer(let timer):
                result.append(.cancelTimer(key, timer))
            case .passResponse(let response):
                result.append(.response(response, key))
            case .passRequest(let request):
                if suppressPass { continue }
                if request.method == .ack, let peer {
                    result.append(.dialogMessage(SIPInbound(message: .request(request), source: source ?? peer)))
                } else if let peer {
                    result.append(.request(request, source: source ?? peer, key: key))
                }
            case .reportTimeout:
                result.append(.timeout(key))
            case .reportTransportError:
                result.append(.transportError(key))
            case .terminate:
                transactions[key] = nil
                peers[key] = nil
            }
        }
        return result
    }
}
