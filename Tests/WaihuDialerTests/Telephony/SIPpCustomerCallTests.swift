import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// The engine calls a real customer phone (SIPp as UAS, `shared/peers/uas_*.xml`)
/// through the "trunk" on 127.0.0.1: answered with DTMF and a customer hang-up, busy,
/// and no answer until the ring timeout.
final class SIPpCustomerCallTests: XCTestCase {
    func startEngine(rtp: ClosedRange<Int>) async throws -> TelephonyEngine {
        try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: rtp,
                                                               trustedHosts: ["127.0.0.1"]))
    }

    func trunkCall(port: Int, ringTimeout: Duration = .seconds(10), recording: String? = nil) -> OutboundCallRequest {
        OutboundCallRequest(target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
                            callerID: "10086", ringTimeout: ringTimeout, recordingPath: recording)
    }

    func testAnsweredCallPlaysPromptCollectsDigitAndRecordsBothSides() async throws {
        let port = SharedPeers.peerPort()
        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: port,
                                                    variables: ["ring_ms": "1000", "talk_ms": "3000"])
        defer { customer.stop() }
        let engine = try await startEngine(rtp: 30000...30099)
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-answer-\(port).wav").path
        defer { if ProcessInfo.processInfo.environment["WAIHU_KEEP_RECORDINGS"] == nil { try? FileManager.default.removeItem(atPath: recording) } }
        try await Task.sleep(nanoseconds: 300_000_000)   // SIPp binds its port

        let leg = try await engine.placeCall(trunkCall(port: port, recording: recording))
        let answered = await leg.waitUntilAnswered()
        XCTAssertTrue(answered, customer.output)
        let answeredAt = Date()
        // An 8 s prompt: the customer hangs up about 4.5 s after answering, half-way through.
        let prompt = WAVFile(encoding: .pcm16, samples: TestTone.samples(frequency: 440, seconds: 8))
        async let digits = leg.collectDigits(.init(maximumDigits: 1, firstDigitTimeout: .seconds(6)))
        let played = await leg.play(prompt)
        let report = await leg.waitUntilEnded()
        let callSeconds = Date().timeIntervalSince(answeredAt)
        let collected = await digits

        XCTAssertEqual(collected, .finished(digits: "1", reason: .maximumDigits))
        XCTAssertEqual(report.outcome, .answered)
        XCTAssertEqual(report.sipStatus, 200)
        XCTAssertEqual(report.dtmf, "1")
        XCTAssertGreaterThan(report.ringSeconds, 0.8, "SIPp rings 1 s before answering")
        XCTAssertLessThan(report.ringSeconds, 5)
        XCTAssertFalse(played.completed, "the customer hung up before the prompt ended")
        XCTAssertGreaterThan(report.listenedSeconds, 2)
        XCTAssertLessThan(report.listenedSeconds, 7.9)
        XCTAssertEqual(report.recording, recording)
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)

        // The recording lasts as long as the call and holds both sides.
        let wav = try WAVAnalysis(path: recording)
        XCTAssertEqual(wav.channels, 2)
        XCTAssertEqual(wav.duration, callSeconds, accuracy: 0.5)
        let customerSpeech = WAVAnalysis.rms(wav.slice(0, from: 2, to: wav.duration - 0.3))
        XCTAssertGreaterThan(customerSpeech, 0.01, "the customer's pcap speech is on the left channel")
        let ourPrompt = wav.slice(1, from: 0.5, to: 2)
        XCTAssertGreaterThan(WAVAnalysis.rms(ourPrompt), 0.2)
        XCTAssertEqual(wav.frequency(ourPrompt), 440, accuracy: 20, "our prompt is on the right channel")
        XCTAssertLessThan(WAVAnalysis.rms(wav.slice(0, from: 0.1, to: 0.9)), 0.01, "the customer was silent before the DTMF")

        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        XCTAssertEqual(report.json.hasPrefix(#"{"outcome":"answered","cause":"human","evidence":"#) && report.json.contains(#""sip_status":200,"ring_s":"#), true, report.json)
        try await engine.shutdown()
    }

    func testBusyCustomerEndsBusyWith486() async throws {
        let port = SharedPeers.peerPort()
        let customer = try SharedPeers.sippCustomer("uas_reject.xml", port: port, variables: ["ring_ms": "500"])
        defer { customer.stop() }
        let engine = try await startEngine(rtp: 30100...30199)
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-busy-\(port).wav").path
        try await Task.sleep(nanoseconds: 300_000_000)

        let leg = try await engine.placeCall(trunkCall(port: port, recording: recording))
        var events: [CallLegEvent] = []
        for await event in leg.events { events.append(event) }
        let report = await leg.report()
        XCTAssertEqual(events, [.ringing, .ended(.busy, sipStatus: 486)])
        XCTAssertEqual(report.outcome, .busy)
        XCTAssertEqual(report.sipStatus, 486)
        XCTAssertGreaterThan(report.ringSeconds, 0.4)
        XCTAssertEqual(report.listenedSeconds, 0)
        XCTAssertNil(report.recording)
        XCTAssertFalse(FileManager.default.fileExists(atPath: recording), "no empty recording is left behind")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
        let heldMedia = await engine.legsHoldingMedia()
        XCTAssertEqual(heldMedia, 0)
        try await engine.shutdown()
    }

    func testRingTimeoutCancelsAndEndsNoAnswer() async throws {
        let port = SharedPeers.peerPort()
        let customer = try SharedPeers.sippCustomer("uas_noanswer.xml", port: port)
        defer { customer.stop() }
        let engine = try await startEngine(rtp: 30200...30299)
        try await Task.sleep(nanoseconds: 300_000_000)

        let leg = try await engine.placeCall(trunkCall(port: port, ringTimeout: .seconds(2)))
        let answered = await leg.waitUntilAnswered()
        XCTAssertFalse(answered)
        let report = await leg.waitUntilEnded()
        XCTAssertEqual(report.outcome, .noAnswer)
        XCTAssertEqual(report.sipStatus, 487)
        XCTAssertEqual(report.ringSeconds, 2, accuracy: 1)
        // SIPp's scenario ends only after CANCEL, 487 and our ACK for it.
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
        try await engine.shutdown()
    }
}
