import XCTest
import WaihuTestPeers
@testable import WaihuServer

/// 外呼任务 in a real browser: a supervisor creates a progressive campaign from a lead batch
/// with the form (calling window, attempt limits, abandon cap, dispositions) and starts it;
/// a campaign without leads does not start and the page says why (the server's 409 reason).
final class CampaignPageTests: XCTestCase {
    func testSupervisorCreatesAndStartsACampaignAndSeesWhyAnEmptyOneCannotStart() async throws {
        let setup = Self.setup(secondBatch: "旧名单", file: "old.csv")
        let files = ["leads.csv": CampaignUISupport.leadsCSV,
                     "old.csv": "客户名称,手机号码,车牌号,车型,到期日\n老客户,13900139009,沪A-10009,大众帕萨特,2026-12-25\n"]
        try await ServedWaihu.with(setup: setup, files: files, rtpPorts: "31700-31719", screenshot: "waihu-campaigns-page-failed.png") { server, browser in
            let admin = try await server.login("admin", "admin-pass-123")
            // The old list's only lead is already sold: a campaign of it has nothing to dial.
            let old = try await server.api.get("/api/v1/leads?q=13900139009", token: admin).json
            let oldLead = try XCTUnwrap((old["leads"] as? [[String: Any]])?.first?["id"] as? Int, "\(old)")
            let sold = try await server.api.request(.PATCH, "/api/v1/leads/\(oldLead)", token: admin, body: ["status": "success"])
            XCTAssertEqual(sold.status, 200, sold.text)

            try await CampaignUISupport.logIn(browser, server.baseURL, "zhao", "pw-zhao-123")
            try await browser.waitForText("#nav-campaigns", containing: "外呼任务")
            try await browser.click("#nav-campaigns")
            try await browser.element("#campaign-form")
            try await browser.waitForText("#campaigns-table", containing: "还没有外呼任务")

            try await browser.type("#campaign-name", "续保一期")
            try await browser.click("#campaign-batches input[data-name='续保11月']")
            try await browser.click("#campaign-teams input[data-name='续保一组']")
            // A supervisor may not list trunks: the trunk is typed.
            try await browser.type("#campaign-trunk", "电信")
            try await browser.type("#campaign-caller-id", "02150001111")
            try await browser.type("#campaign-opens", "00:00")
            try await browser.type("#campaign-closes", "24:00")
            try await browser.type("#campaign-max-per-lead", "4")
            try await browser.type("#campaign-abandon-cap", "2.5")
            try await browser.type("#campaign-script", "您好，请问是{name}吗？您的{car_model}（{plate}）车险快到期了。")
            try await browser.click("#campaign-submit")
            try await browser.waitForText("#campaigns-notice", containing: "外呼任务已创建")
            try await browser.waitForText("#campaigns-table", containing: "续保一期")
            try await browser.waitForText("#campaigns-table", containing: "共 3")

            let created = try await server.api.get("/api/v1/campaigns", token: admin).jsonArray
            let campaign = try XCTUnwrap(created.first { $0["name"] as? String == "续保一期" }, "\(created)")
            let id = try XCTUnwrap(campaign["id"] as? Int)
            XCTAssertEqual(campaign["mode"] as? String, "progressive")
            XCTAssertEqual(campaign["batches"] as? [String], ["续保11月"])
            XCTAssertEqual(campaign["teams"] as? [String], ["续保一组"])
            XCTAssertEqual(campaign["trunk"] as? String, "电信")
            XCTAssertEqual(campaign["caller_id"] as? String, "02150001111")
            let plan = try XCTUnwrap(campaign["plan"] as? [String: Any])
            let gate = try XCTUnwrap(plan["gate"] as? [String: Any])
            let window = try XCTUnwrap(gate["window"] as? [String: Any])
            XCTAssertEqual(window["opens_at_minute"] as? Int, 0)
            XCTAssertEqual(window["closes_at_minute"] as? Int, 1440)
            XCTAssertEqual((gate["attempts"] as? [String: Any])?["max_attempts_per_lead"] as? Int, 4)
            XCTAssertEqual(((plan["abandon_cap"] as? [String: Any])?["rate"] as? Double) ?? 0, 0.025, accuracy: 0.0001)
            XCTAssertEqual((plan["dispositions"] as? [[String: Any]])?.count, 8, "the default dispositions")
            XCTAssertEqual(plan["script"] as? String, "您好，请问是{name}吗？您的{car_model}（{plate}）车险快到期了。")

            try await browser.click("#campaign-\(id)-start")
            try await browser.waitForText("#campaigns-notice", containing: "已启动")
            try await browser.waitForText("tr[data-campaign='\(id)'] [data-status]", containing: "进行中")
            try await browser.element("#campaign-\(id)-pause")

            // A campaign over no lead: the server refuses to start it and the page says why.
            // It is a survey (回访) project: the page shows its questionnaires against the target.
            try await browser.type("#campaign-name", "空任务")
            try await browser.type("#campaign-survey-target", "50")
            try await browser.click("#campaign-batches input[data-name='旧名单']")
            try await browser.type("#campaign-trunk", "电信")
            try await browser.type("#campaign-opens", "00:00")
            try await browser.type("#campaign-closes", "24:00")
            try await browser.click("#campaign-submit")
            try await browser.waitForText("#campaigns-table", containing: "空任务")
            let all = try await server.api.get("/api/v1/campaigns", token: admin).jsonArray
            let empty = try XCTUnwrap(all.first { $0["name"] as? String == "空任务" }?["id"] as? Int)
            XCTAssertEqual((all.first { $0["name"] as? String == "空任务" }?["plan"] as? [String: Any])?["survey_target"] as? Int, 50)
            XCTAssertNil((campaign["plan"] as? [String: Any])?["survey_target"], "left empty: a sales project")
            try await browser.waitForText("tr[data-campaign='\(empty)'] [data-survey]", containing: "问卷完成 0 / 50")
            let renewalRow = try await browser.text("tr[data-campaign='\(id)']")
            XCTAssertFalse(renewalRow.contains("问卷完成"), renewalRow)
            try await browser.click("#campaign-\(empty)-start")
            try await browser.waitForText("#campaigns-message", containing: "无法执行")
            let shown = try await browser.text("#campaigns-message")
            let refusal = try await server.api.request(.POST, "/api/v1/campaigns/\(empty)/start", token: admin)
            XCTAssertEqual(refusal.status, 409, refusal.text)
            XCTAssertTrue(refusal.reason.contains("no lead"), refusal.reason)
            XCTAssertTrue(shown.contains(refusal.reason), "the page shows the server's reason '\(refusal.reason)': \(shown)")
            try await browser.waitForText("tr[data-campaign='\(empty)'] [data-status]", containing: "草稿")
            try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-campaigns-page.png")

            // The detail view opens with its (still empty) calls; then the supervisor stops the campaign.
            try await browser.click("#campaign-open-\(id)")
            try await browser.waitForText("#campaign-detail", containing: "最近通话")
            // 名单明细: every lead of the campaign with its place in the lifecycle, from the API.
            try await browser.waitForText("#campaign-leads-page", containing: "共 3 条")
            let leads = try await server.api.get("/api/v1/campaigns/\(id)/leads?per_page=2", token: admin).json
            XCTAssertEqual(leads["total"] as? Int, 3, "\(leads)")
            let page = try XCTUnwrap(leads["leads"] as? [[String: Any]])
            XCTAssertEqual(page.count, 2, "paged")
            XCTAssertTrue(page.allSatisfy { ["waiting", "dialing"].contains($0["state"] as? String ?? "") }, "\(page)")
            XCTAssertTrue(page.allSatisfy { ($0["number"] as? String ?? "").contains("*") }, "numbers are masked: \(page)")
            let none = try await server.api.get("/api/v1/campaigns/\(id)/leads?state=done", token: admin).json
            XCTAssertEqual(none["total"] as? Int, 0, "\(none)")
            let bad = try await server.api.request(.GET, "/api/v1/campaigns/\(id)/leads?state=finished", token: admin)
            XCTAssertEqual(bad.status, 400, bad.text)
            XCTAssertTrue(bad.reason.contains("state"), bad.reason)
            try await browser.click("#campaign-\(id)-stop")
            try await browser.waitForText("tr[data-campaign='\(id)'] [data-status]", containing: "已停止")
            let stopped = try await server.api.get("/api/v1/campaigns/\(id)", token: admin).json
            XCTAssertEqual(stopped["status"] as? String, "stopped")
        }
    }

    /// 拨打优先级, 名单配比 and 个人预约保留时间 on the form reach the stored plan and the detail view.
    func testSupervisorSetsDialingOrderListMixAndCallbackGrace() async throws {
        let setup = Self.setup(secondBatch: "新客名单", file: "new.csv")
        let files = ["leads.csv": CampaignUISupport.leadsCSV,
                     "new.csv": "客户名称,手机号码,车牌号,车型,到期日\n新客户,13900139008,沪A-10008,大众帕萨特,2026-12-25\n"]
        try await ServedWaihu.with(setup: setup, files: files, rtpPorts: "31720-31739", screenshot: "waihu-campaign-plan-form-failed.png") { server, browser in
            let admin = try await server.login("admin", "admin-pass-123")
            try await CampaignUISupport.logIn(browser, server.baseURL, "zhao", "pw-zhao-123")
            try await browser.click("#nav-campaigns")
            try await browser.element("#campaign-form")
            // The order starts as the plan's default.
            try await browser.waitForText("#campaign-lead-order", containing: "续保到期日最早")
            let initial = try await browser.script("return [...document.querySelectorAll('#campaign-lead-order li')].map((li) => li.dataset.key)")
            XCTAssertEqual(initial as? [String], ["renewal_date", "fewest_attempts", "source_priority"])

            try await browser.type("#campaign-name", "混合名单")
            _ = try await browser.script("""
                const mode = document.getElementById('campaign-mode');
                mode.value = 'predictive'; mode.dispatchEvent(new Event('change'));
                return mode.value
                """)
            try await browser.click("#campaign-batches input[data-name='续保11月']")
            try await browser.click("#campaign-batches input[data-name='新客名单']")
            try await browser.click("#campaign-teams input[data-name='续保一组']")
            try await browser.type("#campaign-trunk", "电信")
            // A share appears for each ticked batch.
            try await browser.type("#campaign-list-mix input[data-batch='续保11月']", "3")
            try await browser.type("#campaign-list-mix input[data-batch='新客名单']", "1")
            try await browser.type("#campaign-callback-grace", "20")
            // Source priority first, then renewal date, then attempts.
            try await browser.click("#campaign-order-up-source_priority")
            try await browser.click("#campaign-order-up-source_priority")
            try await browser.click("#campaign-submit")
            try await browser.waitForText("#campaigns-notice", containing: "外呼任务已创建")
            try await browser.waitForText("#campaigns-table", containing: "混合名单")

            let all = try await server.api.get("/api/v1/campaigns", token: admin).jsonArray
            let campaign = try XCTUnwrap(all.first { $0["name"] as? String == "混合名单" }, "\(all)")
            let id = try XCTUnwrap(campaign["id"] as? Int)
            let stored = try await server.api.get("/api/v1/campaigns/\(id)", token: admin).json
            let plan = try XCTUnwrap(stored["plan"] as? [String: Any], "\(stored)")
            XCTAssertEqual(plan["lead_order"] as? [String], ["source_priority", "renewal_date", "fewest_attempts"])
            XCTAssertEqual(plan["list_mix"] as? [String: Int], ["续保11月": 3, "新客名单": 1])
            XCTAssertEqual(plan["callback_grace_minutes"] as? Int, 20)

            try await browser.click("#campaign-open-\(id)")
            try await browser.waitForText("#campaign-facts", containing: "来源优先级最高 → 续保到期日最早 → 拨打次数最少")
            let facts = try await browser.text("#campaign-facts")
            XCTAssertTrue(facts.contains("续保11月 3") && facts.contains("新客名单 1"), facts)
            XCTAssertTrue(facts.contains("20 分钟"), facts)
            // A predictive campaign shows its pacing; not started, it is not dialing (预测节奏 未在拨号).
            XCTAssertEqual(stored["mode"] as? String, "predictive")
            try await browser.waitForText("#campaign-pacing-fact", containing: "未在拨号")
        }
    }

    /// An admin, the team 续保一组 with its supervisor zhao, a trunk to a loopback port where
    /// nobody answers (nothing leaves the machine), the batch 续保11月 and a second batch from `file`.
    private static func setup(secondBatch: String, file: String) -> [([String], String?)] {
        [
            (["user", "add", "admin", "--role", "admin", "--password-stdin"], "admin-pass-123\n"),
            (["team", "add", "续保一组"], nil),
            (["user", "add", "zhao", "--role", "supervisor", "--team", "续保一组", "--password-stdin"], "pw-zhao-123\n"),
            (["trunk", "add", "电信", "--host", "127.0.0.1", "--port", String(SharedPeers.peerPort()), "--caller-id", "02150001111"], nil),
            (["leads", "import", "@leads.csv", "--batch", "续保11月", "--source", "分公司", "--team", "续保一组"], nil),
            (["leads", "import", "@\(file)", "--batch", secondBatch, "--source", "分公司", "--team", "续保一组"], nil),
        ]
    }
}
