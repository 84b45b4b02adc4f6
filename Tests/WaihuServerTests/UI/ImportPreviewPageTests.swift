import XCTest
@testable import WaihuServer

/// 名单导入 in a real browser with a template whose headers are in row 3, below a merged
/// instruction block and a title: the preview shows the rows with row 3 marked as the header,
/// another row can be picked (and is refused with the reason), and the import says which row
/// it took.
final class ImportPreviewPageTests: XCTestCase {
    func testThePreviewMarksTheHeaderRowAndTheImportTakesIt() async throws {
        let workbook = try RealWorldLists.preambleWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook) }
        try await TestServer.with { server in
            _ = try await server.userToken("liu", role: "list_manager")
            let browser = try await Browser.launch()
            do {
                try await CampaignUISupport.logIn(browser, server.baseURL, "liu", "pw-liu-123")
                try await browser.waitForText("#nav-imports", containing: "名单导入")
                try await browser.click("#nav-imports")
                try await browser.element("#import-form")
                try await browser.type("#import-file", workbook.path)

                try await browser.element("#import-preview-table tr.header-row[data-row='3']", timeout: 20)
                try await browser.waitForText("#import-preview-note", containing: "表头：第3行，上方各行不导入")
                try await browser.waitForText("#import-preview-note", containing: "续保名单")
                try await browser.waitForText("#import-preview-table tr[data-row='1']", containing: "导入说明")
                try await browser.waitForText("#import-preview-table tr[data-row='4']", containing: "13800138000")
                let above = try await browser.exists("#import-preview-table tr.above-header[data-row='2']")
                XCTAssertTrue(above)

                // The title picked as the header: the preview says why it cannot be.
                try await browser.click("#import-preview-table tr[data-row='2'] input[type=radio]")
                try await browser.waitForText("#import-preview-note", containing: "第2行不能作为表头")
                try await browser.element("#import-preview-table tr.header-row[data-row='2']")
                try await browser.click("#import-preview-table tr[data-row='3'] input[type=radio]")
                try await browser.waitForText("#import-preview-note", containing: "表头：第3行")
                let chosen = try await browser.script("return document.getElementById('import-header-row').value;") as? String
                XCTAssertEqual(chosen, "3")
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-import-preview.png")

                try await browser.type("#import-batch", "续保模板")
                try await browser.type("#import-source", "分公司")
                try await browser.click("#import-submit")
                try await browser.waitForText("#import-status", containing: "导入完成", timeout: 30)
                try await browser.waitForText("#import-header-used", containing: "表头取自第3行")
                try await browser.waitForText("[data-count=rows]", containing: "3")
                try await browser.waitForText("[data-count=imported]", containing: "2")
                try await browser.waitForText("[data-count=invalid_phone]", containing: "1")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
