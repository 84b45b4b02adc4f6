import XCTest
@testable import WaihuServer

/// The web shell in a real browser: login, navigation by role, user administration,
/// language switch.
final class WebShellTests: XCTestCase {
    func testAdminLogsInCreatesAnAgentAndTheAgentSeesNoAdministration() async throws {
        try await TestServer.with { server in
            let browser = try await Browser.launch()
            do {
                try await browser.open(server.baseURL + "/")
                try await browser.waitForText("#login-view h1", containing: "登录")
                try await browser.type("#login-username", "admin")
                try await browser.type("#login-password", "wrong-password")
                try await browser.click("#login-submit")
                try await browser.waitForText("#login-error", containing: "用户名或密码错误")

                try await browser.type("#login-password", TestServer.adminPassword)
                try await browser.click("#login-submit")
                try await browser.waitForText("#nav-users", containing: "用户管理")
                let value1 = try await browser.exists("#nav-audit")
                XCTAssertTrue(value1)

                try await browser.click("#nav-users")
                try await browser.type("#new-username", "lisi")
                try await browser.type("#new-display-name", "李四")
                try await browser.type("#new-password", "lisi-pass-1")
                try await browser.click("#user-add-submit")
                try await browser.waitForText("#users-table", containing: "李四")
                try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-users-page.png")

                try await browser.click("#lang-switch")
                try await browser.waitForText("#nav-users", containing: "Users")
                try await browser.click("#lang-switch")
                try await browser.click("#logout")
                try await browser.element("#login-form")

                try await browser.type("#login-username", "lisi")
                try await browser.type("#login-password", "lisi-pass-1")
                try await browser.click("#login-submit")
                try await browser.waitForText("#whoami", containing: "座席")
                let value2 = try await browser.exists("#nav-users")
                XCTAssertFalse(value2)
                let value3 = try await browser.exists("#nav-audit")
                XCTAssertFalse(value3)
                // Even typed by hand, the users page does not open for an agent.
                try await browser.open(server.baseURL + "/#users")
                try await browser.waitForText("#whoami", containing: "座席")
                let value4 = try await browser.exists("#users-table")
                XCTAssertFalse(value4)
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
            let created = try await server.request(.GET, "/api/v1/users", token: try await server.adminToken()).jsonArray
            XCTAssertTrue(created.contains { $0["username"] as? String == "lisi" && $0["role"] as? String == "agent" })
        }
    }
}
