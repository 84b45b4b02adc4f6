import XCTest
@testable import WaihuMedia

final class ToneDetectorTests: XCTestCase {
    func testEachFrequencyFromMinus20To0dBWithNoiseAt20dB() {
        var random = SeededAudioRandom(seed: 1)
        for frequency in ToneFrequency.allCases {
            for level: Float in [-20, -10, 0] {
                let tone = SyntheticProgressAudio.sine(Float(frequency.rawValue), seconds: 0.4, level: level, phase: 0.3)
                let noisy = SimulatedChannel(level: level, signalToNoise: 20, codec: .pcmu).apply(tone, random: &random)
                let frames = ProgressFixtures.toneFrames(noisy)
                XCTAssertEqual(frames.filter { $0.tone == frequency }.count, frames.count, "\(frequency) at \(level) dB")
                XCTAssertEqual(Double(frames[5].level), Double(level) - 0.04, accuracy: 1, "level of \(frequency)")
            }
        }
    }

    func testOtherFrequenciesSilenceAndNoiseAreNotTones() {
        var random = SeededAudioRandom(seed: 2)
        for frequency: Float in [600, 1200, 2100, 425] {
            let frames = ProgressFixtures.toneFrames(SyntheticProgressAudio.sine(frequency, seconds: 0.2, level: -10))
            XCTAssertTrue(frames.allSatisfy { $0.tone == nil }, "\(frequency) Hz")
        }
        XCTAssertTrue(ProgressFixtures.toneFrames(SyntheticProgressAudio.silence(seconds: 0.2)).allSatisfy { $0.tone == nil })
        let noise = SyntheticProgressAudio.noise(seconds: 1, level: -10, random: &random)
        XCTAssertTrue(ProgressFixtures.toneFrames(noise).allSatisfy { $0.tone == nil })
        // Below −45 dBFS a tone is line noise.
        XCTAssertTrue(ProgressFixtures.toneFrames(SyntheticProgressAudio.sine(450, seconds: 0.2, level: -50)).allSatisfy { $0.tone == nil })
    }

    func testSpeechIsAlmostNeverATone() {
        var speech: [Int16] = []
        for seed in 0..<4 { speech += SyntheticProgressAudio.announcement(seed: UInt64(seed), seconds: 3) }
        let frames = ProgressFixtures.toneFrames(speech)
        let tones = frames.filter { $0.tone != nil }.count
        // A harmonic can sit on 450 Hz for a frame or two; never for the 12+ frames of a cadence.
        XCTAssertLessThan(Double(tones) / Double(frames.count), 0.02, "\(tones) of \(frames.count) speech frames")
    }
}
