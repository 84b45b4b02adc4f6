import XCTest
@testable import WaihuMedia

final class AudioFingerprintTests: XCTestCase {
    func testEncodedRoundTrip() throws {
        let fingerprint = ProgressFixtures.learned[0].fingerprint
        XCTAssertGreaterThan(fingerprint.landmarks.count, 300)
        XCTAssertEqual(fingerprint.columns, ProgressFixtures.announcements[1]!.count / 160, "one column per 20 ms")
        let decoded = try AudioFingerprint(encoded: fingerprint.encoded)
        XCTAssertEqual(decoded, fingerprint)
        XCTAssertEqual(fingerprint.encoded.count, 12 + 8 * fingerprint.landmarks.count)
    }

    func testDamagedBytesAreRefused() {
        let bytes = ProgressFixtures.learned[1].fingerprint.encoded
        XCTAssertThrowsError(try AudioFingerprint(encoded: Array("RIFF".utf8))) { XCTAssertEqual($0 as? AudioFingerprintError, .notAFingerprint) }
        var other = bytes
        other[3] = 99
        XCTAssertThrowsError(try AudioFingerprint(encoded: other)) { error in
            XCTAssertEqual(error as? AudioFingerprintError, .unsupportedVersion(99))
            XCTAssertTrue("\(error)".contains("teach the announcement again"))
        }
        XCTAssertThrowsError(try AudioFingerprint(encoded: Array(bytes.dropLast(3)))) { XCTAssertEqual($0 as? AudioFingerprintError, .truncated) }
        XCTAssertThrowsError(try AudioFingerprint(encoded: Array(bytes.prefix(7)))) { XCTAssertEqual($0 as? AudioFingerprintError, .truncated) }
    }

    func testTheSameAudioGivesTheSameFingerprintAndTheLevelChangesLittle() {
        let audio = ProgressFixtures.announcements[2]!
        XCTAssertEqual(AudioFingerprint(samples: audio), ProgressFixtures.learned[1].fingerprint)
        // Peaks are local maxima: 20 dB quieter, most landmarks are the same ones.
        let quiet = audio.map { Int16(Float($0) * 0.1) }
        let loud = Set(AudioFingerprint.landmarks(of: audio[...]))
        let soft = Set(AudioFingerprint.landmarks(of: quiet[...]))
        XCTAssertGreaterThan(Double(loud.intersection(soft).count) / Double(loud.count), 0.85)
    }

    func testSilenceHasNoLandmarks() {
        XCTAssertTrue(AudioFingerprint(samples: SyntheticProgressAudio.silence(seconds: 2)).landmarks.isEmpty)
    }
}
