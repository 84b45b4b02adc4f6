import XCTest
@testable import WaihuServer

/// In a real browser: the campaign form offers 号码检测 only once an admin has ticked it on in
/// 系统设置 (线路与分机 page); chosen, it warns of the missed calls and asks for no agents'
/// dispositions, and the campaign is made in mode cleanse.
final class CleanseFormTests: XCTestCase {
    func testTheFormOffersANumberCheckOnlyWhenAllowedAndWarnsOfItsSideEffect() async throws {
        try await TestServer.with { server in
            try await CallCauseStage.importBatch(server, "待检测", ["13900139001", "13900139002"])
            let browser = try await Browser.launch()
            do {
                try await CampaignUISupport.logIn(browser, server.baseURL, "admin", TestServer.adminPassword)
                let modes = "return [...document.querySelectorAll('#campaign-mode option')].map((o) => o.value)"
                try await browser.click("#nav-campaigns")
                try await browser.element("#campaign-form")
                let before = try await browser.script(modes) as? [String]
                XCTAssertEqual(before?.contains("progressive"), true, "\(before ?? [])")
                XCTAssertEqual(before?.contains("cleanse"), false, "off by default: \(before ?? [])")

                try await browser.click("#nav-telephony")
                try await browser.waitForText("#settings-table", containing: "允许号码检测")
                try await browser.waitForText("#settings-table", containing: "未接来电")
                try await browser.click("#setting-cleanse_enabled")
                try await browser.waitForText("#telephony-notice", containing: "已保存")
                try await browser.waitForText("#settings-table", containing: "admin")

                try await browser.click("#nav-campaigns")
                try await browser.element("#campaign-form")
                let after = try await browser.script(modes) as? [String]
                XCTAssertEqual(after?.contains("cleanse"), true, "\(after ?? [])")
                let hidden = """
                    const mode = document.getElementById('campaign-mode');
                    mode.value = 'cleanse'; mode.dispatchEvent(new Event('change'));
                    return [document.getElementById('campaign-cleanse-warning').hidden,
                            document.querySelector('.dispositions').hidden]
                    """
                let shown = try await browser.script(hidden) as? [Bool]
                XCTAssertEqual(shown, [false, true], "the warning shows, the dispositions hide")
                try await browser.waitForText("#campaign-cleanse-warning", containing: "被叫手机可能留下未接来电")
                try await browser.type("#campaign-name", "号码检测一")
                try await browser.click("#campaign-batches input[data-name='待检测']")
                try await browser.click("#campaign-submit")
                try await browser.waitForText("#campaigns-notice", containing: "外呼任务已创建")
            } catch {
                try? await browser.screenshot(to: NSTemporaryDirectory() + "waihu-cleanse-form-failed.png")
                await browser.quit()
                throw error
            }
            await browser.quit()
            let campaigns = try await server.request(.GET, "/api/v1/campaigns", token: try await server.adminToken()).jsonArray
            let made = try XCTUnwrap(campaigns.first { $0["name"] as? String == "号码检测一" }, "\(campaigns)")
            XCTAssertEqual(made["mode"] as? String, "cleanse")
        }
    }
}
