import XCTest
@testable import WaihuMedia

final class PlaybackTests: XCTestCase {
    func testPromptIsCutInto20msFramesWithPaddedTail() {
        let prompt = WAVFile(encoding: .pcm16, samples: [Int16](repeating: 1000, count: 400))
        var player = PromptPlayer(prompt: prompt, codec: .pcmu)
        XCTAssertEqual(player.total, .milliseconds(50))
        var frames: [[UInt8]] = []
        while let frame = player.nextFrame() { frames.append(frame) }
        XCTAssertEqual(frames.count, 3)
        XCTAssertTrue(frames.allSatisfy { $0.count == 160 })
        XCTAssertEqual(frames[2][79], G711.ulaw(fromLinear: 1000))
        XCTAssertEqual(frames[2][80], 0xFF, "µ-law silence pads the last frame")
        XCTAssertEqual(player.played, .milliseconds(50))
        XCTAssertTrue(player.isFinished)
    }

    func testSilenceFramesAndRoundTrip() {
        XCTAssertEqual(AudioCodec.pcmu.silenceFrame, [UInt8](repeating: 0xFF, count: 160))
        XCTAssertEqual(AudioCodec.pcma.silenceFrame, [UInt8](repeating: 0xD5, count: 160))
        XCTAssertEqual(AudioCodec.pcma.decode(AudioCodec.pcma.encode([0, 1024, -1024])), [8, 1056, -1008])
    }

    func testListeningTime() {
        let hungUp = ListeningTime(promptStartedAt: .seconds(2), promptLength: .seconds(30), hangupAt: .seconds(14))
        XCTAssertEqual(hungUp.listened, .seconds(12))
        XCTAssertFalse(hungUp.heardToEnd)
        XCTAssertEqual(hungUp.fraction, 0.4, accuracy: 1e-9)
        let full = ListeningTime(promptStartedAt: .seconds(2), promptLength: .seconds(30), hangupAt: .seconds(40))
        XCTAssertEqual(full.listened, .seconds(30))
        XCTAssertTrue(full.heardToEnd)
        XCTAssertEqual(ListeningTime(promptStartedAt: .seconds(5), promptLength: .seconds(10), hangupAt: .seconds(1)).listened, .zero)
    }
}
