import Foundation
import XCTest
import WaihuTestPeers

/// 座席工作台 in headless Chromium against `waihu serve` with its SIP engine and real peers
/// on loopback: baresip is the agent's phone (8001), SIPp the customer behind the trunk.
/// The agent logs in and takes a meal break; a supervisor in a second browser sees it on the
/// wallboard and forces the agent out (the desk is pushed back to its login); the agent logs
/// in again and goes ready; the progressive campaign dials the lead, the customer answers,
/// the desk pops the lead (pushed, not polled); the customer hangs up; the supervisor forces
/// the agent not ready in wrap-up; a reload shows the same lead; the agent saves a
/// disposition in the page; the lead's calls show it, the day's report counts the call, and
/// the supervisor plays the recording from the lead page.
final class AgentDesktopTests: XCTestCase {
    func testAgentTakesAProgressiveCallOnTheDesktopAndSavesTheDisposition() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        try PeerProcess.require("/usr/bin/baresip")
        let customerPort = SharedPeers.peerPort()
        let setup: [([String], String?)] = [
            (["user", "add", "admin", "--role", "admin", "--password-stdin"], "admin-pass-123\n"),
            (["team", "add", "续保一组"], nil),
            (["user", "add", "wang", "--role", "agent", "--team", "续保一组", "--display-name", "王芳", "--password-stdin"], "agent-pass-1\n"),
            (["phone", "add", "8001", "--agent", "wang", "--password-stdin"], "secret8001\n"),
            (["trunk", "add", "sipp", "--host", "127.0.0.1", "--port", String(customerPort), "--caller-id", "02150001111", "--ring-timeout", "15"], nil),
            (["leads", "import", "@leads.csv", "--batch", "续保11月", "--source", "分公司", "--team", "续保一组"], nil),
        ]
        try await ServedWaihu.with(setup: setup, files: ["leads.csv": CampaignUISupport.oneLeadCSV], rtpPorts: "31600-31699",
                                   screenshot: "waihu-desk-failed.png") { server, browser in
            let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: server.sipPort,
                                         microphone: TestTone.samples(frequency: 1000, seconds: 60, amplitude: 0.4))
            defer { phone.stop() }
            let api = server.api
            let admin = try await server.login("admin", "admin-pass-123")
            var registered = false
            for _ in 0..<100 where !registered {
                registered = try await api.get("/api/v1/phones", token: admin).jsonArray
                    .contains { $0["extension"] as? String == "8001" && $0["registered"] as? Bool == true }
                if !registered { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            XCTAssertTrue(registered, "baresip registered 8001: \(phone.process.output)")

            let created = try await api.request(.POST, "/api/v1/campaigns", token: admin, body: [
                "name": "续保一期", "batches": ["续保11月"], "teams": ["续保一组"], "trunk": "sipp", "caller_id": "02150001111",
                "plan": [
                    "mode": "progressive", "wrap_up_seconds": 600, "ring_timeout_seconds": 15,
                    "script": "您好，请问是{name}吗？您的{car_model}（{plate}）车险快到期了。",
                    "gate": ["window": ["opens_at_minute": 0, "closes_at_minute": 1440, "holidays": [] as [String]],
                             "attempts": ["max_attempts_per_lead": 3, "max_attempts_per_day": 3,
                                          "retry": ["busy": 600, "no_answer": 7200, "machine": 14400, "network_failure": 300]]],
                ] as [String: Any],
            ])
            XCTAssertEqual(created.status, 201, created.text)
            let campaignID = try XCTUnwrap(created.json["id"] as? Int, created.text)
            let started = try await api.request(.POST, "/api/v1/campaigns/\(campaignID)/start", token: admin)
            XCTAssertEqual(started.status, 200, started.text)

            // The agent logs in at the desk with the phone's extension, then takes a meal break.
            try await CampaignUISupport.logIn(browser, server.baseURL, "wang", "agent-pass-1")
            try await browser.waitForText("#nav-desktop", containing: "座席工作台")
            try await browser.click("#nav-desktop")
            try await browser.waitForText("#desk-campaign", containing: "续保一期")
            try await browser.type("#desk-extension", "8001")
            try await browser.click("#desk-login-submit")
            try await browser.element("#desk-bar:not([hidden])")
            try await browser.waitForText("#desk-state", containing: "示忙")
            try await browser.script("document.getElementById('desk-reason').value = 'meal'")
            try await browser.click("#desk-not-ready")
            try await browser.waitForText("#desk-state", containing: "示忙 · 用餐")
            let board = try await api.get("/api/v1/desk/agents", token: admin).jsonArray
            XCTAssertTrue(board.contains { $0["agent"] as? String == "wang" && $0["state"] as? String == "not_ready" && $0["reason"] as? String == "meal" },
                          "\(board)")

            // The supervisor (the admin here) watches in a second browser: the wallboard shows
            // the agent on a meal break and the campaign; forcing the agent out reaches the
            // agent's desk by push, and the agent logs in again.
            let supervisor = try await Browser.launch()
            do {
                try await supervise(supervisor, server: server, agentBrowser: browser, customerPort: customerPort, admin: admin)
            } catch {
                try? await supervisor.screenshot(to: NSTemporaryDirectory() + "waihu-desk-supervisor-failed.png")
                await supervisor.quit()
                throw error
            }
            await supervisor.quit()
        }
    }

    /// How many times a page read `GET /api/v1/desk` (serve logs every request).
    private func deskReads(_ server: ServedWaihu) -> Int {
        server.serve.text.split(separator: "\n").filter { $0.hasSuffix("[Vapor] GET /api/v1/desk") }.count
    }

    /// From the wallboard check to the recording: the supervisor browser and the agent browser side by side.
    private func supervise(_ supervisor: Browser, server: ServedWaihu, agentBrowser browser: Browser, customerPort: Int, admin: String) async throws {
        let api = server.api
        try await CampaignUISupport.logIn(supervisor, server.baseURL, "admin", "admin-pass-123")
        try await supervisor.click("#nav-wallboard")
        try await supervisor.waitForText("tr[data-agent='wang'] [data-state]", containing: "示忙 · 用餐")
        try await supervisor.waitForText("#wallboard-live-agents", containing: "王芳")
        try await supervisor.waitForText("#wallboard-campaigns tr", containing: "续保一期")
        try await supervisor.click("#force-logout-wang")
        try await supervisor.waitForText("#wallboard-live-agents", containing: "没有签入的座席")
        let afterForce = try await api.get("/api/v1/desk/agents", token: admin).jsonArray
        XCTAssertTrue(afterForce.isEmpty, "\(afterForce)")
        try await browser.element("#desk-login:not([hidden])")
        try await browser.type("#desk-extension", "8001")
        try await browser.click("#desk-login-submit")
        try await browser.waitForText("#desk-state", containing: "示忙")

        // The customer answers after 0.5 s and hangs up about 5 s later.
        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: customerPort,
                                                    variables: ["ring_ms": "500", "talk_ms": "4000"], timeout: 60)
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let readsBeforeTheCall = deskReads(server)
        XCTAssertGreaterThan(readsBeforeTheCall, 0, "the page read its desk once when it opened")
        try await browser.click("#desk-ready")

        // The screen pop, pushed to the page when the customer answers: the page read the
        // desk no more while it waited (no polling).
        try await browser.waitForText("#desk-lead-name", containing: "钱多多", timeout: 30)
        XCTAssertEqual(deskReads(server), readsBeforeTheCall, "the desk is pushed, not polled")
        try await browser.waitForText("#desk-script", containing: "您好，请问是钱多多吗？您的大众朗逸")
        try await browser.waitForText("#desk-state", containing: "通话中")
        let masked = try await browser.text("#desk-lead [data-field=phone]")
        XCTAssertFalse(masked.contains("13900139001"), "the number is masked: \(masked)")
        try await browser.screenshot(to: NSTemporaryDirectory() + "waihu-desk-screen-pop.png")

        // The customer hangs up: wrap-up, on the wallboard too. The supervisor forces the
        // agent not ready; the desk shows it at once and keeps the call for its disposition.
        try await browser.waitForText("#desk-state", containing: "后处理", timeout: 30)
        try await supervisor.waitForText("tr[data-agent='wang'] [data-state]", containing: "后处理")
        try await supervisor.click("#force-not-ready-wang")
        try await supervisor.waitForText("tr[data-agent='wang'] [data-state]", containing: "示忙")
        try await browser.waitForText("#desk-state", containing: "示忙 · 其他")

        // A reload here shows the same lead and its form.
        try await browser.open(server.baseURL + "/#desktop")
        try await browser.waitForText("#desk-lead-name", containing: "钱多多")
        try await browser.click("#desk-disposition-form button[data-code='success']")
        try await browser.type("#desk-note", "客户同意续保")
        try await browser.click("#desk-disposition-submit")
        try await browser.waitForText("#desk-notice", containing: "小结已保存")
        let deskCallShown = try await browser.script("return !document.getElementById('desk-call').hidden")
        XCTAssertEqual(deskCallShown as? Bool, false, "the saved call leaves the desk")
        let exit = await customer.waitForExit(seconds: 15)
        XCTAssertEqual(exit, 0, customer.output)

        // The disposition is stored with the lead, and the day's report counts the call.
        let found = try await api.get("/api/v1/leads?q=13900139001", token: admin).json
        let leadID = try XCTUnwrap((found["leads"] as? [[String: Any]])?.first?["id"] as? Int, "\(found)")
        let calls = try await api.get("/api/v1/leads/\(leadID)/calls", token: admin)
        XCTAssertEqual(calls.status, 200, calls.text)
        let attempts = calls.json["calls"] as? [[String: Any]] ?? []
        XCTAssertEqual(attempts.count, 1, calls.text)
        let call = try XCTUnwrap(attempts.first, calls.text)
        XCTAssertEqual(call["agent"] as? String, "wang", calls.text)
        XCTAssertEqual(call["recording"] as? Bool, true, calls.text)
        let dispositions = (calls.json["history"] as? [[String: Any]] ?? []).filter { $0["disposition"] is String }
        XCTAssertEqual(dispositions.count, 1, calls.text)
        XCTAssertTrue((dispositions.first?["disposition"] as? String ?? "").contains("success"), calls.text)
        XCTAssertEqual(dispositions.first?["note"] as? String, "客户同意续保", calls.text)
        let day = CampaignUISupport.today
        let reportReply = try await api.get("/api/v1/reports/agent?from=\(day)&to=\(day)", token: admin)
        let report = try ReportReply(reportReply)
        XCTAssertEqual(report.value("wang", "calls_placed"), 1, reportReply.text)
        XCTAssertEqual(report.value("wang", "agent_connected_calls"), 1, reportReply.text)
        XCTAssertEqual(report.value("wang", "online_success_count"), 1, reportReply.text)

        // The admin finds the call on the lead page and plays its recording in the page.
        try await supervisor.open(server.baseURL + "/#leads?lead=\(leadID)")
        try await supervisor.waitForText("#lead-calls", containing: "wang")
        try await supervisor.waitForText("#lead-dispositions", containing: "客户同意续保")
        let callID = try XCTUnwrap(call["call_id"] as? String, calls.text)
        try await supervisor.click("[data-recording='\(callID)'] button")
        try await supervisor.element("[data-recording='\(callID)'] audio")
        let duration = try await supervisor.script("""
            const audio = document.querySelector(arguments[0]);
            return new Promise((done) => {
              if (audio.readyState > 0) done(audio.duration); else audio.addEventListener('loadedmetadata', () => done(audio.duration));
            });
            """, ["[data-recording='\(callID)'] audio"])
        XCTAssertGreaterThan((duration as? Double) ?? 0, 2, "the recording lasts as long as the call")
    }
}
