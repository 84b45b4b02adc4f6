import Foundation
import WaihuDialer
import WaihuDomain
import WaihuMedia
import WaihuTestPeers
import XCTest
@testable import WaihuServer

/// The teaching loop on real calls (issue 17): a SIPp customer plays a carrier announcement
/// nobody taught (espeak-ng, as early media), the server's engine keeps its audio; a list
/// manager finds the call in the inbox, listens, labels it 空号 and saves; the next call that
/// plays the same announcement, at another level, offset and codec, ends as `vacant` (the
/// lead invalid) before the carrier's final response.
final class AnnouncementTeachingCallTests: XCTestCase {
    func testAnAnnouncementTaughtFromACallIsRecognisedOnTheNextCall() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        try PeerProcess.require("/usr/bin/espeak-ng")
        try await TestServer.with { server in
            // The customers answer from 127.0.0.1: a trunk there makes it a trusted host.
            let admin = try await server.adminToken()
            let trunk = try await server.request(.POST, "/api/v1/trunks", token: admin, body: ["name": "loopback", "host": "127.0.0.1"])
            XCTAssertEqual(trunk.status, 201, trunk.text)
            var settings = TelephonySettings()
            settings.sipPort = 0
            settings.rtpPorts = 33_400...33_799
            let telephony = try await TelephonyService.start(server.app, settings: settings)
            server.app.telephony = telephony
            do {
                try await teach(server, telephony.engine)
            } catch {
                await telephony.stop()
                throw error
            }
            await telephony.stop()
            server.app.telephony = nil
        }
    }

    private func teach(_ server: TestServer, _ engine: TelephonyEngine) async throws {
        let liu = try await server.userToken("liu", role: "list_manager")
        let progressAudio = server.dataDirectory + "/recordings/progress"
        // A voice none of the carriers in the other tests uses, slow enough to be heard as a recording.
        let first = try await call(engine, playing: .announcement(.vacant, voice: .female, speed: 130, levelDB: -6, offsetMS: 200), codec: .pcma,
                                   progressAudio: progressAudio)
        XCTAssertEqual(first.cause, .announcementUnknown, first.json)
        let kept = try XCTUnwrap(first.progressAudio, "the untaught recording is kept to be taught: \(first.json)")

        // The call log's row for it (CampaignCallLog writes the same for a campaign call).
        let (campaignID, leadID) = try await UnknownAnnouncementFixture.campaignAndLead(server)
        try await UnknownAnnouncementFixture.keepAudio(server, "call-1", campaignID, leadID, kept, first.cause.rawValue,
                                                       Date().timeIntervalSince1970)
        let inbox = try await server.request(.GET, "/api/v1/announcements/unknown", token: liu)
        XCTAssertEqual((inbox.json["calls"] as? [[String: Any]])?.map { $0["call_id"] as? String }, ["call-1"], inbox.text)
        let audio = try await server.request(.GET, "/api/v1/announcements/unknown/call-1/audio", token: liu)
        XCTAssertEqual(audio.status, 200)
        let learned = try await server.request(.POST, "/api/v1/announcements/unknown/call-1", token: liu,
                                               body: ["label": "vacant", "carrier": "中国联通"])
        XCTAssertEqual(learned.status, 201, learned.text)
        XCTAssertEqual(engine.announcementIndex.entries.map(\.label), ["vacant"])

        let second = try await call(engine, playing: .announcement(.vacant, voice: .female, speed: 130, levelDB: -18, offsetMS: 600), codec: .pcmu,
                                    progressAudio: progressAudio)
        XCTAssertEqual(second.cause, .vacant, second.json)
        XCTAssertEqual(second.outcome, .invalid, second.json)
        XCTAssertTrue(second.evidence.hasPrefix("announcement vacant"), second.evidence)
        XCTAssertNil(second.progressAudio, "a recognised announcement needs no teaching: \(second.json)")
        XCTAssertNotEqual(second.sipStatus, 480, "cancelled before the carrier's final response: \(second.json)")
    }

    /// One call to a SIPp customer that plays `sound` as early media for 9 s, then answers 480.
    private func call(_ engine: TelephonyEngine, playing sound: ProgressAudio.Sound, codec: ProgressAudio.Codec,
                      progressAudio: String) async throws -> CallReport {
        let port = SharedPeers.peerPort()
        let customer = try ProgressPeers.customer(.earlyMedia(sound, forMS: 9000, then: .reject(status: 480), codec: codec), port: port)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let leg = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
            callerID: "10086", ringTimeout: .seconds(15), progressAnalysis: .standard, progressAudioDirectory: progressAudio))
        let report = await leg.waitUntilEnded()
        let exit = await customer.waitForExit(seconds: 15)
        XCTAssertEqual(exit, 0, "the customer's scenario:\n\(customer.output)")
        return report
    }
}
