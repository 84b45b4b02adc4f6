import Foundation
import XCTest
@testable import WaihuSIP

/// A real carrier-side UAC (SIPp, `/work/shared/peers/uac_call.xml`) calls waihu's
/// transaction layer on 127.0.0.1: INVITE with SDP, 200 with our answer, ACK, BYE.
/// Skipped where SIPp or the scenario is not installed.
final class SIPpCarrierCallTests: XCTestCase {
    static let scenario = SharedPeers.path("uac_call.xml")

    func testSIPpCallIsAnsweredAndHungUp() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp"),
              FileManager.default.fileExists(atPath: Self.scenario) else {
            throw XCTSkip("SIPp or its scenario is not installed")
        }
        let events = Inbox<SIPTransactionTable.Event>()
        let layer = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0) { events.append($0) }
        let local = try XCTUnwrap(layer.localEndpoint)
        let sippPort = Int.random(in: 20000...29000) & ~1

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-\(sippPort).log")
        XCTAssertTrue(FileManager.default.createFile(atPath: output.path, contents: nil))
        let sipp = Process()
        sipp.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        sipp.arguments = ["-sf", Self.scenario, "127.0.0.1:\(local.port)", "-s", "1001", "-i", "127.0.0.1",
                          "-p", "\(sippPort)", "-mp", "\(sippPort + 2)", "-set", "caller", "13800138000",
                          "-set", "talk_ms", "1000", "-m", "1", "-nostdin", "-timeout", "20s", "-timeout_error"]
        sipp.standardInput = FileHandle.nullDevice
        sipp.standardOutput = try FileHandle(forWritingTo: output)
        sipp.standardError = sipp.standardOutput
        try sipp.run()
        defer { if sipp.isRunning { sipp.terminate() } }

        // INVITE → answer with SDP.
        guard case .request(let invite, let source, let inviteKey) = try await events.next(seconds: 10) else {
            return XCTFail("expected the INVITE")
        }
        XCTAssertEqual(invite.method, .invite)
        XCTAssertEqual(invite.from?.uri.user, "13800138000")
        let (answer, media) = try SDPNegotiator().answer(body: invite.body, address: "127.0.0.1", port: 40000, sessionID: 1)
        XCTAssertEqual(media.codec, .pcma, "PCMA is first in SIPp's offer")
        XCTAssertEqual(media.telephoneEventPayloadType, 101)
        var ok = SIPResponse(replyingTo: invite, statusCode: 200, toTag: SIPIdentifiers.tag())
        ok.headers.add("Contact", "<sip:1001@127.0.0.1:\(local.port)>")
        ok.headers.add("Content-Type", "application/sdp")
        ok.body = answer.serialized()
        var dialog = try XCTUnwrap(SIPDialog(receivedInvite: invite, localTag: ok.to!.tag!,
                                             localContact: SIPURI(user: "1001", host: "127.0.0.1", port: local.port)))
        layer.respond(ok, to: inviteKey)

        // ACK (a new transaction-less request) confirms the dialog.
        guard case .dialogMessage(let ackInbound) = try await events.next(seconds: 10),
              case .request(let ack) = ackInbound.message else { return XCTFail("expected the ACK") }
        XCTAssertEqual(ack.method, .ack)
        XCTAssertEqual(dialog.receive(ack), .accept)
        XCTAssertEqual(dialog.state, .confirmed)

        // BYE after the talk time → 200.
        guard case .request(let bye, _, let byeKey) = try await events.next(seconds: 15) else {
            return XCTFail("expected the BYE")
        }
        XCTAssertEqual(bye.method, .bye)
        XCTAssertEqual(dialog.receive(bye), .accept)
        XCTAssertEqual(dialog.state, .terminated)
        layer.respond(SIPResponse(replyingTo: bye, statusCode: 200), to: byeKey)

        let deadline = Date().addingTimeInterval(15)
        while sipp.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        let log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        XCTAssertFalse(sipp.isRunning)
        XCTAssertEqual(sipp.terminationStatus, 0, "SIPp output:\n\(log.suffix(2000))")
        XCTAssertEqual(source.host, "127.0.0.1")
        try await layer.close()
    }
}
