import XCTest
@testable import WaihuMedia

final class ToneCadenceTests: XCTestCase {
    /// The kinds declared for `audio`, with the second they were declared at.
    private func declared(_ audio: [Int16]) -> [(ToneKind, Double)] {
        var cadence = ToneCadence()
        var found: [(ToneKind, Double)] = []
        for (index, frame) in ProgressFixtures.toneFrames(audio).enumerated() {
            if let kind = cadence.receive(frame) { found.append((kind, Double(index + 1) * 0.02)) }
        }
        return found
    }

    func testEachToneIsRecognisedFromAnyPointOfItsCycleWithNoiseAndLoss() {
        var random = SeededAudioRandom(seed: 3)
        // Latest acceptable declaration, from the start of the media, whatever the phase.
        let deadlines: [ToneKind: Double] = [.busy: 2.5, .congestion: 4.3, .ringback: 7.2, .specialInformation: 2.7]
        for kind in ToneKind.allCases {
            for start in [0.1, 0.9, 2.3] {
                let tone = SyntheticProgressAudio.tone(kind, seconds: kind == .ringback ? 7.5 : 4.5, level: random.uniform(-20...0), start: start)
                let heard = SimulatedChannel(level: random.uniform(-20...0), signalToNoise: 20, codec: .pcma, loss: 0.03).apply(tone, random: &random)
                let found = declared(heard)
                XCTAssertEqual(found.map(\.0), [kind], "\(kind) starting \(start) s into its cycle")
                XCTAssertLessThanOrEqual(found.first?.1 ?? 99, deadlines[kind]!, "\(kind) declared late")
            }
        }
    }

    func testTimingsTwentyPerCentOffAreStillRecognised() {
        for kind in ToneKind.allCases {
            for timing in [0.82, 1.18] {
                let found = declared(SyntheticProgressAudio.tone(kind, seconds: 12, level: -12, start: 0.05, timing: timing))
                XCTAssertEqual(found.map(\.0), [kind], "\(kind) at \(timing)× its cadence")
            }
        }
    }

    func testTheThreeFourFiftyHertzCadencesAreNotConfused() {
        // Busy stretched by 20 % is still shorter than congestion squeezed by 20 %.
        XCTAssertEqual(declared(SyntheticProgressAudio.tone(.busy, seconds: 6, level: -10, timing: 1.2)).map(\.0), [.busy])
        XCTAssertEqual(declared(SyntheticProgressAudio.tone(.congestion, seconds: 6, level: -10, timing: 0.8)).map(\.0), [.congestion])
        // One burst of a second and then silence: ringback, not congestion.
        let burst = SyntheticProgressAudio.sine(450, seconds: 1, level: -10) + SyntheticProgressAudio.silence(seconds: 2)
        XCTAssertEqual(declared(burst).map(\.0), [.ringback])
    }

    func testALostFrameInsideATonePerturbsNothing() {
        var tone = SyntheticProgressAudio.tone(.busy, seconds: 3, level: -10)
        for frame in [5, 40, 75] { // inside the first, second and third bursts
            for index in frame * 160..<(frame + 1) * 160 { tone[index] = 0 }
        }
        XCTAssertEqual(declared(tone).map(\.0), [.busy])
    }

    func testASteadyToneSpeechAndSilenceAreNoCadence() {
        XCTAssertTrue(declared(SyntheticProgressAudio.sine(450, seconds: 8, level: -10)).isEmpty, "dial tone")
        XCTAssertTrue(declared(SyntheticProgressAudio.silence(seconds: 3)).isEmpty)
        var speech: [Int16] = []
        for seed in 0..<6 { speech += SyntheticProgressAudio.announcement(seed: UInt64(seed), seconds: 4) }
        for seed in 0..<6 { speech += SyntheticProgressAudio.greeting(seed: UInt64(seed)) }
        XCTAssertTrue(declared(speech).isEmpty)
        // SIT out of order is not SIT.
        let reversed = SyntheticProgressAudio.sine(1800, seconds: 0.33, level: -10) + SyntheticProgressAudio.sine(1400, seconds: 0.33, level: -10)
            + SyntheticProgressAudio.sine(950, seconds: 0.33, level: -10) + SyntheticProgressAudio.silence(seconds: 1)
        XCTAssertTrue(declared(reversed).isEmpty)
    }

    func testEachKindIsDeclaredOnceButAnotherMayFollow() {
        let audio = SyntheticProgressAudio.tone(.ringback, seconds: 11, level: -10)
            + SyntheticProgressAudio.tone(.busy, seconds: 4, level: -10)
        XCTAssertEqual(declared(audio).map(\.0), [.ringback, .busy])
    }
}
