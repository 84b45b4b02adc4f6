import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// Every number's fate through real components (issue 17): SIPp customers send 183 with
/// early media (espeak-ng announcements, 450 Hz tones, nothing), final responses with and
/// without a Q.850 cause, or answer and play a mailbox greeting or a live "喂？你好"; waihu's
/// engine, with the announcements a list manager taught (one rendering of each), reads the
/// cause. The calls use other renderings (level, start offset, codec, packet loss), as a
/// carrier's one recording reaches us differently each time. The confusion table of the run
/// is printed; every case must be found as what it is, and no person taken for a recording.
final class CallProgressEndToEndTests: XCTestCase {
    struct Case: Sendable {
        var name: String
        var behaviour: CustomerBehaviour
        var expected: CallCause
        var expectedOutcome: CallOutcome
        var mode: ProgressAnalysisMode = .standard
        /// The call must have been ended by waihu before the carrier's final response.
        var endedEarly = false
    }

    static let taught: [ProgressAudio.Announcement] = [.vacant, .poweredOff, .suspended, .unreachable, .busy, .numberChanged, .secretary]

    /// What a list manager taught: the reference rendering of each announcement.
    static func learnedIndex() throws -> AnnouncementIndex {
        var learned: [LearnedAnnouncement] = []
        for (id, announcement) in taught.enumerated() {
            let sample = try AnnouncementSample(samples: ProgressAudio.samples(.announcement(announcement)), sampleRate: 8000, channels: 1)
            learned.append(LearnedAnnouncement(id: id + 1, label: announcement.rawValue, name: "test \(announcement.rawValue)",
                                               fingerprint: sample.fingerprint))
        }
        return AnnouncementIndex(learned)
    }

    static var cases: [Case] {
        var cases: [Case] = []
        // Early-media announcements, then a final response that alone would say little.
        let announced: [(ProgressAudio.Announcement, CallCause, CallOutcome, Double, Int, ProgressAudio.Codec)] = [
            (.vacant, .vacant, .invalid, -6, 300, .pcmu),
            (.poweredOff, .poweredOff, .noAnswer, -12, 0, .pcma),
            (.suspended, .suspended, .invalid, 0, 700, .pcma),
            (.unreachable, .unreachable, .noAnswer, -20, 150, .pcmu),
            (.busy, .busy, .busy, -3, 0, .pcma),
            (.numberChanged, .numberChanged, .invalid, -9, 400, .pcmu),
        ]
        for (announcement, cause, outcome, level, offset, codec) in announced {
            cases.append(Case(name: "183 \(announcement.rawValue) \(Int(level)) dB +\(offset) ms \(codec.rawValue), then 480",
                              behaviour: .earlyMedia(.announcement(announcement, levelDB: level, offsetMS: offset), forMS: 9000,
                                                     then: .reject(status: 480), codec: codec),
                              expected: cause, expectedOutcome: outcome, endedEarly: true))
        }
        cases.append(Case(name: "183 vacant with 3 % loss, then 404",
                          behaviour: CustomerBehaviour.earlyMedia(.announcement(.vacant, levelDB: -10, offsetMS: 200), forMS: 9000,
                                                                  then: .reject(status: 404)).lossy(0.03, jitterMS: 10),
                          expected: .vacant, expectedOutcome: .invalid, endedEarly: true))
        // Tones: no learning needed.
        cases.append(Case(name: "183 busy tone, then 486", behaviour: .earlyMedia(.tone(.busy), forMS: 6000, then: .reject(status: 486)),
                          expected: .busy, expectedOutcome: .busy, endedEarly: true))
        cases.append(Case(name: "183 congestion tone, then 503",
                          behaviour: .earlyMedia(.tone(.congestion), forMS: 6000, then: .reject(status: 503)),
                          expected: .congestion, expectedOutcome: .failed, endedEarly: true))
        // A recording nobody taught (another voice is another recording), then an ambiguous 480.
        cases.append(Case(name: "183 untaught recording, then 480",
                          behaviour: .earlyMedia(.announcement(.vacant, voice: .female, speed: 130), forMS: 7000, then: .reject(status: 480)),
                          expected: .announcementUnknown, expectedOutcome: .noAnswer))
        // Signalling alone.
        let signalled: [(Int, Int?, CallCause, CallOutcome)] = [
            (404, 1, .vacant, .invalid), (480, 20, .poweredOff, .noAnswer), (486, nil, .busy, .busy), (603, 21, .rejected, .rejected),
            (403, 55, .barred, .rejected), (410, nil, .numberChanged, .invalid), (503, 34, .congestion, .failed),
            (480, 18, .noAnswer, .noAnswer),
        ]
        for (status, q850, cause, outcome) in signalled {
            cases.append(Case(name: "180, then \(status)\(q850.map { " q850 \($0)" } ?? "")",
                              behaviour: .rings(forMS: 500, then: .reject(status: status, q850: q850)),
                              expected: cause, expectedOutcome: outcome))
        }
        // Bad input: the signalling still decides.
        cases.append(Case(name: "183 without SDP, then 480 q850 20",
                          behaviour: .sessionProgressWithoutSDP(forMS: 800, then: .reject(status: 480, q850: 20)),
                          expected: .poweredOff, expectedOutcome: .noAnswer))
        cases.append(Case(name: "183 with SDP and no RTP, then 404",
                          behaviour: .silentEarlyMedia(forMS: 1500, then: .reject(status: 404)),
                          expected: .vacant, expectedOutcome: .invalid))
        cases.append(Case(name: "183 announcement on payload type 96, then 480",
                          behaviour: CustomerBehaviour.earlyMedia(.announcement(.vacant), forMS: 3000, then: .reject(status: 480))
                            .sendingPayloadType(96),
                          expected: .noAnswer, expectedOutcome: .noAnswer))
        // After the answer: a mailbox, and live people.
        cases.append(Case(name: "200 then the secretary (-8 dB)",
                          behaviour: .answers(playing: .announcement(.secretary, levelDB: -8, offsetMS: 300), afterRingMS: 800, talkMS: 12000),
                          expected: .secretary, expectedOutcome: .machine))
        for (greeting, voice) in [(ProgressAudio.Greeting.weiNiHao, ProgressAudio.Voice.standard), (.weiNaWei, .female), (.niHaoQingJiang, .male)] {
            cases.append(Case(name: "200 then \(greeting.words)",
                              behaviour: .answers(playing: .greeting(greeting, voice: voice, offsetMS: 200), afterRingMS: 800, talkMS: 5000),
                              expected: .human, expectedOutcome: .answered))
        }
        cases.append(Case(name: "200 then silence", behaviour: .answers(playing: nil, afterRingMS: 500, talkMS: 5000),
                          expected: .human, expectedOutcome: .answered))
        // Number check: the first sign of alerting ends the call.
        cases.append(Case(name: "check: 180, would ring 8 s", behaviour: .rings(forMS: 8000, then: .reject(status: 480)),
                          expected: .alerting, expectedOutcome: .noAnswer, mode: .cleansing, endedEarly: true))
        cases.append(Case(name: "check: 183 ringback tone",
                          behaviour: .earlyMedia(.tone(.ringback), forMS: 8000, then: .reject(status: 480)),
                          expected: .alerting, expectedOutcome: .noAnswer, mode: .cleansing, endedEarly: true))
        return cases
    }

    struct Found: Sendable {
        var report: CallReport
        var seconds: Double
        var peerExit: Int32?
        var peerOutput: String
    }

    func testEveryNumbersFateFromSignallingAndEarlyMedia() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let index = try Self.learnedIndex()
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 33000...33399,
                                                                            trustedHosts: ["127.0.0.1"]))
        engine.setAnnouncements(index)
        let audio = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-progress-\(UUID().uuidString.prefix(6))").path
        defer { try? FileManager.default.removeItem(atPath: audio) }
        let cases = Self.cases
        // Render every clip before the clock matters (espeak-ng and sox, cached per process).
        for item in cases { _ = try ProgressPeers.scenario(item.behaviour) }

        var results: [Int: Found] = [:]
        let base = SharedPeers.peerPort()
        // A few calls at a time: each is real time (up to ~10 s), and a 2-core machine must
        // keep the RTP clocks of the peers honest.
        for batch in stride(from: 0, to: cases.count, by: 6) {
            try await withThrowingTaskGroup(of: (Int, Found).self) { group in
                for number in batch..<min(batch + 6, cases.count) {
                    let item = cases[number]
                    let port = base + number * 10
                    group.addTask {
                        let customer = try ProgressPeers.customer(item.behaviour, port: port)
                        defer { customer.stop() }
                        try await Task.sleep(nanoseconds: 300_000_000)
                        let started = Date()
                        let leg = try await engine.placeCall(OutboundCallRequest(
                            target: .trunk(number: "1380013\(String(format: "%04d", number))", host: "127.0.0.1", port: port, credentials: nil),
                            callerID: "10086", ringTimeout: .seconds(15), progressAnalysis: item.mode, progressAudioDirectory: audio))
                        if await leg.waitUntilAnswered() {
                            // As a campaign does: a person stays on the line, a recording is hung up by the engine.
                            if await leg.waitUntilJudgedHuman() {
                                try? await Task.sleep(nanoseconds: 500_000_000)
                                leg.hangUp()
                            }
                        }
                        let report = await leg.waitUntilEnded()
                        let seconds = Date().timeIntervalSince(started)
                        let exit = await customer.waitForExit(seconds: 15)
                        return (number, Found(report: report, seconds: seconds, peerExit: exit, peerOutput: customer.output))
                    }
                }
                for try await (number, found) in group { results[number] = found }
            }
        }

        // The confusion table: true cause × found cause.
        var table: [CallCause: [CallCause: Int]] = [:]
        for (number, item) in cases.enumerated() {
            guard let found = results[number] else { continue }
            table[item.expected, default: [:]][found.report.cause, default: 0] += 1
        }
        print(Self.confusionTable(table))
        for (number, item) in cases.enumerated() {
            guard let found = results[number] else { XCTFail("\(item.name): no result"); continue }
            let report = found.report
            print("progress case: \(item.name) → \(report.cause.rawValue) (\(report.evidence)) in \(String(format: "%.1f", found.seconds)) s")
            XCTAssertEqual(report.cause, item.expected, "\(item.name): \(report.json)")
            XCTAssertEqual(report.outcome, item.expectedOutcome, "\(item.name): \(report.json)")
            XCTAssertEqual(found.peerExit, 0, "\(item.name): the customer's scenario\n\(found.peerOutput)")
            if item.endedEarly {
                // Cancelled by waihu before the carrier's final response (SIPp would send it after forMS).
                XCTAssertNotEqual(report.sipStatus, 480, "\(item.name): waited for the final response")
                XCTAssertLessThan(found.seconds, Double(item.behaviour.progressMS) / 1000, "\(item.name) was not ended early")
            }
            if item.expected == .announcementUnknown {
                let kept = try XCTUnwrap(report.progressAudio, "\(item.name): the untaught recording is kept to be taught")
                let sample = try AnnouncementSample(wav: [UInt8](Data(contentsOf: URL(fileURLWithPath: kept))))
                XCTAssertGreaterThan(sample.durationSeconds, 3)
            } else {
                XCTAssertNil(report.progressAudio, item.name)
            }
        }
        let people = cases.indices.filter { cases[$0].expected == .human }
        XCTAssertFalse(people.contains { results[$0]?.report.cause == .secretary || results[$0]?.report.evidence.hasPrefix("announcement") == true },
                       "a person was taken for a recording")
        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        try await engine.shutdown()
    }

    static func confusionTable(_ table: [CallCause: [CallCause: Int]]) -> String {
        let rows = CallCause.allCases.filter { table[$0] != nil }
        let columns = CallCause.allCases.filter { cause in table.values.contains { $0[cause] != nil } }
        var lines = ["confusion (rows: true cause, columns: found cause)", "| true \\ found | " + columns.map(\.rawValue).joined(separator: " | ") + " |",
                     "|---|" + columns.map { _ in "---:" }.joined(separator: "|") + "|"]
        for row in rows {
            lines.append("| \(row.rawValue) | " + columns.map { String(table[row]?[$0] ?? 0) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
