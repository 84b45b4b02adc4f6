@testable import WaihuMedia

/// Audio and a small learned set shared by the call-progress tests, built once per run
/// (fingerprinting is the slow part in a debug build).
enum ProgressFixtures {
    /// Six announcements of 5 s: ids 1…4 are standalone, 5 and 6 are one family (same voice,
    /// same first 0.8 s of words).
    static let announcements: [Int: [Int16]] = {
        var audio: [Int: [Int16]] = [:]
        for id in 1...4 { audio[id] = SyntheticProgressAudio.announcement(seed: UInt64(100 + id), seconds: 5) }
        for id in 5...6 { audio[id] = SyntheticProgressAudio.announcement(seed: UInt64(200 + id), seconds: 5, family: 77) }
        return audio
    }()

    static let labels = [1: "vacant", 2: "powered_off", 3: "suspended", 4: "secretary", 5: "unreachable", 6: "busy"]

    static let learned: [LearnedAnnouncement] = announcements.keys.sorted().map { id in
        LearnedAnnouncement(id: id, label: labels[id]!, name: "announcement \(id)",
                            fingerprint: AudioFingerprint(samples: announcements[id]!))
    }

    static let index = AnnouncementIndex(learned)

    /// Feeds `audio` to the analyser 20 ms at a time; every detection with the frame it came on.
    static func run(_ analyser: inout CallProgressAnalyser, _ audio: [Int16]) -> [(detection: CallProgressDetection, frame: Int)] {
        var found: [(CallProgressDetection, Int)] = []
        var start = 0
        while start + 160 <= audio.count {
            if let detection = analyser.analyse(Array(audio[start..<start + 160])) { found.append((detection, start / 160)) }
            start += 160
        }
        return found
    }

    /// The tone frames the detector finds in `audio`.
    static func toneFrames(_ audio: [Int16]) -> [ToneFrame] {
        let detector = ToneDetector()
        return stride(from: 0, to: audio.count - 159, by: 160).map { detector.detect(Array(audio[$0..<$0 + 160])) }
    }
}
