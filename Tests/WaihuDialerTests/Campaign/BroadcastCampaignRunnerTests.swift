import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// A voice-broadcast campaign over real peers on loopback: SIPp customers who press 1,
/// listen and hang up, are busy or never answer, and a baresip agent phone that the
/// press-1 caller is put through to. Each lead ends with the right outcome, listening
/// time, keys and transfer, and nothing is left held.
final class BroadcastCampaignRunnerTests: XCTestCase {
    actor Results {
        var all: [Int64: CampaignCallResult] = [:]
        func add(_ result: CampaignCallResult) { all[result.lead.id] = result }
    }

    private static var listenScenario: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios/uas_listen_hangup.xml").path
    }

    func testBroadcastGivesEachLeadItsOutcomeListeningTimeAndPressOneTransfer() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let engine = try await TelephonyEngine.start(
            TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 31000...31199, trustedHosts: ["127.0.0.1"]),
            phones: StaticPhoneDirectory(["8001": "secret8001"]))
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: engine.sipEndpoint.port,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 40, amplitude: 0.4))
        defer { phone.stop() }
        var binding: RegistrarBinding?
        for _ in 0..<150 where binding == nil {
            binding = await engine.registration(ofExtension: "8001")
            if binding == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        XCTAssertNotNil(binding, "baresip did not register: \(phone.process.output)")

        // One SIPp per behaviour; the "carrier" routes each lead's number to its customer.
        let pressOne = SharedPeers.peerPort()
        let listen = pressOne + 10
        let busy = pressOne + 20
        let noAnswer = pressOne + 30
        let peers = [
            // Presses 1 a second after answering and hangs up 7.5 s after answering.
            try SharedPeers.sippCustomer("uas_answer.xml", port: pressOne, variables: ["ring_ms": "500", "talk_ms": "6000"]),
            try SharedPeers.sippCustomer(Self.listenScenario, port: listen, variables: ["ring_ms": "300", "talk_ms": "2500"],
                                         calls: 2),
            try SharedPeers.sippCustomer("uas_reject.xml", port: busy, variables: ["ring_ms": "300"]),
            try SharedPeers.sippCustomer("uas_noanswer.xml", port: noAnswer),
        ]
        defer { peers.forEach { $0.stop() } }
        try await Task.sleep(nanoseconds: 300_000_000)
        let ports: [Int64: Int] = [1: pressOne, 2: listen, 3: listen, 4: busy, 5: noAnswer]
        let leads = ports.keys.sorted().map { CampaignLead(id: $0, number: "1380013800\($0)") }

        let recordings = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-broadcast-\(pressOne)")
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: recordings) }
        let settings = BroadcastSettings(prompt: WAVFile(encoding: .pcm16, samples: TestTone.samples(frequency: 440, seconds: 6)),
                                         digitWaitAfterPrompt: .seconds(1), maxConcurrentCalls: 3, callsPerSecond: 10,
                                         ringTimeout: .seconds(2), callerID: "10086", recordingDirectory: recordings)
        let runner = BroadcastCampaignRunner(engine: engine, settings: settings, agents: FixedTransferAgents(["8001"])) { lead in
            .trunk(number: lead.number, host: "127.0.0.1", port: ports[lead.id]!, credentials: nil)
        }
        let results = Results()
        let placed = try await runner.run(queue: FixedLeadQueue(leads)) { await results.add($0) }
        let all = await results.all
        XCTAssertEqual(placed, 5)
        XCTAssertEqual(all.count, 5)

        let transferred = try XCTUnwrap(all[1])
        XCTAssertEqual(transferred.customer.outcome, .answered)
        XCTAssertEqual(transferred.customer.dtmf, "1")
        XCTAssertTrue(transferred.wantedAgent)
        XCTAssertEqual(transferred.agentPhone, "8001", phone.process.output)
        XCTAssertEqual(transferred.agentLeg?.outcome, .answered)
        XCTAssertLessThan(transferred.customer.listenedSeconds, 3, "the ad stops when the caller presses 1 (about 1 s in)")
        XCTAssertGreaterThan(transferred.customer.listenedSeconds, 0.5)
        let recording = try XCTUnwrap(transferred.customer.recording)
        let wav = try WAVAnalysis(path: recording)
        XCTAssertEqual(wav.duration, 7.5, accuracy: 0.7, "the recording lasts the call, ad and transfer together")
        let agentSide = wav.slice(1, from: wav.duration - 4, to: wav.duration - 0.5)
        XCTAssertEqual(wav.frequency(agentSide), 1000, accuracy: 30, "the agent phone's tone is on the recording")

        for id: Int64 in [2, 3] {
            let listened = try XCTUnwrap(all[id])
            XCTAssertEqual(listened.customer.outcome, .answered)
            XCTAssertFalse(listened.wantedAgent)
            XCTAssertNil(listened.agentPhone)
            XCTAssertEqual(listened.customer.dtmf, "")
            XCTAssertEqual(listened.customer.listenedSeconds, 2.5, accuracy: 0.6, "the customer hung up 2.5 s into the 6 s ad")
        }
        XCTAssertEqual(all[4]?.customer.outcome, .busy)
        XCTAssertEqual(all[4]?.customer.sipStatus, 486)
        XCTAssertEqual(all[4]?.customer.listenedSeconds, 0)
        XCTAssertEqual(all[5]?.customer.outcome, .noAnswer)
        XCTAssertEqual(all[5]?.customer.sipStatus, 487)

        for peer in peers {
            let exit = await peer.waitForExit(seconds: 15)
            XCTAssertEqual(exit, 0, peer.output)
        }
        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        try await engine.shutdown()
    }

    func testStoppedCampaignDialsNobodyAndPauseHoldsDialing() async throws {
        let engine = try await TelephonyEngine.start(
            TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 31200...31219, trustedHosts: ["127.0.0.1"]))
        let settings = BroadcastSettings(prompt: WAVFile(encoding: .pcm16, samples: []), callerID: "10086")
        let runner = BroadcastCampaignRunner(engine: engine, settings: settings, agents: nil) { lead in
            .trunk(number: lead.number, host: "127.0.0.1", port: 9, credentials: nil)
        }
        let stopped = CampaignControl()
        await stopped.stop()
        let none = try await runner.run(queue: FixedLeadQueue([CampaignLead(id: 1, number: "13800138000")]), control: stopped) { _ in }
        XCTAssertEqual(none, 0)

        let paused = CampaignControl()
        await paused.pause()
        let run = Task { try await runner.run(queue: FixedLeadQueue([]), control: paused) { _ in } }
        try await Task.sleep(nanoseconds: 300_000_000)
        let state = await paused.state
        XCTAssertEqual(state, .paused)
        await paused.resume()
        let placed = try await run.value
        XCTAssertEqual(placed, 0, "an empty queue ends the campaign once resumed")
        try await engine.shutdown()
    }
}
