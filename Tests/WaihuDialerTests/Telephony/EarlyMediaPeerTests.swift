import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// The call-progress test peers (issue 17) do what they say: SIPp customers built by
/// `ProgressPeers` send 183 with early media (espeak-ng announcements, 450 Hz tones) and a
/// final response with its Q.850 cause, or answer and play a secretary or a live greeting.
/// `SIPProbeCaller` (a bare SIP caller) checks the wire: RTP arrives between the 183 and the
/// final response, every 20 ms, carrying the clip's bytes. Then waihu's engine calls each
/// variant with the analysis off and gets the status SIPp sent.
final class EarlyMediaPeerTests: XCTestCase {
    // MARK: The audio

    func testRenderingsOfOneAnnouncementDifferOnlyAsAsked() throws {
        let reference = try ProgressAudio.samples(.announcement(.vacant))
        let quieter = try ProgressAudio.samples(.announcement(.vacant, levelDB: -20, offsetMS: 500))
        XCTAssertEqual(reference.count % 160, 0, "whole 20 ms frames")
        XCTAssertEqual(quieter.count, reference.count + 4000, "500 ms of leading silence")
        XCTAssertEqual(reference.map { abs(Int($0)) }.max() ?? 0, 29204, accuracy: 40, "peak at -1 dBFS")
        XCTAssertEqual(quieter.prefix(4000).map { abs(Int($0)) }.max(), 0)
        let ratio = rms(quieter.dropFirst(4000)) / rms(reference[...])
        XCTAssertEqual(ratio, 0.1, accuracy: 0.002, "-20 dB")
        XCTAssertGreaterThan(Double(reference.count) / 8000, 6, "Chinese, then English: the carrier's whole recording")

        // The same sound is the same bytes every time (a carrier's recording), in both codecs.
        let alaw = try Data(contentsOf: ProgressAudio.clip(.announcement(.vacant), codec: .pcma))
        let ulaw = try Data(contentsOf: ProgressAudio.clip(.announcement(.vacant), codec: .pcmu))
        XCTAssertEqual(alaw.count, reference.count)
        XCTAssertEqual(ulaw.count, reference.count)
        XCTAssertNotEqual(alaw, ulaw)
        let wav = try WAVAnalysis(path: ProgressAudio.wav8k(.announcement(.vacant)).path)
        XCTAssertEqual(wav.sampleRate, 8000)
        XCTAssertEqual(wav.channels, 1)

        // Another speed is another recording: a different length.
        let faster = try ProgressAudio.samples(.announcement(.vacant, speed: 190))
        XCTAssertLessThan(Double(faster.count), Double(reference.count) * 0.9)
    }

    func testTonesFollowTheirCadence() throws {
        let busy = try WAVAnalysis(path: ProgressAudio.wav8k(.tone(.busy, seconds: 2.8)).path)
        for cycle in 0..<4 {
            let on = busy.slice(0, from: Double(cycle) * 0.7 + 0.02, to: Double(cycle) * 0.7 + 0.33)
            let off = busy.slice(0, from: Double(cycle) * 0.7 + 0.37, to: Double(cycle) * 0.7 + 0.68)
            XCTAssertEqual(WAVAnalysis.rms(on), 0.316 / 2.squareRoot(), accuracy: 0.01, "-10 dBFS peak")
            XCTAssertEqual(busy.frequency(on), 450, accuracy: 10)
            XCTAssertEqual(WAVAnalysis.rms(off), 0)
        }
        let ringback = try WAVAnalysis(path: ProgressAudio.wav8k(.tone(.ringback, seconds: 6)).path)
        XCTAssertGreaterThan(WAVAnalysis.rms(ringback.slice(0, from: 0.1, to: 0.9)), 0.2)
        XCTAssertEqual(WAVAnalysis.rms(ringback.slice(0, from: 1.1, to: 4.9)), 0)
        let sit = try WAVAnalysis(path: ProgressAudio.wav8k(.tone(.specialInformation, seconds: 2)).path)
        XCTAssertEqual(sit.frequency(sit.slice(0, from: 0.05, to: 0.3)), 950, accuracy: 15)
        XCTAssertEqual(sit.frequency(sit.slice(0, from: 0.38, to: 0.63)), 1400, accuracy: 15)
        XCTAssertEqual(sit.frequency(sit.slice(0, from: 0.71, to: 0.96)), 1800, accuracy: 15)
    }

    func testGreetingIsShortSpeechThenSilence() throws {
        let greeting = try WAVAnalysis(path: ProgressAudio.wav8k(.greeting(.weiNiHao, silenceAfterMS: 4000)).path)
        XCTAssertGreaterThan(WAVAnalysis.rms(greeting.slice(0, from: 0, to: greeting.duration - 4)), 0.05)
        XCTAssertLessThan(greeting.duration - 4, 2.5, "a greeting is a second or two")
        XCTAssertEqual(WAVAnalysis.rms(greeting.slice(0, from: greeting.duration - 3.9, to: greeting.duration)), 0)
    }

    // MARK: The wire (a bare SIP caller)

    func testEarlyAnnouncementArrivesBeforeThe404WithItsCause() async throws {
        let sound = ProgressAudio.Sound.announcement(.vacant, levelDB: -6, offsetMS: 200)
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.earlyMedia(sound, forMS: 3000, then: .reject(status: 404, q850: 1)), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 404], customer.output)
        let progress = try XCTUnwrap(call.responses.first { $0.status == 183 })
        XCTAssertTrue(progress.text.contains("Content-Type: application/sdp"))
        XCTAssertTrue(progress.text.contains("a=rtpmap:8 PCMA/8000"))
        let final = try XCTUnwrap(call.finalResponse)
        XCTAssertTrue(final.text.contains(#"Reason: Q.850;cause=1;text="Unallocated (unassigned) number""#), final.text)

        // 3 s of PCMA at 20 ms, all of it after the 183 and before the 404, the clip's own bytes.
        let early = call.earlyRTP
        XCTAssertEqual(Double(early.count), 150, accuracy: 6)
        XCTAssertEqual(call.rtp.count, early.count, "the stream stops at the final response")
        XCTAssertTrue(early.allSatisfy { $0.payloadType == 8 && $0.payload.count == 160 })
        XCTAssertGreaterThan(early.first?.ms ?? 0, progress.ms)
        XCTAssertEqual(early.map(\.sequence), Array(early[0].sequence..<(early[0].sequence + early.count)))
        XCTAssertEqual((early.last!.ms - early.first!.ms) / Double(early.count - 1), 20, accuracy: 1)
        let clip = [UInt8](try Data(contentsOf: ProgressAudio.clip(sound, codec: .pcma)))
        XCTAssertEqual(early.flatMap(\.payload), Array(clip.prefix(early.count * 160)))

        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testBusyToneInPCMUThen486() async throws {
        let port = SharedPeers.peerPort()
        let behaviour = CustomerBehaviour.earlyMedia(.tone(.busy), forMS: 2000, then: .reject(status: 486, q850: 17), codec: .pcmu)
        let customer = try ProgressPeers.customer(behaviour, port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 486], customer.output)
        XCTAssertTrue(call.responses[1].text.contains("a=rtpmap:0 PCMU/8000"))
        XCTAssertTrue(call.finalResponse?.text.contains("Reason: Q.850;cause=17;") ?? false)
        XCTAssertEqual(Double(call.earlyRTP.count), 100, accuracy: 5)
        XCTAssertTrue(call.earlyRTP.allSatisfy { $0.payloadType == 0 })
        let clip = [UInt8](try Data(contentsOf: ProgressAudio.clip(.tone(.busy), codec: .pcmu)))
        XCTAssertEqual(call.earlyRTP.flatMap(\.payload), Array(clip.prefix(call.earlyRTP.count * 160)))
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testCancelDuringEarlyMediaGets200And487() async throws {
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.earlyMedia(.tone(.ringback), forMS: 20000, then: .reject(status: 480, q850: 19)),
                                                  port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port, cancelAfterMS: 1200)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 200, 487], customer.output)
        XCTAssertEqual(call.finalResponse?.status, 487)
        XCTAssertEqual(Double(call.rtp.count), 60, accuracy: 5, "RTP until the CANCEL, not after")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testSessionProgressWithoutSDPThen480SendsNoRTP() async throws {
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.sessionProgressWithoutSDP(forMS: 1000, then: .reject(status: 480)), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 480], customer.output)
        XCTAssertTrue(call.responses[1].text.contains("Content-Length: 0"))
        XCTAssertFalse(call.responses[1].text.contains("application/sdp"))
        XCTAssertFalse(call.finalResponse?.text.contains("Reason:") ?? true, "no Q.850 cause asked for")
        XCTAssertTrue(call.rtp.isEmpty)
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testSDPWithoutRTPThen404() async throws {
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.silentEarlyMedia(forMS: 1500, then: .reject(status: 404, q850: 1)), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 404], customer.output)
        XCTAssertTrue(call.responses[1].text.contains("application/sdp"))
        XCTAssertTrue(call.rtp.isEmpty)
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testUnknownPayloadTypesOnTheWire() async throws {
        // rtp_stream with type 18: 20-byte packets every 20 ms; a pcap for any other type.
        for payloadType in [18, 96] {
            let port = SharedPeers.peerPort()
            let behaviour = CustomerBehaviour.earlyMedia(.announcement(.poweredOff), forMS: 1000, then: .reject(status: 480, q850: 20))
                .sendingPayloadType(payloadType)
            let customer = try ProgressPeers.customer(behaviour, port: port)
            defer { customer.stop() }
            try await Task.sleep(nanoseconds: 300_000_000)

            let call = try await SIPProbeCaller.call(port: port)
            XCTAssertEqual(call.responses.map(\.status), [100, 183, 480], customer.output)
            XCTAssertTrue(call.responses[1].text.contains("m=audio"), "the SDP still says PCMA")
            XCTAssertEqual(Double(call.earlyRTP.count), 50, accuracy: 4, "type \(payloadType)")
            XCTAssertTrue(call.earlyRTP.allSatisfy { $0.payloadType == payloadType })
            XCTAssertEqual(call.earlyRTP.first?.payload.count, payloadType == 18 ? 20 : 160)
            let exit = await customer.waitForExit(seconds: 10)
            XCTAssertEqual(exit, 0, customer.output)
        }
    }

    func testSDPCanNameAnotherAddressThanTheRTPComesFrom() async throws {
        let port = SharedPeers.peerPort()
        let behaviour = CustomerBehaviour.earlyMedia(.announcement(.unreachable), forMS: 1000, then: .reject(status: 480, q850: 20))
            .claimingMediaAddress("127.0.0.2")
        let customer = try ProgressPeers.customer(behaviour, port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 480], customer.output)
        XCTAssertTrue(call.responses[1].text.contains("c=IN IP4 127.0.0.2"))
        XCTAssertEqual(Double(call.earlyRTP.count), 50, accuracy: 4, "the RTP still comes (from 127.0.0.1)")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testLossyEarlyMediaMissesPacketsButKeepsTheirNumbers() async throws {
        let sound = ProgressAudio.Sound.announcement(.suspended, levelDB: -10)
        let port = SharedPeers.peerPort()
        let behaviour = CustomerBehaviour.earlyMedia(sound, forMS: 3000, then: .reject(status: 404, q850: 1)).lossy(0.05, jitterMS: 10)
        let customer = try ProgressPeers.customer(behaviour, port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 183, 404], customer.output)
        let early = call.earlyRTP
        XCTAssertEqual(early.count, 142, "5 % of 150 packets (8) are lost")
        XCTAssertEqual(Set(early.map(\.sequence)).count, 142)
        XCTAssertTrue(early.allSatisfy { $0.sequence < 150 }, "the numbers of the lost ones are missing")
        let frames = try ProgressAudio.frames(sound, codec: .pcma)
        for packet in early {
            XCTAssertEqual(packet.payloadType, 8)
            XCTAssertEqual(Array(packet.payload), frames[packet.sequence], "packet \(packet.sequence) carries its own frame")
        }
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testAnsweredSecretaryPlaysAfterThe200AndHangsUp() async throws {
        let sound = ProgressAudio.Sound.announcement(.secretary, levelDB: -3)
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.answers(playing: sound, afterRingMS: 500, talkMS: 2500), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port)
        XCTAssertEqual(call.responses.map(\.status), [100, 180, 200], customer.output)
        XCTAssertTrue(call.byeFromPeer, "the callee hangs up after talk_ms")
        XCTAssertTrue(call.earlyRTP.isEmpty)
        XCTAssertEqual(Double(call.rtp.count), 125, accuracy: 8)
        let clip = [UInt8](try Data(contentsOf: ProgressAudio.clip(sound, codec: .pcma)))
        XCTAssertEqual(call.rtp.flatMap(\.payload), Array(clip.prefix(call.rtp.count * 160)))
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    func testRingbackThenALiveGreetingTheCallerHangsUp() async throws {
        let port = SharedPeers.peerPort()
        let behaviour = CustomerBehaviour(progress: .earlyMedia(.tone(.ringback)), progressMS: 1500,
                                          ending: .answer(.greeting(.weiNiHao, levelDB: -8), talkMS: 10000))
        let customer = try ProgressPeers.customer(behaviour, port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let call = try await SIPProbeCaller.call(port: port, hangUpAfterMS: 1000)
        XCTAssertEqual(call.responses.map(\.status).prefix(3), [100, 183, 200], customer.output)
        XCTAssertFalse(call.byeFromPeer, "the caller hung up first")
        XCTAssertEqual(Double(call.earlyRTP.count), 75, accuracy: 5, "1.5 s of ringback")
        let greeting = [UInt8](try Data(contentsOf: ProgressAudio.clip(.greeting(.weiNiHao, levelDB: -8))))
        let answered = call.rtp.dropFirst(call.earlyRTP.count)
        XCTAssertEqual(Double(answered.count), 50, accuracy: 8)
        XCTAssertEqual(Array(answered.flatMap(\.payload).prefix(160 * 20)), Array(greeting.prefix(160 * 20)),
                       "the greeting starts at its beginning after the ringback")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
    }

    // MARK: waihu's engine against each variant (signalling only: analysis off)

    func testEngineGetsEachVariantsFinalStatus() async throws {
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 33100...33199,
                                                                            trustedHosts: ["127.0.0.1"]))
        let variants: [(String, CustomerBehaviour, Int)] = [
            ("vacant announcement, 404 cause 1",
             .earlyMedia(.announcement(.vacant, levelDB: -12, offsetMS: 300), forMS: 2500, then: .reject(status: 404, q850: 1)), 404),
            ("busy tone, 486", .earlyMedia(.tone(.busy), forMS: 1500, then: .reject(status: 486), codec: .pcmu), 486),
            ("183 without SDP, 480", .sessionProgressWithoutSDP(forMS: 800, then: .reject(status: 480, q850: 20)), 480),
            ("183 with SDP and no RTP, 404", .silentEarlyMedia(forMS: 800, then: .reject(status: 404)), 404),
            ("payload type 18, 503", .earlyMedia(.tone(.congestion), forMS: 1000, then: .reject(status: 503, q850: 34))
                .sendingPayloadType(18), 503),
            ("lossy powered-off announcement, 480",
             .earlyMedia(.announcement(.poweredOff), forMS: 2000, then: .reject(status: 480, q850: 20)).lossy(0.03, jitterMS: 15), 480),
            ("SDP names 127.0.0.2, RTP from 127.0.0.1, 404",
             .earlyMedia(.announcement(.vacant), forMS: 1500, then: .reject(status: 404, q850: 1)).claimingMediaAddress("127.0.0.2"), 404),
            ("answered secretary", .answers(playing: .announcement(.secretary), afterRingMS: 500, talkMS: 1500), 200),
            ("answered greeting", .answers(playing: .greeting(.weiNaWei), afterRingMS: 500, talkMS: 1500), 200),
        ]
        for (name, behaviour, status) in variants {
            let port = SharedPeers.peerPort()
            let customer = try ProgressPeers.customer(behaviour, port: port)
            defer { customer.stop() }
            try await Task.sleep(nanoseconds: 300_000_000)
            let request = OutboundCallRequest(target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
                                              callerID: "10086", ringTimeout: .seconds(10), progressAnalysis: .off)
            let leg = try await engine.placeCall(request)
            let report = await leg.waitUntilEnded()
            XCTAssertEqual(report.sipStatus, status, name)
            let exit = await customer.waitForExit(seconds: 10)
            XCTAssertEqual(exit, 0, "\(name): \(customer.output)")
        }

        // waihu cancels during early media (its ring timeout here): 200 + 487, SIPp ends cleanly.
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.earlyMedia(.tone(.ringback), forMS: 30000, then: .reject(status: 480)), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let request = OutboundCallRequest(target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
                                          callerID: "10086", ringTimeout: .seconds(2), progressAnalysis: .off)
        let report = await (try await engine.placeCall(request)).waitUntilEnded()
        XCTAssertEqual(report.sipStatus, 487)
        XCTAssertEqual(report.outcome, .noAnswer)
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)

        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        try await engine.shutdown()
    }

    private func rms(_ samples: ArraySlice<Int16>) -> Double {
        (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, samples.count))).squareRoot()
    }
}
