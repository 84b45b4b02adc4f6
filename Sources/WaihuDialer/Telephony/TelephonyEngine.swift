import Foundation
import NIOCore
import NIOPosix
import WaihuDomain
import WaihuMedia
import WaihuSIP

/// waihu's telephone exchange in one object: a SIP transaction layer on one UDP port,
/// the registrar for agent phones, the RTP port range, and the calls.
///
/// Ownership: SIP state (transactions, call state machines, registrar, counters) lives
/// in `TelephonyEngineCore` on the SIP event loop. Each call's RTP session runs on a
/// media event loop of `group` (round robin; a leg to be bridged shares its partner's
/// loop). Each call has two tasks: the SIP driver (answer → start media; end → close
/// media, finish the recording, free the port) and the RTP event reader.
public final class TelephonyEngine: Sendable {
    public let configuration: TelephonyConfiguration
    let layer: SIPTransactionLayer
    let core: NIOLoopBoundBox<TelephonyEngineCore?>
    let group: EventLoopGroup
    private let negotiator = SDPNegotiator()
    /// Where every call with a `CallAdmission` waits for its trunk's limits.
    public let admission = TrunkAdmission()
    /// The carrier announcements list managers taught; each new call's analyser uses the latest.
    private let announcements = AnnouncementShelf()
    /// How long after the answer the analyser may take to tell a person from a recording;
    /// silence that long is a person who has not spoken yet.
    public static let answerJudgementWindow: Duration = .milliseconds(3_500)

    private init(configuration: TelephonyConfiguration, layer: SIPTransactionLayer,
                 core: NIOLoopBoundBox<TelephonyEngineCore?>, group: EventLoopGroup) {
        self.configuration = configuration
        self.layer = layer
        self.core = core
        self.group = group
    }

    /// Binds the SIP port and starts serving. `phones` answers phones' digest logins
    /// (nil: REGISTER is refused); `onRegistrationChange` reports bindings to persist.
    public static func start(_ configuration: TelephonyConfiguration, phones: PhoneDirectory? = nil,
                             group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                             onRegistrationChange: @escaping @Sendable (PhoneRegistration) -> Void = { _ in }) async throws -> TelephonyEngine {
        let loop = group.next()
        let box = NIOLoopBoundBox.makeEmptyBox(valueType: TelephonyEngineCore.self, eventLoop: loop)
        try await loop.submit {
            box.value = TelephonyEngineCore(configuration: configuration, loop: loop, box: box, phones: phones,
                                            onRegistrationChange: onRegistrationChange)
        }.get()
        let layer = try await SIPTransactionLayer.bind(host: configuration.host, port: configuration.sipPort,
                                                       timers: configuration.timers, group: loop) { event in
            box.value?.handle(event)
        }
        try await loop.submit { box.value?.layer = layer }.get()
        return TelephonyEngine(configuration: configuration, layer: layer, core: box, group: group)
    }

    /// Replaces the learned announcements that calls placed from now on recognise.
    public func setAnnouncements(_ index: AnnouncementIndex) {
        announcements.index = index
    }

    public var announcementIndex: AnnouncementIndex { announcements.index }

    /// The bound SIP address (the real port when 0 was configured).
    public var sipEndpoint: SIPEndpoint {
        layer.localEndpoint ?? SIPEndpoint(host: configuration.host, port: configuration.sipPort)
    }

    /// Counters for /metrics.
    public func counters() async -> TelephonyCounters {
        let core = self.core
        var counters = (try? await core.eventLoop.submit { core.value?.snapshot() ?? TelephonyCounters() }.get()) ?? TelephonyCounters()
        counters.sipTransactions = (try? await layer.transactionCount()) ?? 0
        return counters
    }

    /// Legs whose RTP port is still held; 0 when every call has been cleaned up.
    public func legsHoldingMedia() async -> Int {
        let core = self.core
        return (try? await core.eventLoop.submit { core.value?.mediaLegs ?? 0 }.get()) ?? 0
    }

    /// Where a phone is registered, if it is.
    public func registration(ofExtension phoneExtension: String) async -> RegistrarBinding? {
        let core = self.core
        return try? await core.eventLoop.submit { core.value?.binding(forExtension: phoneExtension) }.get()
    }

    /// Places a call and returns with its leg as soon as the INVITE is on its way. A call with
    /// an `admission` first waits until its trunk (and campaign share) allow it, unless the
    /// caller already holds its ticket (`admitted`, from `admission.admit`); the ticket is
    /// released when the call ends or cannot be placed.
    /// `alongside`: run the media on that leg's event loop, so the two can be bridged.
    public func placeCall(_ request: OutboundCallRequest, alongside partner: CallLeg? = nil,
                          admitted: TrunkAdmission.Ticket? = nil) async throws -> CallLeg {
        var ticket = admitted
        if ticket == nil, let limits = request.admission { ticket = try await admission.admit(limits) }
        do {
            return try await start(request, alongside: partner, ticket: ticket)
        } catch {
            if let ticket { await admission.release(ticket) }
            throw error
        }
    }

    private func start(_ request: OutboundCallRequest, alongside partner: CallLeg?, ticket: TrunkAdmission.Ticket?) async throws -> CallLeg {
        let core = self.core
        let admission = self.admission
        let config = configuration
        // Where the INVITE goes and which URI it names.
        let destination: SIPEndpoint
        let requestURI: SIPURI
        var credentials: DigestCredentials?
        switch request.target {
        case .trunk(let number, let host, let port, let trunkCredentials):
            destination = SIPEndpoint(host: host, port: port)
            requestURI = SIPURI(user: number, host: host, port: port)
            credentials = trunkCredentials
            guard (try? destination.socketAddress()) != nil else {
                throw TelephonyEngineError.invalidTarget("trunk host \(host) must be an IP address")
            }
        case .phone(let phoneExtension):
            guard let binding = await registration(ofExtension: phoneExtension) else {
                throw TelephonyEngineError.phoneNotRegistered(phoneExtension)
            }
            destination = binding.target
            requestURI = binding.contact
        }

        // An RTP port and its socket; a port another program holds is skipped.
        let mediaLoop = partner?.mediaEventLoop ?? group.next()
        var session: RTPSession?
        var port = 0
        for _ in 0..<8 {
            guard let candidate = try await core.eventLoop.submit({ core.value?.allocatePort() }).get() else {
                throw TelephonyEngineError.noFreeRTPPort(range: config.rtpPorts)
            }
            do {
                session = try await RTPSession.bind(host: config.host, port: candidate, group: mediaLoop)
                port = candidate
                break
            } catch {
                try await core.eventLoop.submit { core.value?.releasePort(candidate) }.get()
            }
        }
        guard let session else { throw TelephonyEngineError.noFreeRTPPort(range: config.rtpPorts) }

        // The INVITE with our SDP offer.
        let local = sipEndpoint
        let contact = SIPURI(user: "waihu", host: local.host, port: local.port)
        let offer = negotiator.makeOffer(address: config.host, port: port, sessionID: UInt64.random(in: 1...UInt64(UInt32.max)))
        var invite = SIPRequest.outOfDialog(.invite, to: requestURI,
                                            from: SIPAddress(uri: SIPURI(user: request.callerID, host: local.host)),
                                            contact: contact, localHost: local.host, localPort: local.port)
        invite.headers.add("Allow", OptionsResponder.allow)
        invite.headers.add("Content-Type", "application/sdp")
        invite.body = offer.serialized()
        let machine = CallLegStateMachine(invite: invite, localHost: local.host, localPort: local.port, localContact: contact,
                                          credentials: credentials, ringTimeout: request.ringTimeout,
                                          cancelGuard: config.timers.transactionTimeout)
        let callID = machine.callID

        let (events, eventContinuation) = AsyncStream<CallLegEvent>.makeStream(bufferingPolicy: .unbounded)
        let (sipEvents, sipContinuation) = AsyncStream<CallLegSIPEvent>.makeStream(bufferingPolicy: .unbounded)
        let context = CallLegContext(events: eventContinuation)
        if let path = request.recordingPath {
            do { try await context.startRecording(to: path) } catch {
                try? await session.close()
                try await core.eventLoop.submit { core.value?.releasePort(port) }.get()
                throw error
            }
        }
        let leg = CallLeg(callID: callID, events: events, session: session, context: context) {
            core.eventLoop.execute { core.value?.hangUp(callID: callID) }
        }

        // Early media and the first seconds after the answer are analysed for the call's fate;
        // calls to agent phones never are.
        let progress: ProgressAnalysisMode
        if case .trunk = request.target { progress = request.progressAnalysis } else { progress = .off }
        let index = progress.analyses ? announcements.index : nil

        // The RTP reader: digits and recording frames to the context, silence to a hang-up,
        // the analyser's findings to the verdict (and a hang-up once the fate is certain).
        let reader = Task {
            for await event in session.events {
                switch event {
                case .digit(let digit): await context.received(digit: digit)
                case .recorded(let left, let right): await context.recorded(left: left, right: right)
                case .mediaTimeout: leg.hangUp()
                case .remoteLatched: break
                case .progress(let detection):
                    guard let evidence = ProgressEvidence(detection) else { continue }
                    if await context.noteProgress(evidence, cleansing: progress.cleansing) {
                        session.stopAnalysis()
                        leg.hangUp()
                    } else if evidence == .human {
                        session.stopAnalysis()
                    }
                }
            }
        }
        // The SIP driver: early media on a 183 with SDP, media up on the answer, everything
        // released at the end.
        let negotiator = self.negotiator
        let mediaTimeout = config.mediaTimeout
        let audioDirectory = request.progressAudioDirectory
        Task {
            var listeningEarly = false
            for await event in sipEvents {
                switch event {
                case .ringing(let response):
                    await context.markRinging()
                    if progress.cleansing, response.statusCode == 180,
                       await context.noteProgress(.alertingSignal, cleansing: true) {
                        leg.hangUp()
                        continue
                    }
                    // A 183 without SDP, or SDP we cannot use: no early media, the signalling
                    // alone will tell.
                    guard let index, !listeningEarly, !response.body.isEmpty,
                          let description = try? SessionDescription(parsing: response.body),
                          let media = try? negotiator.accept(answer: description) else { continue }
                    listeningEarly = true
                    try? await session.start(remoteHost: media.remoteAddress, remotePort: media.remotePort,
                                             codec: media.codec == .pcmu ? .pcmu : .pcma,
                                             telephoneEventPayloadType: nil, record: false, mediaTimeout: nil, sending: false)
                    session.analyse(with: CallProgressAnalyser(index: index, phase: .earlyMedia))
                case .answered(let response):
                    do {
                        let media = try negotiator.accept(answer: SessionDescription(parsing: response.body))
                        try await session.start(remoteHost: media.remoteAddress, remotePort: media.remotePort,
                                                codec: media.codec == .pcmu ? .pcmu : .pcma,
                                                telephoneEventPayloadType: media.telephoneEventPayloadType.map { UInt8(truncatingIfNeeded: $0) },
                                                record: await context.isRecording, mediaTimeout: mediaTimeout)
                        await context.markAnswered()
                        // Only a learned recording (a mailbox) can be told from a person after the
                        // answer; with none learned, the customer goes through without a wait.
                        if let index, !index.isEmpty {
                            session.analyse(with: CallProgressAnalyser(index: index, phase: .afterAnswer))
                            Task {
                                try? await Task.sleep(for: Self.answerJudgementWindow)
                                session.stopAnalysis()
                                await context.answerWindowPassed()
                            }
                        } else {
                            session.stopAnalysis()
                            await context.answerWindowPassed()
                        }
                    } catch {
                        // Answered with media we cannot use: hang up and call it failed (488).
                        await context.markMediaFailure(status: 488)
                        leg.hangUp()
                    }
                case .ended(let termination, let q850):
                    // Release first, report last: whoever sees `.ended` finds nothing held.
                    let heard = index == nil ? [] : await session.heardAudio()
                    try? await session.close()
                    await reader.value
                    try? await core.eventLoop.submit { core.value?.releasePort(port) }.get()
                    if let ticket { await admission.release(ticket) }
                    let kept = await Self.keepUnknownRecording(heard, evidence: await context.progressEvidence,
                                                               directory: audioDirectory, callID: callID)
                    if let kept { await context.keptProgressAudio(at: kept) }
                    await context.finish(termination, q850: q850)
                    if let kept, await context.report().progressAudio == nil {
                        // The signalling named the cause after all: nothing to teach.
                        try? FileManager.default.removeItem(atPath: kept)
                    }
                }
            }
        }

        // The trunk's rate counts the call now, as its INVITE is about to leave.
        if let ticket {
            do { try await admission.pace(ticket) } catch {
                sipContinuation.yield(.ended(.cancelled(status: nil), q850: nil))
                sipContinuation.finish()
                throw error
            }
        }
        let started = try await core.eventLoop.submit { () -> Bool in
            guard let value = core.value else { return false }
            value.start(CallLegDriver(machine: machine, destination: destination, sipEvents: sipContinuation, rtpPort: port))
            return true
        }.get()
        guard started else {
            // Stopped meanwhile: end the leg through the usual path so everything is released.
            sipContinuation.yield(.ended(.cancelled(status: nil), q850: nil))
            sipContinuation.finish()
            throw TelephonyEngineError.stopped
        }
        return leg
    }

    /// Writes the audio an untaught recording left (`<call-id>.wav` in `directory`), when
    /// the analysis heard one; nil otherwise.
    static func keepUnknownRecording(_ heard: [Int16], evidence: ProgressEvidence?, directory: String?,
                                     callID: String) async -> String? {
        guard let directory, !heard.isEmpty,
              evidence == .unknownAnnouncement || evidence == .specialInformationTone else { return nil }
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(callID).wav")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try WAVFile(encoding: .pcm16, samples: heard).write(to: url)
            return url.path
        } catch {
            return nil
        }
    }

    /// Hangs up every call, waits for them to end, and closes the SIP port.
    public func shutdown() async throws {
        let core = self.core
        try await core.eventLoop.submit {
            guard let value = core.value else { return }
            for callID in Array(value.legs.keys) { value.hangUp(callID: callID) }
        }.get()
        for _ in 0..<100 {
            if await legsHoldingMedia() == 0 { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        try await layer.close()
        try await core.eventLoop.submit { core.value = nil }.get()
    }
}
