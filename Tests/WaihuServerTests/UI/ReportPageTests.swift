import XCTest

/// The reports page in headless Chromium: a report with its server-drawn chart, and the
/// wallboard filled by the live stream.
final class ReportPageTests: XCTestCase {
    func testTheDailyTrendPageShowsATableAndAChart() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await ReportFixture.importFixture(server, token: admin)
            let browser = try await Browser.launch()
            do {
                try await browser.open(server.baseURL + "/")
                try await browser.type("#login-username", "admin")
                try await browser.type("#login-password", TestServer.adminPassword)
                try await browser.click("#login-submit")
                try await browser.waitForText("#nav-reports", containing: "报表")
                try await browser.click("#nav-reports")
                try await browser.element("#report-form")
                _ = try await browser.script("""
                    document.getElementById('report-from').value = '2026-11-02';
                    document.getElementById('report-to').value = '2026-11-03';
                    const select = document.getElementById('report-name');
                    select.value = 'hourly';
                    select.dispatchEvent(new Event('change'));
                    """)
                try await browser.waitForText("#report-table", containing: "10:00")
                try await browser.element("#report-chart svg.report-chart polyline.series")
                let points = try await browser.script("return document.querySelectorAll('#report-chart svg circle').length;")
                // Calls per hour at 09:00 and 10:00; at 08:00 a call was placed (c3, 08:59:50) but nobody
                // was logged in, so that hour has no rate ("—") and no point.
                XCTAssertEqual(points as? Int, 2)
                try await browser.element("#report-csv")
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-report-hourly.png")

                _ = try await browser.script("""
                    const select = document.getElementById('report-name');
                    select.value = 'rankings';
                    select.dispatchEvent(new Event('change'));
                    """)
                try await browser.waitForText("#report-table", containing: "a2")
                try await browser.element("#report-chart svg rect.bar")
                let bars = try await browser.script("return document.querySelectorAll('#report-chart svg rect.bar').length;")
                XCTAssertEqual(bars as? Int, 3)
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-report-rankings.png")

                try await browser.open(server.baseURL + "/?day=2026-11-02#wallboard")
                try await browser.waitForText("#wallboard-teams", containing: "T1")
                try await browser.waitForText("#wallboard-status", containing: "2026-11-02")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
