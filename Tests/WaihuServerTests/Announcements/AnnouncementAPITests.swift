import AsyncHTTPClient
import Fluent
import Foundation
import NIOCore
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// 提示音学习 through the HTTP API as each role uses it: a list manager teaches from a file
/// and from the inbox of calls that heard an untaught announcement (listening audited like
/// a recording), a supervisor only looks, an agent is refused; bad recordings are refused
/// with the analyser's reason; every change is in the audit log.
final class AnnouncementAPITests: XCTestCase {
    func testListManagerTeachesSupervisorLooksAgentIsRefused() async throws {
        try await TestServer.with { server in
            let liu = try await server.userToken("liu", role: "list_manager")
            let zhao = try await server.userToken("zhao", role: "supervisor")
            let wang = try await server.userToken("wang", role: "agent")

            let first = try await upload(server, token: liu, wav: AnnouncementWAV.announcement(seed: 11), fileName: "移动空号.wav",
                                         fields: ["label": "vacant", "carrier": "中国移动"])
            XCTAssertEqual(first.status, 201, first.text)
            XCTAssertEqual(first.json["name"] as? String, "移动空号")
            XCTAssertEqual(first.json["created_by"] as? String, "liu")
            let firstID = try XCTUnwrap(first.json["id"] as? Int)
            // The WAV as the body, the fields in the query.
            let second = try await server.request(.POST, "/api/v1/announcements?label=powered_off&name=%E5%85%B3%E6%9C%BA", token: liu,
                                                  body: AnnouncementWAV.announcement(seed: 12))
            XCTAssertEqual(second.status, 201, second.text)
            XCTAssertEqual(second.json["label"] as? String, "powered_off")
            XCTAssertEqual(second.json["name"] as? String, "关机")

            let seen = try await server.request(.GET, "/api/v1/announcements", token: zhao)
            XCTAssertEqual(seen.status, 200, seen.text)
            let listed = try XCTUnwrap(seen.json["announcements"] as? [[String: Any]])
            XCTAssertEqual(listed.map { $0["label"] as? String }, ["powered_off", "vacant"])
            XCTAssertEqual(listed.last?["carrier"] as? String, "中国移动")
            XCTAssertNil(seen.json["in_use"], "no SIP engine in this server: \(seen.text)")
            // Nothing a client receives can be played back: no fingerprint, no audio.
            XCTAssertFalse(seen.text.contains("fingerprint"), seen.text)

            let supervisorTeaches = try await server.request(.POST, "/api/v1/announcements?label=busy", token: zhao,
                                                             body: AnnouncementWAV.announcement(seed: 13))
            XCTAssertEqual(supervisorTeaches.status, 403)
            let supervisorRemoves = try await server.request(.DELETE, "/api/v1/announcements/\(firstID)", token: zhao)
            XCTAssertEqual(supervisorRemoves.status, 403)
            let supervisorInbox = try await server.request(.GET, "/api/v1/announcements/unknown", token: zhao)
            XCTAssertEqual(supervisorInbox.status, 403)
            for (method, path) in [(HTTPMethod.GET, "/api/v1/announcements"), (.POST, "/api/v1/announcements?label=busy"),
                                   (.GET, "/api/v1/announcements/unknown")] {
                let agent = try await server.request(method, path, token: wang, body: method == .POST ? AnnouncementWAV.announcement(seed: 13) : nil)
                XCTAssertEqual(agent.status, 403, "\(method) \(path)")
            }

            for bad in AnnouncementWAV.refused {
                let reply = try await upload(server, token: liu, wav: bad.wav, fileName: bad.name, fields: ["label": "vacant"])
                XCTAssertEqual(reply.status, 400, bad.name)
                XCTAssertTrue(reply.reason.contains("cannot learn from this recording") && reply.reason.contains(bad.says), "\(bad.name): \(reply.reason)")
            }
            let noLabel = try await upload(server, token: liu, wav: AnnouncementWAV.announcement(seed: 14), fileName: "x.wav", fields: [:])
            XCTAssertEqual(noLabel.status, 400)
            XCTAssertTrue(noLabel.reason.contains("use one of: busy (用户忙)"), noLabel.reason)
            let clash = try await upload(server, token: liu, wav: AnnouncementWAV.announcement(seed: 11), fileName: "again.wav",
                                         fields: ["label": "suspended"])
            XCTAssertEqual(clash.status, 409, clash.text)
            XCTAssertTrue(clash.reason.contains("is announcement \(firstID) \"移动空号\""), clash.reason)

            let removed = try await server.request(.DELETE, "/api/v1/announcements/\(firstID)", token: liu)
            XCTAssertEqual(removed.status, 204, removed.text)
            let again = try await server.request(.DELETE, "/api/v1/announcements/\(firstID)", token: liu)
            XCTAssertEqual(again.status, 404)
            let left = try await server.request(.GET, "/api/v1/announcements", token: liu)
            XCTAssertEqual((left.json["announcements"] as? [[String: Any]])?.map { $0["label"] as? String }, ["powered_off"])

            let admin = try await server.adminToken()
            let learned = try await server.request(.GET, "/api/v1/audit?action=announcement_learned", token: admin).jsonArray
            XCTAssertEqual(learned.count, 2)
            XCTAssertEqual(Set(learned.map { $0["actor"] as? String ?? "" }), ["liu"])
            XCTAssertTrue(learned.contains { ($0["detail"] as? String ?? "").contains("label=vacant name=移动空号 file 移动空号.wav carrier=中国移动") },
                          "\(learned)")
            let removals = try await server.request(.GET, "/api/v1/audit?action=announcement_removed", token: admin).jsonArray
            XCTAssertEqual(removals.map { $0["target"] as? String }, ["announcement \(firstID)"])
        }
    }

    func testTeachingFromTheUnknownAnnouncementInbox() async throws {
        try await TestServer.with { server in
            let liu = try await server.userToken("liu", role: "list_manager")
            let qa = try await server.userToken("qian", role: "qa")
            let (campaignID, leadID) = try await UnknownAnnouncementFixture.campaignAndLead(server)
            // What the call log keeps of an untaught announcement: its audio and the verdict.
            let folder = server.dataDirectory + "/recordings/progress"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let heard = AnnouncementWAV.announcement(seed: 21, seconds: 4)
            try heard.write(to: URL(fileURLWithPath: folder + "/call-a.wav"))
            try AnnouncementWAV.announcement(seed: 22, seconds: 4).write(to: URL(fileURLWithPath: folder + "/call-b.wav"))
            try AnnouncementWAV.announcement(seed: 23).write(to: URL(fileURLWithPath: folder + "/call-old.wav"))
            let now = Date().timeIntervalSince1970
            try await UnknownAnnouncementFixture.keepAudio(server, "call-a", campaignID, leadID, folder + "/call-a.wav", "announcement_unknown", now - 60)
            // A path relative to the data directory is found there.
            try await UnknownAnnouncementFixture.keepAudio(server, "call-b", campaignID, leadID, "recordings/progress/call-b.wav", "announcement_unknown", now - 30)
            try await UnknownAnnouncementFixture.keepAudio(server, "call-taught", campaignID, leadID, folder + "/call-a.wav", "vacant", now - 20)
            try await UnknownAnnouncementFixture.keepAudio(server, "call-old", campaignID, leadID, folder + "/call-old.wav", "announcement_unknown", now - 31 * 86_400)

            let inbox = try await server.request(.GET, "/api/v1/announcements/unknown", token: liu)
            XCTAssertEqual(inbox.status, 200, inbox.text)
            XCTAssertEqual(inbox.json["retention_days"] as? Int, 30)
            let calls = try XCTUnwrap(inbox.json["calls"] as? [[String: Any]])
            XCTAssertEqual(calls.map { $0["call_id"] as? String }, ["call-b", "call-a", "call-old"])
            XCTAssertEqual(calls.first?["campaign"] as? String, "号码检测三月")
            XCTAssertEqual(calls.first?["phone"] as? String, "13800138000")
            XCTAssertEqual(calls.first?["evidence"] as? String, "announcement unknown; sip 480")

            // Listening is privileged and audited like a recording; so is a refusal.
            let refused = try await server.request(.GET, "/api/v1/announcements/unknown/call-a/audio", token: qa)
            XCTAssertEqual(refused.status, 403)
            let audio = try await server.request(.GET, "/api/v1/announcements/unknown/call-a/audio", token: liu)
            XCTAssertEqual(audio.status, 200)
            XCTAssertEqual(audio.headers.first(name: "Content-Type"), "audio/wav")
            XCTAssertEqual(audio.body, heard)
            let notUnknown = try await server.request(.GET, "/api/v1/announcements/unknown/call-taught/audio", token: liu)
            XCTAssertEqual(notUnknown.status, 404)

            let learned = try await server.request(.POST, "/api/v1/announcements/unknown/call-a", token: liu,
                                                   body: ["label": "suspended", "carrier": "中国电信"])
            XCTAssertEqual(learned.status, 201, learned.text)
            XCTAssertEqual(learned.json["source"] as? String, "call call-a")
            XCTAssertEqual(learned.json["source_call_id"] as? String, "call-a")
            XCTAssertEqual(learned.json["name"] as? String, "停机 中国电信")
            let badLabel = try await server.request(.POST, "/api/v1/announcements/unknown/call-b", token: liu, body: ["label": "alerting"])
            XCTAssertEqual(badLabel.status, 400)
            let nothing = try await server.request(.POST, "/api/v1/announcements/unknown/call-zzz", token: liu, body: ["label": "vacant"])
            XCTAssertEqual(nothing.status, 404)

            // Taught, the call leaves the inbox; the announcement removed, it comes back.
            let after = try await server.request(.GET, "/api/v1/announcements/unknown", token: liu)
            XCTAssertEqual((after.json["calls"] as? [[String: Any]])?.map { $0["call_id"] as? String }, ["call-b", "call-old"])
            let id = try XCTUnwrap(learned.json["id"] as? Int)
            let removed = try await server.request(.DELETE, "/api/v1/announcements/\(id)", token: liu)
            XCTAssertEqual(removed.status, 204)
            let back = try await server.request(.GET, "/api/v1/announcements/unknown", token: liu)
            XCTAssertEqual((back.json["calls"] as? [[String: Any]])?.map { $0["call_id"] as? String }, ["call-b", "call-a", "call-old"])

            let admin = try await server.adminToken()
            let listened = try await server.request(.GET, "/api/v1/audit?action=recording_access", token: admin).jsonArray
            XCTAssertEqual(listened.map { $0["target"] as? String }, ["announcement/call-a"])
            XCTAssertEqual(listened.first?["actor"] as? String, "liu")
            let refusals = try await server.request(.GET, "/api/v1/audit?action=recording_access_refused", token: admin).jsonArray
            XCTAssertEqual(refusals.map { $0["actor"] as? String }, ["qian"])

            // Kept for teaching only: after 30 days the audio and its row are gone.
            let inboxStore = UnknownAnnouncementInbox(database: server.app.db, dataDirectory: server.dataDirectory)
            let purged = try await inboxStore.purge(recordedBefore: Date().addingTimeInterval(-UnknownAnnouncementInbox.retention))
            XCTAssertEqual(purged, 1)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/call-old.wav"))
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/call-b.wav"))
            let kept = try await inboxStore.items().map(\.callID)
            XCTAssertEqual(kept, ["call-b", "call-a"])
        }
    }

    /// POST /api/v1/announcements as multipart/form-data, as the page sends it.
    private func upload(_ server: TestServer, token: String, wav: Data, fileName: String, fields: [String: String]) async throws -> APIClient.Reply {
        try await server.uploadMultipart("/api/v1/announcements", token: token, file: wav, fileName: fileName, contentType: "audio/wav", fields: fields)
    }
}
