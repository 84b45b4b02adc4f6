import XCTest
@testable import WaihuServer

/// 名单导入 in a real browser: a list manager uploads the GBK branch list, watches it
/// finish, sees the counts and a link to the rejects; the lead then shows in 客户名单.
final class ImportPageTests: XCTestCase {
    func testListManagerUploadsAListAndSeesTheSummary() async throws {
        try await TestServer.with { server in
            _ = try await server.userToken("liu", role: "list_manager")
            let browser = try await Browser.launch()
            do {
                try await browser.open(server.baseURL + "/")
                try await browser.type("#login-username", "liu")
                try await browser.type("#login-password", "pw-liu-123")
                try await browser.click("#login-submit")
                try await browser.waitForText("#nav-imports", containing: "名单导入")
                let seesDNC = try await browser.exists("#nav-dnc")
                XCTAssertTrue(seesDNC)
                try await browser.click("#nav-imports")
                try await browser.element("#import-form")
                try await browser.type("#import-file", LeadFixtures.branchGBK.path)
                try await browser.type("#import-batch", "分公司3月")
                try await browser.type("#import-source", "分公司")
                try await browser.type("#import-cost", "0.5")
                try await browser.click("#import-submit")
                try await browser.waitForText("#import-status", containing: "导入完成", timeout: 30)
                try await browser.waitForText("[data-count=rows]", containing: "11")
                try await browser.waitForText("[data-count=imported]", containing: "9")
                try await browser.waitForText("[data-count=invalid_phone]", containing: "1")
                try await browser.waitForText("#import-rejects", containing: "2")
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-import-page.png")

                try await browser.click("#nav-batches")
                try await browser.waitForText("#batches-table", containing: "分公司3月")
                try await browser.click("#nav-leads")
                try await browser.type("#leads-query", "沪a-12345")
                try await browser.click("#leads-search button")
                try await browser.waitForText("#leads-table", containing: "张三")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
