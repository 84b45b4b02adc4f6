import Foundation
import XCTest
@testable import WaihuMedia

final class AnnouncementSampleTests: XCTestCase {
    private func wav(channels: UInt16 = 1, rate: UInt32 = 8000, bits: UInt16 = 16, tag: UInt16 = 1, samples: [Int16]) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        let data = samples.flatMap { le16(UInt16(bitPattern: $0)) }
        let blockAlign = channels * bits / 8
        let body = Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16) + le16(tag) + le16(channels) + le32(rate)
            + le32(rate * UInt32(blockAlign)) + le16(blockAlign) + le16(bits) + Array("data".utf8) + le32(UInt32(data.count)) + data
        return Array("RIFF".utf8) + le32(UInt32(body.count)) + body
    }

    private let speech = ProgressFixtures.announcements[3]!

    func testAnEightKilohertzMonoRecordingIsLearned() throws {
        let sample = try AnnouncementSample(wav: wav(samples: speech))
        XCTAssertEqual(sample.samples, speech)
        XCTAssertEqual(sample.fingerprint, ProgressFixtures.learned[2].fingerprint)
        XCTAssertEqual(sample.durationSeconds, Double(speech.count) / 8000, accuracy: 1e-9)
    }

    func testASixteenKilohertzRecordingIsBroughtToEightAndStillMatches() throws {
        // 16 kHz made by repeating each sample, plus a 5 kHz whistle that only a careless
        // decimation would fold back into the telephone band (to 3 kHz).
        let wide: [Int16] = speech.enumerated().flatMap { index, sample -> [Int16] in
            let whistle = { (n: Int) in Int16(2000 * sin(2 * Float.pi * 5000 * Float(n) / 16000)) }
            return [sample / 2 &+ whistle(2 * index), sample / 2 &+ whistle(2 * index + 1)]
        }
        let sample = try AnnouncementSample(wav: wav(rate: 16000, samples: wide))
        XCTAssertEqual(sample.samples.count, speech.count)
        XCTAssertEqual(sample.durationSeconds, Double(speech.count) / 8000, accuracy: 0.001)
        let match = ProgressFixtures.index.match(sample.fingerprint.landmarks)
        XCTAssertEqual(match?.id, 3, "the decimated recording matches the 8 kHz one")
        let folded = AnnouncementSample.decimate([Int16]((0..<16000).map { Int16(8000 * sin(2 * Float.pi * 5000 * Float($0) / 16000)) }))
        XCTAssertLessThan(AnnouncementSample.levelDB(folded), -50, "a 5 kHz tone does not fold back to 3 kHz")
    }

    func testRefusalsSayWhatIsWrong() {
        let cases: [([UInt8], AnnouncementSampleError, String)] = [
            (wav(rate: 44100, samples: speech), .unsupportedSampleRate(44100), "sampled at 44100 Hz; an announcement must be 8000 or 16000 Hz"),
            (wav(channels: 2, samples: speech), .notMono(channels: 2), "has 2 channels; an announcement must be mono"),
            (wav(bits: 8, samples: speech), .unsupportedEncoding("8-bit PCM"), "16-bit PCM, µ-law or A-law"),
            (wav(samples: Array(speech.prefix(6000))), .tooShort(seconds: 0.75), "lasts 0.8 s; an announcement needs at least 1 s"),
            (wav(samples: [Int16](repeating: 0, count: 16000)), .silent(levelDB: -200), "is silent"),
            (wav(samples: [Int16]((0..<16000).map { Int16($0 % 5) - 2 })), .silent(levelDB: AnnouncementSample.levelDB([Int16]((0..<16000).map { Int16($0 % 5) - 2 }))), "is silent"),
            (Array("not a wav".utf8), .unreadable(WAVError.notWAV.description), "Cannot read the recording"),
        ]
        for (bytes, error, message) in cases {
            XCTAssertThrowsError(try AnnouncementSample(wav: bytes)) { thrown in
                XCTAssertEqual(thrown as? AnnouncementSampleError, error)
                XCTAssertTrue("\(thrown)".contains(message), "\(thrown)")
            }
        }
        XCTAssertThrowsError(try AnnouncementSample(samples: speech, sampleRate: 8000, channels: 2)) {
            XCTAssertEqual($0 as? AnnouncementSampleError, .notMono(channels: 2))
        }
        XCTAssertThrowsError(try AnnouncementSample(samples: speech, sampleRate: 11025, channels: 1)) {
            XCTAssertEqual($0 as? AnnouncementSampleError, .unsupportedSampleRate(11025))
        }
    }

    func testAPromptStillRefusesSixteenKilohertz() {
        XCTAssertThrowsError(try WAVFile(bytes: wav(rate: 16000, samples: speech)))
        XCTAssertEqual(try WAVFile(bytes: wav(rate: 16000, samples: speech), sampleRates: [8000, 16000]).sampleRate, 16000)
    }
}
