import Foundation
import WaihuDomain
import WaihuMedia
import WaihuSIP

/// The media-side record of one call leg, shared by the tasks that serve it: the SIP
/// driver (ringing, answer, end), the RTP event reader (digits, recording frames) and
/// the caller's `play` / `collectDigits`. An actor, so the recording file and the
/// timestamps have one owner off the event loops.
actor CallLegContext {
    private let clock = ContinuousClock()
    private let startedAt: ContinuousClock.Instant
    private var answeredAt: ContinuousClock.Instant?
    private var endedAt: ContinuousClock.Instant?
    private var rang = false
    private var termination: CallLegTermination?
    private var q850: Int?
    /// What the call's audio showed (tones, an announcement, a live voice), strongest kept.
    private var evidence: ProgressEvidence?
    /// Whether the audio after the answer has been judged (a person, or a recording).
    private var answerJudged = false
    private var judgementWaiters: [CheckedContinuation<Bool, Never>] = []
    private var progressAudioPath: String?
    /// Set when the answer's SDP was unusable: the leg failed though SIP said 200.
    private var mediaFailureStatus: Int?
    private var dtmf = ""
    private var unreadDigits: [Character] = []
    private var digitWaiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
    private var waiterSerial = 0
    private var answerWaiters: [CheckedContinuation<Bool, Never>] = []
    private var endWaiters: [CheckedContinuation<CallReport, Never>] = []
    private var recorder: StereoWAVWriter?
    private var recordingPath: String?
    private var listened: Duration = .zero
    private let events: AsyncStream<CallLegEvent>.Continuation

    init(events: AsyncStream<CallLegEvent>.Continuation) {
        self.startedAt = clock.now
        self.events = events
    }

    var isAnswered: Bool { answeredAt != nil && endedAt == nil }
    var isEnded: Bool { endedAt != nil }
    var isRecording: Bool { recorder != nil }

    // MARK: SIP side

    func markRinging() {
        guard !rang, endedAt == nil else { return }
        rang = true
        events.yield(.ringing)
    }

    func markAnswered() {
        guard answeredAt == nil, endedAt == nil else { return }
        answeredAt = clock.now
        // Ringback, an intercept tone or a "please hold" before the answer say nothing about
        // who answered: the audio after it is judged afresh.
        if let evidence, Self.strength(evidence) < 2 { self.evidence = nil }
        events.yield(.answered)
        for waiter in answerWaiters { waiter.resume(returning: true) }
        answerWaiters.removeAll()
    }

    func markMediaFailure(status: Int) {
        mediaFailureStatus = status
    }

    // MARK: Call progress

    /// The audio showed `found`; returns whether the call should end now (the outcome is
    /// certain: `CallProgressRule.endsCallNow`). A stronger finding replaces a weaker one: an
    /// announcement beats the intercept tone before it.
    func noteProgress(_ found: ProgressEvidence, cleansing: Bool) -> Bool {
        guard endedAt == nil else { return false }
        if let evidence, Self.strength(evidence) >= Self.strength(found) { return false }
        evidence = found
        if answeredAt != nil, !answerJudged, found == .human || Self.strength(found) >= 2 {
            judge(human: found == .human)
        }
        return CallProgressRule.endsCallNow(found, cleansing: cleansing)
    }

    /// The analyser's window after the answer passed without a finding: a person.
    func answerWindowPassed() {
        guard answeredAt != nil, !answerJudged else { return }
        if evidence == nil { evidence = .human }
        judge(human: evidence == .human)
    }

    /// True once the audio after the answer was judged a person; false when it was a
    /// recording (the leg is then being hung up) or the leg ended first.
    func waitUntilJudged() async -> Bool {
        if answerJudged { return endedAt == nil && evidence == .human }
        if endedAt != nil { return false }
        return await withCheckedContinuation { judgementWaiters.append($0) }
    }

    private func judge(human: Bool) {
        answerJudged = true
        for waiter in judgementWaiters { waiter.resume(returning: human) }
        judgementWaiters.removeAll()
    }

    /// The audio heard while analysing was kept here, for teaching an unknown announcement.
    func keptProgressAudio(at path: String) {
        progressAudioPath = path
    }

    var progressEvidence: ProgressEvidence? { evidence }

    /// Announcements and the busy and congestion tones settle a call; the ringback and SIT
    /// tones and an unknown recording only hint.
    static func strength(_ evidence: ProgressEvidence) -> Int {
        switch evidence {
        case .announcement: return 3
        case .busyTone, .congestionTone: return 2
        case .unknownAnnouncement, .human: return 1
        case .specialInformationTone, .ringbackTone, .alertingSignal: return 0
        }
    }

    /// The leg is over and its RTP session closed: finish the recording and tell everyone.
    func finish(_ termination: CallLegTermination, q850: Int?) {
        guard endedAt == nil else { return }
        endedAt = clock.now
        self.termination = termination
        self.q850 = q850
        if !answerJudged { judge(human: false) }
        if let recorder {
            try? recorder.close()
            self.recorder = nil
            if answeredAt == nil, let path = recordingPath {
                // Nothing was ever recorded; an empty WAV would only mislead QA.
                try? FileManager.default.removeItem(atPath: path)
                recordingPath = nil
            }
        }
        let report = self.report()
        events.yield(.ended(report.outcome, sipStatus: report.sipStatus))
        events.finish()
        for waiter in answerWaiters { waiter.resume(returning: false) }
        answerWaiters.removeAll()
        for waiter in endWaiters { waiter.resume(returning: report) }
        endWaiters.removeAll()
        wakeDigitWaiter()
    }

    // MARK: Media side

    func startRecording(to path: String) throws {
        guard recorder == nil else { return }
        recorder = try StereoWAVWriter(path: path)
        recordingPath = path
    }

    func recorded(left: [Int16], right: [Int16]) {
        guard let recorder, endedAt == nil else { return }
        do { try recorder.append(left: left, right: right) } catch {
            // A full disk must not end the call; the recording stops here.
            try? recorder.close()
            self.recorder = nil
        }
    }

    func received(digit: Character) {
        guard endedAt == nil else { return }
        dtmf.append(digit)
        unreadDigits.append(digit)
        events.yield(.digit(digit))
        wakeDigitWaiter()
    }

    func addListened(_ played: Duration) {
        listened += played
    }

    // MARK: Waiting

    func waitUntilAnswered() async -> Bool {
        if answeredAt != nil { return endedAt == nil }
        if endedAt != nil { return false }
        return await withCheckedContinuation { answerWaiters.append($0) }
    }

    func waitUntilEnded() async -> CallReport {
        if endedAt != nil { return report() }
        return await withCheckedContinuation { endWaiters.append($0) }
    }

    /// Collects digits pressed since the last collection (presses during the prompt
    /// count: callers barge in) until the collector finishes or the leg ends.
    func collectDigits(_ configuration: DigitCollector.Configuration) async -> DigitCollector.Status {
        let start = clock.now
        var collector = DigitCollector(configuration: configuration)
        while collector.status == .collecting {
            if !unreadDigits.isEmpty {
                collector.receive(unreadDigits.removeFirst(), at: start.duration(to: clock.now))
                continue
            }
            guard endedAt == nil, let deadline = collector.deadline else { break }
            await waitForDigit(until: start + deadline)
            collector.tick(at: start.duration(to: clock.now))
        }
        if case .collecting = collector.status {
            return .finished(digits: collector.digits, reason: collector.digits.isEmpty ? .noInput : .interDigitTimeout)
        }
        return collector.status
    }

    private func waitForDigit(until deadline: ContinuousClock.Instant) async {
        waiterSerial += 1
        let id = waiterSerial
        let clock = self.clock
        let timer = Task { [weak self] in
            try? await clock.sleep(until: deadline)
            await self?.timeOutDigitWaiter(id)
        }
        await withCheckedContinuation { digitWaiter = (id, $0) }
        timer.cancel()
    }

    private func timeOutDigitWaiter(_ id: Int) {
        guard digitWaiter?.id == id else { return }
        wakeDigitWaiter()
    }

    private func wakeDigitWaiter() {
        digitWaiter?.continuation.resume()
        digitWaiter = nil
    }

    // MARK: Report

    func report() -> CallReport {
        let now = clock.now
        let ringEnd = answeredAt ?? endedAt ?? now
        var signalling = termination.map { CallSignalling($0, q850: q850) } ?? .noResponse
        var status = termination?.sipStatus
        if let mediaFailureStatus {
            signalling = .mediaFailure
            status = mediaFailureStatus
        }
        let verdict = termination == nil && mediaFailureStatus == nil
            ? CallProgressVerdict(outcome: .failed, cause: .failed, evidence: ["in progress"])
            : CallProgressRule.verdict(signalling, media: evidence)
        let keptAudio = verdict.cause == .announcementUnknown ? progressAudioPath : nil
        return CallReport(outcome: verdict.outcome, cause: verdict.cause, evidence: verdict.evidenceText, progressAudio: keptAudio,
                          sipStatus: status, ringSeconds: Self.seconds(startedAt.duration(to: ringEnd)),
                          listenedSeconds: Self.seconds(listened), dtmf: dtmf, recording: recordingPath)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
