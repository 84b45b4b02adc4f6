import WaihuDomain
import XCTest
@testable import WaihuServer

/// The pages' menus come from the server's lists (`GET /api/v1/vocabulary`), not from copies:
/// in a real browser the campaign form offers every dialing mode (fixed ratio too) and every
/// disposition category, and the audit filter lists every audit action the server writes, each
/// with the server's name in the chosen language.
final class VocabularyPageTests: XCTestCase {
    func testTheVocabularyIsTheServersEnumsForAnyLoggedInUser() async throws {
        try await TestServer.with { server in
            let anonymous = try await server.request(.GET, "/api/v1/vocabulary")
            XCTAssertEqual(anonymous.status, 401)
            let agent = try await server.userToken("wang", role: "agent")
            let reply = try await server.request(.GET, "/api/v1/vocabulary", token: agent)
            XCTAssertEqual(reply.status, 200, reply.text)
            func values(_ list: String) -> [String] {
                ((reply.json[list] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? String }
            }
            XCTAssertEqual(values("audit_actions"), AuditAction.allCases.map(\.rawValue))
            XCTAssertEqual(values("audit_actions").count, 33)
            XCTAssertEqual(values("dial_modes"), DialMode.allCases.map(\.rawValue))
            XCTAssertEqual(values("disposition_categories"), DispositionCategory.allCases.map(\.rawValue))
            XCTAssertEqual(values("not_ready_reasons"), NotReadyReason.allCases.map(\.rawValue))
            XCTAssertEqual(values("roles"), Role.allCases.map(\.rawValue))
            XCTAssertEqual(values("campaign_statuses"), CampaignStatus.allCases.map(\.rawValue))
            XCTAssertEqual(values("call_outcomes"), CallOutcome.allCases.map(\.rawValue))
            XCTAssertEqual(values("agent_states"), AgentState.allCases.map(\.rawValue))
            XCTAssertEqual(values("call_causes"), CallCause.allCases.map(\.rawValue))
            XCTAssertEqual(values("announcement_labels"), CallCause.announcementLabels.map(\.rawValue))
            XCTAssertEqual(values("invalid_lead_causes"), InvalidLeadCause.allCases.map(\.rawValue))
            // A cause carries its network outcome; an untaught recording has none of its own.
            let causes = (reply.json["call_causes"] as? [[String: Any]]) ?? []
            XCTAssertEqual(causes.first { $0["value"] as? String == "vacant" }?["outcome"] as? String, "invalid")
            XCTAssertEqual(causes.first { $0["value"] as? String == "secretary" }?["outcome"] as? String, "machine")
            XCTAssertNil(causes.first { $0["value"] as? String == "announcement_unknown" }?["outcome"])
            XCTAssertNil((reply.json["dial_modes"] as? [[String: Any]])?.first?["outcome"], "other lists have no outcome")
            let fixed = (reply.json["dial_modes"] as? [[String: Any]])?.first { $0["value"] as? String == "fixed_ratio" }
            XCTAssertEqual(fixed?["zh"] as? String, "固定比例")
            XCTAssertEqual(fixed?["en"] as? String, "Fixed ratio")
            // Every term has a name in both languages.
            for (list, terms) in reply.json {
                for term in (terms as? [[String: Any]]) ?? [] {
                    XCTAssertFalse((term["zh"] as? String ?? "").isEmpty, "\(list) \(term)")
                    XCTAssertFalse((term["en"] as? String ?? "").isEmpty, "\(list) \(term)")
                }
            }
        }
    }

    func testTheCampaignFormAndTheAuditFilterOfferEveryServerValue() async throws {
        guard Browser.available else { throw XCTSkip("chromium and chromium-driver are not installed") }
        try await TestServer.with { server in
            let browser = try await Browser.launch()
            do {
                try await browser.open(server.baseURL + "/")
                try await browser.type("#login-username", "admin")
                try await browser.type("#login-password", TestServer.adminPassword)
                try await browser.click("#login-submit")
                try await browser.waitForText("#nav-campaigns", containing: "外呼任务")

                try await browser.click("#nav-campaigns")
                try await browser.element("#campaign-mode option[value='fixed_ratio']")
                let modes = try await options("#campaign-mode", browser)
                // 号码检测 is offered only once an admin allows it (cleanse_enabled, off by default).
                XCTAssertEqual(modes, DialMode.allCases.filter { $0 != .cleanse }.map { [$0.rawValue, $0.chineseName] })
                try await browser.element("#campaign-form .d-category")
                let categories = try await options("#campaign-form .d-category", browser)
                XCTAssertEqual(categories, DispositionCategory.allCases.map { [$0.rawValue, $0.chineseName] })

                try await browser.click("#nav-audit")
                try await browser.element("#audit-action option[value='recording_access_refused']")
                let audit = try await options("#audit-action", browser)
                XCTAssertEqual(audit.first, ["", "全部"])
                XCTAssertEqual(Array(audit.dropFirst()), AuditAction.allCases.map { [$0.rawValue, $0.chineseName] })
                // The log itself names the actions too (the admin's login is in it).
                try await browser.waitForText("#audit-table", containing: "登录")

                try await browser.click("#lang-switch")
                // The switch re-renders the whole shell: wait for it before clicking.
                try await browser.waitForText("#nav-users", containing: "Users")
                try await browser.click("#nav-campaigns")
                try await browser.waitForText("#campaign-mode", containing: "Fixed ratio")
                let english = try await options("#campaign-mode", browser)
                XCTAssertEqual(english, DialMode.allCases.filter { $0 != .cleanse }.map { [$0.rawValue, $0.englishName] })
                try await browser.click("#lang-switch")
            } catch {
                try? await browser.screenshot(to: NSTemporaryDirectory() + "waihu-vocabulary-failed.png")
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    /// [value, shown text] of the first select matching `selector`.
    private func options(_ selector: String, _ browser: Browser) async throws -> [[String]] {
        let result = try await browser.script(
            "return Array.from(document.querySelector(arguments[0]).options).map((o) => [o.value, o.textContent]);", [selector])
        return (result as? [[String]]) ?? []
    }
}
