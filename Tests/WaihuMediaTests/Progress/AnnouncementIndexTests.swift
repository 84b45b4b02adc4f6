import XCTest
@testable import WaihuMedia

final class AnnouncementIndexTests: XCTestCase {
    /// Seconds of audio the analyser needed to name the announcement, or nil.
    private func secondsToMatch(_ heard: [Int16], soundStart: Int) -> (AnnouncementMatch, Double)? {
        var analyser = CallProgressAnalyser(index: ProgressFixtures.index, phase: .earlyMedia)
        for (detection, frame) in ProgressFixtures.run(&analyser, heard) {
            if case .announcement(let match) = detection { return (match, Double((frame + 1) * 160 - soundStart) / 8000) }
        }
        return nil
    }

    func testLearnedAnnouncementsAreFoundAtAnyLevelCodecAndOffsetWithLossWithinThreeSeconds() {
        var random = SeededAudioRandom(seed: 5)
        var slowest = 0.0
        for id in 1...6 {
            let audio = ProgressFixtures.announcements[id]!
            for (level, codec) in [(Float(-20), AudioCodec.pcma), (-10, .pcmu), (0, .pcma), (-15, .pcmu)] {
                // Joined at a random point (first at the very start), after up to 1 s of silence.
                let cut = level == -20 ? 0 : Int(random.unit() * Float(audio.count - 3 * 8000))
                let lead = Int(random.unit() * 8000)
                let clip = SyntheticProgressAudio.silence(seconds: Double(lead) / 8000) + Array(audio[cut...])
                let heard = SimulatedChannel(level: level, signalToNoise: 30, codec: codec, loss: 0.03, slips: 0.005).apply(clip, random: &random)
                guard let (match, seconds) = secondsToMatch(heard, soundStart: lead) else {
                    XCTFail("announcement \(id) at \(level) dB \(codec) from \(cut) not found")
                    continue
                }
                XCTAssertEqual(match.id, id, "at \(level) dB \(codec) from sample \(cut)")
                XCTAssertEqual(match.label, ProgressFixtures.labels[id])
                XCTAssertGreaterThanOrEqual(match.score, 0.1)
                slowest = max(slowest, seconds)
            }
        }
        XCTAssertLessThanOrEqual(slowest, 3, "a match within 3 s of the announcement")
    }

    func testTwoAnnouncementsThatShareTheirFirstWordsAreNeverConfused() {
        // 5 and 6: the same voice and the same first 0.8 s, heard from the start.
        var random = SeededAudioRandom(seed: 6)
        for id in [5, 6] {
            for codec in [AudioCodec.pcma, .pcmu] {
                let heard = SimulatedChannel(level: -6, signalToNoise: 30, codec: codec, loss: 0.03).apply(ProgressFixtures.announcements[id]!, random: &random)
                XCTAssertEqual(secondsToMatch(heard, soundStart: 0)?.0.id, id)
            }
        }
        // The shared words alone name neither.
        let prefix = Array(ProgressFixtures.announcements[5]!.prefix(7200))
        XCTAssertNil(secondsToMatch(prefix + SyntheticProgressAudio.silence(seconds: 2), soundStart: 0))
    }

    func testTheSameWordsInAnotherVoiceAreAnotherAnnouncement() {
        // Announcement 1's words (its seed's script), said again by a higher voice: another
        // carrier's recording of the same text.
        var random = SeededAudioRandom(seed: 7)
        var seeded = SeededAudioRandom(seed: 101 &* 7919 &+ 1)
        var voice = SyntheticSpeech.Voice.random(&seeded)
        let words = SyntheticSpeech.Script.random(seconds: 5, &seeded)
        voice.pitch *= 1.15
        voice.formantScale *= 1.08
        let otherVoice = SyntheticSpeech.render(words, voice: voice, random: &random)
        let index = AnnouncementIndex(ProgressFixtures.learned
            + [LearnedAnnouncement(id: 9, label: "vacant", name: "another carrier", fingerprint: AudioFingerprint(samples: otherVoice))])
        for (audio, expected) in [(ProgressFixtures.announcements[1]!, 1), (SyntheticSpeech.render(words, voice: voice, random: &random), 9)] {
            let heard = SimulatedChannel(level: -8, codec: .pcmu, loss: 0.03).apply(audio, random: &random)
            XCTAssertEqual(index.match(AudioFingerprint.landmarks(of: heard[...]))?.id, expected)
        }
    }

    func testGreetingsSpeechNoiseAndTonesAreNeverAnnouncements() {
        var random = SeededAudioRandom(seed: 8)
        var heard: [[Int16]] = []
        for seed in 0..<12 { heard.append(SyntheticProgressAudio.greeting(seed: UInt64(seed))) }
        for seed in 0..<4 { heard.append(SyntheticProgressAudio.announcement(seed: UInt64(900 + seed), seconds: 6)) }
        heard.append(SyntheticProgressAudio.noise(seconds: 5, level: -20, random: &random))
        heard.append(SyntheticProgressAudio.brownishNoise(seconds: 5, level: -20, random: &random))
        for kind in ToneKind.allCases { heard.append(SyntheticProgressAudio.tone(kind, seconds: 6, level: -10)) }
        for (index, audio) in heard.enumerated() {
            let channel = SimulatedChannel(level: -3, signalToNoise: 30, codec: index % 2 == 0 ? .pcma : .pcmu, loss: 0.03)
            let landmarks = AudioFingerprint.landmarks(of: channel.apply(audio, random: &random)[...])
            XCTAssertNil(ProgressFixtures.index.match(landmarks), "sound \(index)")
            XCTAssertLessThan(ProgressFixtures.index.candidates(landmarks)?.votes ?? 0, AnnouncementMatchRule.default.minimumVotes / 2 + 2,
                              "sound \(index) comes near a match")
        }
    }

    func testAnEmptyIndexMatchesNothing() {
        let empty = AnnouncementIndex([])
        XCTAssertTrue(empty.isEmpty)
        XCTAssertNil(empty.match(ProgressFixtures.learned[0].fingerprint.landmarks))
    }

    func testTheRuleNeedsVotesScoreAndMargin() {
        let rule = AnnouncementMatchRule.default
        func standings(_ votes: Int, _ runnerUp: Int, runnerUpIdle: Int = 0, leaderIdle: Int = 0) -> AnnouncementVotes.Standings {
            AnnouncementVotes.Standings(leader: 0, votes: votes, runnerUp: runnerUp, runnerUpIdle: runnerUpIdle, leaderIdle: leaderIdle)
        }
        XCTAssertTrue(rule.accepts(standings(15, 7), heard: 100))
        XCTAssertFalse(rule.accepts(standings(14, 0), heard: 20), "too few votes")
        XCTAssertFalse(rule.accepts(standings(20, 0), heard: 400), "a twentieth of what was heard")
        XCTAssertFalse(rule.accepts(standings(20, 11), heard: 100), "no clear margin")
        XCTAssertTrue(rule.accepts(standings(36, 19, runnerUpIdle: 60, leaderIdle: 2), heard: 100),
                      "the shared words are over and only the leader goes on matching")
        XCTAssertFalse(rule.accepts(standings(36, 19, runnerUpIdle: 20, leaderIdle: 2), heard: 100), "the runner-up still matches")
        XCTAssertFalse(rule.accepts(standings(36, 19, runnerUpIdle: 60, leaderIdle: 30), heard: 100), "the leader stopped matching too")
        XCTAssertFalse(rule.accepts(standings(30, 19, runnerUpIdle: 60, leaderIdle: 2), heard: 100), "not a match's worth of its own")
    }
}
