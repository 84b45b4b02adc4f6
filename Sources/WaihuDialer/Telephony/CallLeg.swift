import Foundation
import NIOCore
import WaihuMedia
import WaihuSIP

/// One placed call (呼叫): its SIP dialog lives in the engine, its RTP session here.
/// Read `events` (one reader), or wait with `waitUntilAnswered()` / `waitUntilEnded()`.
/// Every resource (RTP port, socket, tasks, recording file) is released when the leg
/// ends, however it ends.
public final class CallLeg: Sendable {
    public let callID: String
    public let events: AsyncStream<CallLegEvent>
    let session: RTPSession
    let context: CallLegContext
    private let hangUpAction: @Sendable () -> Void

    init(callID: String, events: AsyncStream<CallLegEvent>, session: RTPSession, context: CallLegContext,
         hangUp: @escaping @Sendable () -> Void) {
        self.callID = callID
        self.events = events
        self.session = session
        self.context = context
        self.hangUpAction = hangUp
    }

    /// The event loop carrying this leg's RTP; a leg bridged to this one must use it too.
    public var mediaEventLoop: EventLoop { session.channel.eventLoop }

    public var localRTPPort: Int? { session.localPort }

    /// True once answered (false if it ended first).
    public func waitUntilAnswered() async -> Bool { await context.waitUntilAnswered() }

    /// After the answer: true once the audio showed a person (or stayed quiet for
    /// `TelephonyEngine.answerJudgementWindow`), false when it was a recording (a mailbox, an
    /// intercept: the leg is being hung up) or the leg ended. An agent takes only a person.
    public func waitUntilJudgedHuman() async -> Bool { await context.waitUntilJudged() }

    /// The report once the leg has ended and its media is released.
    public func waitUntilEnded() async -> CallReport { await context.waitUntilEnded() }

    /// The report so far (final once ended).
    public func report() async -> CallReport { await context.report() }

    /// Plays a prompt in real time (放音) and returns how much the customer heard; it
    /// stops early when the leg ends. Does nothing before the answer.
    @discardableResult
    public func play(_ prompt: WAVFile) async -> PlaybackOutcome {
        guard await context.isAnswered else { return PlaybackOutcome(played: .zero, completed: false) }
        let outcome = await session.play(prompt)
        await context.addListened(outcome.played)
        return outcome
    }

    /// Collects key presses (按键), including ones made during the prompt.
    public func collectDigits(_ configuration: DigitCollector.Configuration) async -> DigitCollector.Status {
        await context.collectDigits(configuration)
    }

    /// Stops the prompt being played, if any (the caller pressed a key to reach an agent).
    public func stopPlayback() { session.stopPlayback() }

    /// Sends DTMF to the far end as RFC 4733 events.
    public func send(digits: String) { session.send(digits: digits) }

    /// Records the call to a stereo WAV from the answer on. Call it before the answer
    /// (or pass `recordingPath` in the request); the RTP session records from its start.
    public func record(to url: URL) async throws {
        try await context.startRecording(to: url.path)
    }

    /// Hangs up: BYE when answered, CANCEL while ringing. The end arrives as `.ended`.
    public func hangUp() { hangUpAction() }

    /// RTP counters of this leg.
    public func statistics() async -> RTPSessionStatistics {
        (try? await session.statistics()) ?? RTPSessionStatistics()
    }
}
