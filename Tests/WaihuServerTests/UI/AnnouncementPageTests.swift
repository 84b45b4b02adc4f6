import Foundation
import XCTest
@testable import WaihuServer

/// 提示音学习 in a real browser: a list manager uploads a recording and sees it listed as 空号,
/// is told why a stereo file is refused, teaches an untaught call from the inbox (the audio is
/// playable, the call leaves the inbox), removes one; a supervisor sees the list only.
final class AnnouncementPageTests: XCTestCase {
    func testListManagerTeachesFromAFileAndFromTheInbox() async throws {
        try await TestServer.with { server in
            _ = try await server.userToken("liu", role: "list_manager")
            _ = try await server.userToken("zhao", role: "supervisor")
            let folder = server.dataDirectory + "/recordings/progress"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let file = server.dataDirectory + "/移动空号.wav", stereo = server.dataDirectory + "/stereo.wav"
            try AnnouncementWAV.announcement(seed: 31).write(to: URL(fileURLWithPath: file))
            let bad = try XCTUnwrap(AnnouncementWAV.refused.first { $0.name == "stereo.wav" })
            try bad.wav.write(to: URL(fileURLWithPath: stereo))
            try AnnouncementWAV.announcement(seed: 32, seconds: 4).write(to: URL(fileURLWithPath: folder + "/call-x.wav"))
            let (campaignID, leadID) = try await UnknownAnnouncementFixture.campaignAndLead(server)
            try await UnknownAnnouncementFixture.keepAudio(server, "call-x", campaignID, leadID, folder + "/call-x.wav",
                                                           "announcement_unknown", Date().timeIntervalSince1970 - 120)

            let browser = try await Browser.launch()
            do {
                try await login(browser, server, "liu", "pw-liu-123")
                try await browser.waitForText("#nav-announcements", containing: "提示音学习")
                try await browser.click("#nav-announcements")
                try await browser.waitForText("#announcements-table", containing: "还没有学习任何提示音")
                try await browser.waitForText("#announcement-inbox", containing: "号码检测三月")

                try await browser.type("#announcement-file", stereo)
                try await browser.click("#announcement-label option[value='vacant']")
                try await browser.click("#announcement-submit")
                try await browser.waitForText("#announcement-message", containing: "2 channels")

                try await browser.type("#announcement-file", file)
                try await browser.click("#announcement-label option[value='vacant']")
                try await browser.type("#announcement-carrier", "中国移动")
                try await browser.click("#announcement-submit")
                try await browser.waitForText("#announcement-message", containing: "已学习：移动空号")
                try await browser.waitForText("#announcements-table", containing: "空号")
                try await browser.waitForText("#announcements-table", containing: "中国移动")
                try await browser.waitForText("#announcements-table", containing: "liu")

                // The inbox's player fetches the kept audio with the session (and it is audited).
                let status = try await browser.script("""
                    const audio = document.querySelector('#announcement-inbox tr[data-call="call-x"] audio');
                    return fetch(audio.src, { credentials: 'same-origin' }).then((r) => r.status + ' ' + r.headers.get('content-type'));
                    """)
                XCTAssertEqual(status as? String, "200 audio/wav")
                try await browser.click("#announcement-inbox tr[data-call='call-x'] .inbox-label option[value='suspended']")
                try await browser.type("#announcement-inbox tr[data-call='call-x'] .inbox-carrier", "中国电信")
                try await browser.click("#announcement-inbox tr[data-call='call-x'] .inbox-save")
                try await browser.waitForText("#announcement-inbox", containing: "没有待学习的提示音")
                try await browser.waitForText("#announcements-table", containing: "停机")
                try await browser.waitForText("#announcements-table", containing: "停机 中国电信")
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-announcements-page.png")

                _ = try await browser.script("window.confirm = () => true; return true;")
                try await browser.click("#announcements-table tr[data-announcement='1'] [data-remove]")
                try await waitUntilGone(browser, "#announcements-table tr[data-announcement='1']")
                try await browser.waitForText("#announcements-table", containing: "停机")

                try await browser.click("#logout")
                try await login(browser, server, "zhao", "pw-zhao-123")
                try await browser.click("#nav-announcements")
                try await browser.waitForText("#announcements-table", containing: "停机")
                let canTeach = try await browser.exists("#announcement-form")
                let seesInbox = try await browser.exists("#announcement-inbox")
                let canRemove = try await browser.exists("#announcements-table [data-remove]")
                XCTAssertFalse(canTeach || seesInbox || canRemove)
            } catch {
                try? await browser.screenshot(to: NSTemporaryDirectory() + "waihu-announcements-page-failed.png")
                await browser.quit()
                throw error
            }
            await browser.quit()

            let admin = try await server.adminToken()
            let listened = try await server.request(.GET, "/api/v1/audit?action=recording_access", token: admin).jsonArray
            XCTAssertEqual(listened.map { $0["target"] as? String }, ["announcement/call-x"])
        }
    }

    private func login(_ browser: Browser, _ server: TestServer, _ username: String, _ password: String) async throws {
        try await browser.open(server.baseURL + "/")
        try await browser.type("#login-username", username)
        try await browser.type("#login-password", password)
        try await browser.click("#login-submit")
        try await browser.element("#nav-announcements")
    }

    private func waitUntilGone(_ browser: Browser, _ selector: String) async throws {
        for _ in 0..<100 {
            if try await !browser.exists(selector) { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw TestFailure("\(selector) is still on the page")
    }
}
