import Foundation
import NIOCore
import WaihuMedia
import WaihuSIP

/// The engine's state on its SIP event loop (and only there): the calls by Call-ID,
/// which transactions belong to which call, the RTP port allocator, the registrar and
/// the counters. SIP events arrive here in order from `SIPTransactionLayer`; each call's
/// state machine turns them into actions that this class performs.
final class TelephonyEngineCore {
    let configuration: TelephonyConfiguration
    let loop: EventLoop
    let box: NIOLoopBoundBox<TelephonyEngineCore?>
    var layer: SIPTransactionLayer?
    var legs: [String: CallLegDriver] = [:]
    var transactionOwners: [SIPTransactionKey: String] = [:]
    var ports: RTPPortAllocator
    /// Legs whose RTP session is bound and not yet closed.
    var mediaLegs = 0
    var counters = TelephonyCounters()
    // Phones (坐席话机) registering to waihu.
    var registrar = Registrar()
    var throttle: RegistrationThrottle
    let authenticator: DigestAuthenticator
    let phones: PhoneDirectory?
    let onRegistrationChange: @Sendable (PhoneRegistration) -> Void

    init(configuration: TelephonyConfiguration, loop: EventLoop, box: NIOLoopBoundBox<TelephonyEngineCore?>,
         phones: PhoneDirectory?, onRegistrationChange: @escaping @Sendable (PhoneRegistration) -> Void) {
        self.configuration = configuration
        self.loop = loop
        self.box = box
        self.ports = RTPPortAllocator(range: configuration.rtpPorts)
        self.throttle = configuration.registrationThrottle
        self.authenticator = DigestAuthenticator(realm: configuration.realm, secret: configuration.nonceSecret)
        self.phones = phones
        self.onRegistrationChange = onRegistrationChange
    }

    var localEndpoint: SIPEndpoint {
        layer?.localEndpoint ?? SIPEndpoint(host: configuration.host, port: configuration.sipPort)
    }

    // MARK: Calls

    func allocatePort() -> Int? {
        let port = ports.allocate()
        if port != nil { mediaLegs += 1 }
        return port
    }

    func releasePort(_ port: Int) {
        ports.release(port)
        mediaLegs -= 1
    }

    func start(_ driver: CallLegDriver) {
        legs[driver.machine.callID] = driver
        counters.callsPlaced += 1
        perform(driver.machine.start(), for: driver)
    }

    func hangUp(callID: String) {
        guard let driver = legs[callID] else { return }
        perform(driver.machine.hangUp(), for: driver)
    }

    /// Where a phone extension is registered now.
    func binding(forExtension phoneExtension: String) -> RegistrarBinding? {
        let now = Date()
        registrar.removeExpired(now: now)
        for (aor, _) in registrar.bindings where aor.hasPrefix(phoneExtension + "@") {
            if let binding = registrar.bindings(for: aor, now: now).first { return binding }
        }
        return nil
    }

    func snapshot() -> TelephonyCounters {
        var result = counters
        result.activeCalls = legs.count
        result.rtpPortsInUse = ports.allocatedCount
        if let decoder = try? layer?.transport.channel.pipeline.syncOperations.handler(type: SIPMessageDecoder.self) {
            result.malformedAnswered = decoder.answeredCount
            result.malformedDropped = decoder.droppedCount
        }
        return result
    }

    // MARK: SIP events

    func handle(_ event: SIPTransactionTable.Event) {
        switch event {
        case .response(let response, _):
            guard let callID = response.callID, let driver = legs[callID] else { return }
            perform(driver.machine.receive(response), for: driver)
        case .request(let request, let source, let key):
            receive(request, source: source, key: key)
        case .dialogMessage(let inbound):
            // A 2xx retransmitted after its transaction ended gets its ACK again; ACKs
            // for our own 2xx do not occur (waihu answers no INVITE).
            guard case .response(let response) = inbound.message, let callID = response.callID,
                  let driver = legs[callID] else { return }
            perform(driver.machine.receive(response), for: driver)
        case .timeout(let key), .transportError(let key):
            let transportError: Bool
            if case .transportError = event { transportError = true } else { transportError = false }
            guard let callID = transactionOwners.removeValue(forKey: key), let driver = legs[callID] else { return }
            driver.transactions.remove(key)
            perform(driver.machine.transactionFailed(method: key.method, transportError: transportError), for: driver)
        case .cancelled, .send, .startTimer, .cancelTimer:
            break
        }
    }

    private func receive(_ request: SIPRequest, source: SIPEndpoint, key: SIPTransactionKey) {
        if request.to?.tag != nil {
            guard let callID = request.callID, let driver = legs[callID] else {
                counters.unknownDialog += 1
                layer?.respond(SIPResponse(replyingTo: request, statusCode: 481), to: key)
                return
            }
            perform(driver.machine.receive(request, key: key), for: driver)
            return
        }
        switch request.method {
        case .register:
            register(request, source: source, key: key)
        case .invite where isTrusted(source):
            // Calls into waihu (call-backs, phones dialling out) are not served yet.
            layer?.respond(SIPResponse(replyingTo: request, statusCode: 480,
                                       reasonPhrase: "Temporarily Unavailable - inbound calls are not supported",
                                       toTag: SIPIdentifiers.tag()), to: key)
        case _ where isTrusted(source):
            var response = SIPResponse(replyingTo: request, statusCode: 405, toTag: SIPIdentifiers.tag())
            response.headers.add("Allow", OptionsResponder.allow)
            layer?.respond(response, to: key)
        default:
            // No open relay: strangers get nothing but a refusal, sent to the packet's source.
            forbid(request, key: key, reason: "unknown source")
        }
    }

    func forbid(_ request: SIPRequest, key: SIPTransactionKey, reason: String) {
        counters.forbidden += 1
        layer?.respond(SIPResponse(replyingTo: request, statusCode: 403, reasonPhrase: "Forbidden - \(reason)",
                                   toTag: SIPIdentifiers.tag()), to: key)
    }

    /// Trunk hosts from the configuration and hosts of registered phones.
    private func isTrusted(_ source: SIPEndpoint) -> Bool {
        if configuration.trustedHosts.contains(source.host) { return true }
        let now = Date()
        return registrar.bindings.values.contains { list in list.contains { $0.target.host == source.host && $0.expiresAt > now } }
    }

    // MARK: Performing a leg's actions

    func perform(_ actions: [CallLegAction], for driver: CallLegDriver) {
        let callID = driver.machine.callID
        for action in actions {
            switch action {
            case .sendRequest(let request):
                if let key = SIPTransactionKey.client(for: request) {
                    transactionOwners[key] = callID
                    driver.transactions.insert(key)
                }
                layer?.send(request, to: driver.destination)
            case .sendAck(let ack):
                layer?.sendStateless(.request(ack), to: driver.destination)
            case .respond(let response, let key):
                layer?.respond(response, to: key)
            case .startTimer(let duration):
                driver.timer?.cancel()
                let box = self.box
                driver.timer = loop.scheduleTask(in: .nanoseconds(Self.nanoseconds(duration))) {
                    guard let core = box.value, let driver = core.legs[callID] else { return }
                    driver.timer = nil
                    core.perform(driver.machine.timerFired(), for: driver)
                }
            case .cancelTimer:
                driver.timer?.cancel()
                driver.timer = nil
            case .ringing(let response):
                driver.sipEvents.yield(.ringing(response))
            case .answered(let response):
                driver.sipEvents.yield(.answered(response))
            case .ended(let termination):
                end(driver, termination: termination)
            }
        }
    }

    private func end(_ driver: CallLegDriver, termination: CallLegTermination) {
        let callID = driver.machine.callID
        driver.timer?.cancel()
        driver.timer = nil
        // An INVITE given up after an unanswered CANCEL would otherwise stay in the table.
        if termination == .ringTimeout(status: nil) || termination == .cancelled(status: nil),
           let key = SIPTransactionKey.client(for: driver.machine.invite) {
            layer?.abandon(key)
        }
        for key in driver.transactions { transactionOwners[key] = nil }
        driver.transactions.removeAll()
        legs[callID] = nil
        counters.callsEnded += 1
        driver.sipEvents.yield(.ended(termination, q850: driver.machine.q850Cause))
        driver.sipEvents.finish()
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
