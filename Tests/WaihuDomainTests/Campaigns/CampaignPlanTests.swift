import Foundation
import XCTest
import WaihuDomain

final class CampaignPlanTests: XCTestCase {
    func testAMinimalRequestTakesTheDefaults() throws {
        let plan = try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"predictive"}"#.utf8))
        XCTAssertEqual(plan, CampaignPlan(mode: .predictive))
        XCTAssertEqual(plan.abandonCap.rate, 0.03)
        XCTAssertEqual(plan.gate.window.opensAtMinute, 540)
        XCTAssertEqual(plan.dispositions.count, 8)
        XCTAssertEqual(plan.problems(hasPrompt: false), [])
    }

    func testRoundTripKeepsEveryField() throws {
        var plan = CampaignPlan(mode: .broadcast, transferDigits: "19", wrapUpSeconds: 30, maxConcurrentCalls: 40,
                                callsPerSecond: 8, script: "您好{name}", refusalAddsToDoNotCall: true, doNotCallMonths: 3)
        plan.gate = DialGate(window: try CallingWindow(opensAtMinute: 600, closesAtMinute: 1200))
        let decoded = try JSONDecoder().decode(CampaignPlan.self, from: try JSONEncoder().encode(plan))
        XCTAssertEqual(decoded, plan)
    }

    func testProblemsNameTheField() {
        var plan = CampaignPlan(mode: .broadcast, transferDigits: "a")
        plan.gate.window.closesAtMinute = plan.gate.window.opensAtMinute
        plan.timeZone = "Mars/Olympus"
        XCTAssertEqual(plan.problems(hasPrompt: false),
                       [.broadcastWithoutPrompt, .transferDigits("a"), .windowNeverOpens, .timeZone("Mars/Olympus")])
        XCTAssertTrue(CampaignPlanProblem.windowNeverOpens.description.contains("never opens"))

        let agents = CampaignPlan(mode: .progressive, wrapUpSeconds: -1, dispositions: [])
        XCTAssertEqual(agents.problems(hasPrompt: true), [.noDispositions, .range("wrap_up_seconds", "0–3600")])

        let twice = CampaignPlan(mode: .preview, dispositions: [
            CampaignDisposition(code: "a", label: "A", category: .success),
            CampaignDisposition(code: "a", label: "B", category: .refusal),
        ])
        XCTAssertEqual(twice.problems(hasPrompt: false), [.dispositionCode("a")])
    }

    func testDoNotCallDispositions() {
        let refusal = CampaignDisposition(code: "no", label: "拒绝", category: .refusal)
        let dnc = CampaignDisposition(code: "dnc", label: "勿扰", category: .doNotCall)
        XCTAssertFalse(CampaignPlan(mode: .predictive).addsToDoNotCall(refusal))
        XCTAssertTrue(CampaignPlan(mode: .predictive).addsToDoNotCall(dnc))
        XCTAssertTrue(CampaignPlan(mode: .predictive, refusalAddsToDoNotCall: true).addsToDoNotCall(refusal))
    }

    func testStatusCommands() {
        XCTAssertEqual(CampaignStatus.draft.after(.start), .running)
        XCTAssertEqual(CampaignStatus.running.after(.pause), .paused)
        XCTAssertEqual(CampaignStatus.paused.after(.resume), .running)
        XCTAssertEqual(CampaignStatus.paused.after(.stop), .stopped)
        XCTAssertEqual(CampaignStatus.stopped.after(.start), .running)
        XCTAssertNil(CampaignStatus.running.after(.resume))
        XCTAssertNil(CampaignStatus.finished.after(.pause))
        XCTAssertNil(CampaignStatus.draft.after(.stop))
    }

    func testScriptFillsLeadFields() {
        let script = CampaignScript("{name}您好，您的{车牌}（{car_model}）保险将于{续保日}到期。我是{座席}。{保单号}{ 未知 }")
        let text = script.rendered(with: ["name": "张三", "plate": "沪A12345", "car_model": "", "renewal_date": "2026-12-01",
                                          "agent": "小王", "保单号": "P-1"])
        XCTAssertEqual(text, "张三您好，您的沪A12345（——）保险将于2026-12-01到期。我是小王。P-1——")
        XCTAssertEqual(CampaignScript("未闭合 {name").rendered(with: ["name": "x"]), "未闭合 {name")
    }
}
