import XCTest
@testable import WaihuServer

/// 线路与分机 in a real browser: the admin adds a trunk and a phone with the forms, the
/// lists show them (the phone not registered, no password anywhere on the page).
final class TelephonyPageTests: XCTestCase {
    func testAdminAddsATrunkAndAPhoneOnTheTelephonyPage() async throws {
        try await TestServer.with { server in
            let browser = try await Browser.launch()
            do {
                try await browser.open(server.baseURL + "/")
                try await browser.type("#login-username", "admin")
                try await browser.type("#login-password", TestServer.adminPassword)
                try await browser.click("#login-submit")
                try await browser.waitForText("#nav-telephony", containing: "线路与分机")
                try await browser.click("#nav-telephony")
                try await browser.element("#trunk-add-form")

                try await browser.type("#trunk-name", "carrier-a")
                try await browser.type("#trunk-host", "192.0.2.10")
                try await browser.type("#trunk-username", "acct")
                try await browser.type("#trunk-password", "trunk-secret-ui")
                try await browser.type("#trunk-caller-id", "02161234567")
                try await browser.click("#trunk-add-submit")
                try await browser.waitForText("#trunks-table", containing: "192.0.2.10:5060")

                try await browser.type("#trunk-name", "bad")
                try await browser.type("#trunk-host", "sip.example.com")
                try await browser.click("#trunk-add-submit")
                try await browser.waitForText("#telephony-message", containing: "is not an IP address")

                try await browser.type("#phone-extension", "8001")
                try await browser.type("#phone-password", "phone-secret-ui")
                try await browser.click("#phone-add-submit")
                try await browser.waitForText("#phones-table", containing: "未注册")
                let page = try await browser.text("body")
                XCTAssertFalse(page.contains("trunk-secret-ui") || page.contains("phone-secret-ui"), page)
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-telephony-page.png")

                try await browser.click("#lang-switch")
                try await browser.waitForText("#phones-table", containing: "Not registered")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
            let trunks = try await server.request(.GET, "/api/v1/trunks", token: try await server.adminToken()).jsonArray
            XCTAssertEqual(trunks.map { $0["name"] as? String }, ["carrier-a"])
            XCTAssertEqual(trunks.first?["has_password"] as? Bool, true)
        }
    }
}
