import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// An agent phone (baresip) registers to the engine with digest auth; the engine calls
/// a customer (SIPp, PCMA) and the phone (PCMU only, so the bridge must transcode) and
/// bridges them. Audio must cross both ways: the customer's speech reaches the phone,
/// the phone's 1 kHz tone reaches the customer side of our recording.
final class BaresipBridgeTests: XCTestCase {
    func testRegisteredPhoneIsBridgedToCustomerWithAudioBothWays() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let registrations = RegistrationLog()
        let engine = try await TelephonyEngine.start(
            TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 30300...30399),
            phones: StaticPhoneDirectory(["8001": "secret8001"])) { registrations.append($0) }
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: engine.sipEndpoint.port,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 40, amplitude: 0.4))
        defer { phone.stop() }

        var binding: RegistrarBinding?
        for _ in 0..<150 where binding == nil {
            binding = await engine.registration(ofExtension: "8001")
            if binding == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        XCTAssertNotNil(binding, "baresip did not register: \(phone.process.output)")
        XCTAssertEqual(registrations.all.first?.phoneExtension, "8001")
        XCTAssertNotNil(registrations.all.first?.expiresAt)

        let port = SharedPeers.peerPort()
        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: port,
                                                    variables: ["ring_ms": "500", "talk_ms": "4500"])
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-bridge-\(port).wav").path
        defer { try? FileManager.default.removeItem(atPath: recording) }

        let customerLeg = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
            callerID: "10086", ringTimeout: .seconds(10), recordingPath: recording))
        let customerAnswered = await customerLeg.waitUntilAnswered()
        XCTAssertTrue(customerAnswered, customer.output)
        let agentLeg = try await engine.placeCall(OutboundCallRequest(target: .phone(extension: "8001"), callerID: "13800138000",
                                                                      ringTimeout: .seconds(10)),
                                                  alongside: customerLeg)
        let agentAnswered = await agentLeg.waitUntilAnswered()
        XCTAssertTrue(agentAnswered, phone.process.output)
        let probe = Task { () -> String in
            try? await Task.sleep(nanoseconds: 3_000_000_000)
            return "customer \(await customerLeg.statistics()) agent \(await agentLeg.statistics())"
        }
        let reports = try await CallBridge(customer: customerLeg, agent: agentLeg).run()
        let midCall = await probe.value

        XCTAssertEqual(reports.customer.outcome, .answered)
        XCTAssertEqual(reports.customer.dtmf, "1")
        XCTAssertEqual(reports.agent.outcome, .answered)
        XCTAssertEqual(reports.agent.dtmf, "", "the agent pressed nothing")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)

        // Customer → agent: the pcap speech is in what baresip heard (PCMA in, PCMU out).
        try await Task.sleep(nanoseconds: 500_000_000)
        let heardPath = try XCTUnwrap(phone.heardRecording(), "baresip wrote no recording")
        let heard = try WAVAnalysis(path: heardPath)
        XCTAssertGreaterThan(WAVAnalysis.rms(heard.slice(0, from: 0, to: heard.duration)), 0.01,
                             "the customer's speech reached the agent phone")
        // Agent → customer: the 1 kHz tone is what we sent the customer (right channel).
        let wav = try WAVAnalysis(path: recording)
        let agentSide = wav.slice(1, from: wav.duration - 2.5, to: wav.duration - 0.5)
        let profile = stride(from: 0.0, to: wav.duration, by: 0.5).map { String(format: "%.2f", WAVAnalysis.rms(wav.slice(1, from: $0, to: $0 + 0.5))) }
        XCTAssertGreaterThan(WAVAnalysis.rms(agentSide), 0.05, "right channel by 0.5 s: \(profile)\n\(midCall)")
        XCTAssertEqual(wav.frequency(agentSide), 1000, accuracy: 30, "the agent's tone reached the customer")
        XCTAssertGreaterThan(WAVAnalysis.rms(wav.slice(0, from: 2, to: wav.duration - 0.5)), 0.01,
                             "the customer is on the left channel")
        let held = await engine.legsHoldingMedia()
        XCTAssertEqual(held, 0)
        try await engine.shutdown()
    }
}

/// Registration callbacks, collected across threads.
final class RegistrationLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [PhoneRegistration] = []

    func append(_ registration: PhoneRegistration) { lock.withLock { items.append(registration) } }
    var all: [PhoneRegistration] { lock.withLock { items } }
}
