import XCTest
@testable import WaihuMedia

final class CallProgressAnalyserTests: XCTestCase {
    private var random = SeededAudioRandom(seed: 9)

    private func detections(_ phase: CallProgressPhase, _ audio: [Int16], channel: SimulatedChannel? = nil,
                            index: AnnouncementIndex = ProgressFixtures.index) -> [(detection: CallProgressDetection, frame: Int)] {
        let heard = channel.map { $0.apply(audio, random: &random) } ?? audio
        var analyser = CallProgressAnalyser(index: index, phase: phase)
        return ProgressFixtures.run(&analyser, heard)
    }

    private let line = SimulatedChannel(level: -12, signalToNoise: 30, codec: .pcma, loss: 0.03)

    func testEarlyMediaBusyToneEndsTheAnalysis() {
        let found = detections(.earlyMedia, SyntheticProgressAudio.tone(.busy, seconds: 6, level: -15), channel: line)
        XCTAssertEqual(found.map(\.detection), [.tone(.busy)])
        XCTAssertEqual(found.first?.detection.evidence, "tone busy")
        XCTAssertEqual(found.first?.detection.isFinal, true)
    }

    func testRingbackIsReportedAndTheAnalyserGoesOnListening() {
        let audio = SyntheticProgressAudio.tone(.ringback, seconds: 6.5, level: -15)
            + SyntheticProgressAudio.tone(.congestion, seconds: 4, level: -15)
        let found = detections(.earlyMedia, audio, channel: line)
        XCTAssertEqual(found.map(\.detection), [.tone(.ringback), .tone(.congestion)])
        XCTAssertEqual(found.map(\.detection.evidence), ["tone ringback", "tone congestion"])
    }

    func testAnInterceptToneThenTheAnnouncementGivesBoth() {
        let audio = SyntheticProgressAudio.tone(.specialInformation, seconds: 1.3, level: -10) + ProgressFixtures.announcements[1]!
        let found = detections(.earlyMedia, audio, channel: line)
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.first?.detection, .tone(.specialInformation))
        XCTAssertEqual(found.first?.detection.evidence, "tone sit")
        guard case .announcement(let match)? = found.last?.detection else { return XCTFail("\(found)") }
        XCTAssertEqual(match.id, 1)
        XCTAssertEqual(match.label, "vacant")
        XCTAssertEqual(found.last?.detection.evidence, "announcement vacant " + String(format: "%.2f", match.score))
        XCTAssertLessThanOrEqual(Double(found.last!.frame) * 0.02 - 1.3, 3)
    }

    func testAnAnnouncementNobodyTaughtIsUnknownAfterFourSeconds() {
        let audio = SyntheticProgressAudio.announcement(seed: 4242, seconds: 6)
        let found = detections(.earlyMedia, SyntheticProgressAudio.silence(seconds: 0.5) + audio, channel: line)
        XCTAssertEqual(found.map(\.detection), [.unknownAnnouncement])
        XCTAssertEqual(found.first?.detection.evidence, "announcement unknown")
        XCTAssertEqual(Double(found.first?.frame ?? 0) * 0.02, 4.5, accuracy: 0.3)
        // With nothing learned at all, the same.
        XCTAssertEqual(detections(.earlyMedia, audio, index: AnnouncementIndex([])).map(\.detection), [.unknownAnnouncement])
    }

    func testNoVoiceBeforeTheAnswerIsEverAPerson() {
        for seed in 0..<4 {
            let found = detections(.earlyMedia, SyntheticProgressAudio.greeting(seed: UInt64(seed), silence: 4), channel: line)
            XCTAssertTrue(found.isEmpty, "\(found)")
        }
    }

    func testAGreetingAfterTheAnswerIsAPerson() {
        for seed in 0..<8 {
            let audio = SyntheticProgressAudio.silence(seconds: 0.4) + SyntheticProgressAudio.greeting(seed: UInt64(seed), silence: 2)
            let found = detections(.afterAnswer, audio, channel: SimulatedChannel(level: -10 - Float(seed), signalToNoise: 30, codec: seed % 2 == 0 ? .pcmu : .pcma, loss: 0.03))
            XCTAssertEqual(found.map(\.detection), [.human], "greeting \(seed)")
            XCTAssertEqual(found.first?.detection.evidence, "voice human")
            // Decided at the pause: at most 2 s of speech and 0.6 s of quiet after 0.4 s of silence.
            XCTAssertLessThanOrEqual(Double(found.first?.frame ?? 999) * 0.02, 3.1, "greeting \(seed)")
        }
    }

    func testSpeechThatGoesOnAndMatchesNothingIsAPersonAfterThreeAndAHalfSeconds() {
        let talk = SyntheticProgressAudio.announcement(seed: 5151, seconds: 6)
        let found = detections(.afterAnswer, talk, channel: line)
        XCTAssertEqual(found.map(\.detection), [.human])
        XCTAssertLessThanOrEqual(Double(found.first?.frame ?? 999) * 0.02, 3.6)
    }

    func testASecretaryAnnouncementAfterTheAnswerIsNotAPerson() {
        let found = detections(.afterAnswer, ProgressFixtures.announcements[4]!, channel: line)
        guard case .announcement(let match)? = found.first?.detection else { return XCTFail("\(found)") }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(match.label, "secretary")
    }

    func testSilenceAndNoiseAreNoDetection() {
        XCTAssertTrue(detections(.earlyMedia, SyntheticProgressAudio.silence(seconds: 6)).isEmpty)
        XCTAssertTrue(detections(.afterAnswer, SyntheticProgressAudio.silence(seconds: 6)).isEmpty)
        XCTAssertTrue(detections(.earlyMedia, SyntheticProgressAudio.noise(seconds: 6, level: -25, random: &random), channel: line).isEmpty)
        XCTAssertTrue(detections(.afterAnswer, SyntheticProgressAudio.brownishNoise(seconds: 6, level: -25, random: &random), channel: line).isEmpty)
    }

    func testItCountsFramesAndKeepsTheFirstEightSeconds() {
        var analyser = CallProgressAnalyser(index: ProgressFixtures.index, phase: .earlyMedia)
        let audio = SyntheticProgressAudio.tone(.busy, seconds: 10, level: -10)
        _ = ProgressFixtures.run(&analyser, audio)
        XCTAssertTrue(analyser.isFinished)
        XCTAssertEqual(analyser.framesAnalysed, 500)
        XCTAssertEqual(analyser.heardAudio, Array(audio.prefix(64_000)))
        var idle = CallProgressAnalyser(index: ProgressFixtures.index, phase: .afterAnswer)
        XCTAssertNil(idle.analyse([]))
        XCTAssertEqual(idle.framesAnalysed, 1)
    }
}
