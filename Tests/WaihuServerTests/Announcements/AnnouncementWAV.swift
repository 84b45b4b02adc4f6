import Foundation
import WaihuMedia

/// WAV files for the announcement tests, made at test time: speech-like announcements from
/// the analyser's own generator (`SyntheticProgressAudio`), and the recordings a list
/// manager must be refused (the wrong rate, stereo, too short, silent).
enum AnnouncementWAV {
    /// A carrier-like announcement: the same seed is the same recording.
    static func announcement(seed: UInt64, seconds: Float = 5) -> Data {
        wav(SyntheticProgressAudio.announcement(seed: seed, seconds: seconds))
    }

    /// 16-bit PCM with any rate and channel count (interleaved samples).
    static func wav(_ samples: [Int16], rate: Int = 8000, channels: Int = 1) -> Data {
        var bytes = Data()
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { bytes.append(contentsOf: $0) } }
        let size = samples.count * 2
        bytes.append(contentsOf: Array("RIFF".utf8)); append32(36 + size); bytes.append(contentsOf: Array("WAVE".utf8))
        bytes.append(contentsOf: Array("fmt ".utf8)); append32(16); append16(1); append16(channels)
        append32(rate); append32(rate * channels * 2); append16(channels * 2); append16(16)
        bytes.append(contentsOf: Array("data".utf8)); append32(size)
        for sample in samples { withUnsafeBytes(of: sample.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// The recordings `learn` refuses, each with a phrase its refusal must contain.
    static var refused: [(name: String, wav: Data, says: String)] {
        let speech = SyntheticProgressAudio.announcement(seed: 99, seconds: 3)
        return [
            ("44k.wav", wav(speech + speech + speech + speech + speech, rate: 44_100), "44100 Hz"),
            ("stereo.wav", wav(speech.flatMap { [$0, $0] }, channels: 2), "2 channels"),
            ("short.wav", wav(Array(speech.prefix(4000))), "at least 1 s"),
            ("silent.wav", wav(SyntheticProgressAudio.silence(seconds: 3)), "silent"),
            ("notes.wav", Data("not a recording".utf8), "Cannot read"),
        ]
    }
}
