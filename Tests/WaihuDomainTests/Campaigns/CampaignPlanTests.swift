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

    func testTheNewSettingsTakeTheirDefaults() throws {
        let plan = try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"progressive"}"#.utf8))
        XCTAssertEqual(plan.leadOrdering.keys, [.renewalDate, .fewestAttempts, .sourcePriority])
        XCTAssertEqual(plan.listMix, [:])
        XCTAssertEqual(plan.callbackGraceMinutes, 10)
        XCTAssertEqual(plan.gate.attempts.retry.networkFailure, 300)
        XCTAssertNil(plan.gate.renewal)
    }

    /// Every key of every level in snake_case, read back as written and written as read.
    func testEveryKeyIsSnakeCaseAndRoundTrips() throws {
        let json = #"""
        {"mode":"fixed_ratio","dial_ratio":3,"transfer_digits":"9","wrap_up_seconds":45,"ring_timeout_seconds":25,
         "max_concurrent_calls":12,"calls_per_second":2.5,"script":"您好{name}","refusal_adds_to_dnc":true,"dnc_months":12,
         "time_zone":"Asia/Urumqi","lead_order":["fewest_attempts","renewal_date"],"list_mix":{"续保A":3,"新保B":1},
         "callback_grace_minutes":15,
         "abandon_cap":{"rate":0.02,"connect_grace":1.5},
         "dispositions":[{"code":"ok","label":"成功","category":"success"}],
         "gate":{"window":{"opens_at_minute":600,"closes_at_minute":1200,"holidays":["2026-10-01"]},
                 "attempts":{"max_attempts_per_lead":4,"max_attempts_per_day":2,
                             "retry":{"busy":60,"no_answer":3600,"machine":7200,"network_failure":120}},
                 "renewal":{"days_before":30}}}
        """#
        let plan = try JSONDecoder().decode(CampaignPlan.self, from: Data(json.utf8))
        XCTAssertEqual(plan.mode, .fixedRatio)
        XCTAssertEqual(plan.dialRatio, 3)
        XCTAssertEqual(plan.abandonCap.connectGrace, 1.5)
        XCTAssertEqual(plan.gate.window.opensAtMinute, 600)
        XCTAssertEqual(plan.gate.window.holidays, [CalendarDay(year: 2026, month: 10, day: 1)!])
        XCTAssertEqual(plan.gate.attempts.maxAttemptsPerDay, 2)
        XCTAssertEqual(plan.gate.attempts.retry.noAnswer, 3600)
        XCTAssertEqual(plan.gate.attempts.retry.networkFailure, 120)
        XCTAssertEqual(plan.gate.renewal?.daysBefore, 30)
        XCTAssertEqual(plan.leadOrdering.keys, [.fewestAttempts, .renewalDate])
        XCTAssertEqual(plan.listMix, ["续保A": 3, "新保B": 1])
        XCTAssertEqual(plan.callbackGraceMinutes, 15)
        XCTAssertEqual(plan.problems(hasPrompt: false), [])

        let encoded = try JSONEncoder().encode(plan)
        XCTAssertEqual(try JSONDecoder().decode(CampaignPlan.self, from: encoded), plan)
        // What is written is the documented casing: no capital letter in any key at any level
        // (the batch names of list_mix are data, not keys of the plan).
        var written = try XCTUnwrap(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        XCTAssertEqual(written["list_mix"] as? [String: Int], ["续保A": 3, "新保B": 1])
        written["list_mix"] = [:] as [String: Int]
        XCTAssertEqual(Self.keys(of: written).filter { $0.contains(where: \.isUppercase) }, [])
        XCTAssertTrue(Self.keys(of: written).isSuperset(of: [
            "opens_at_minute", "max_attempts_per_lead", "network_failure", "connect_grace", "days_before", "lead_order", "list_mix",
            "callback_grace_minutes"]))
    }

    func testAnUnknownKeyIsRefusedByName() throws {
        func refusal(_ json: String) -> String? {
            let decoded = Result { try JSONDecoder().decode(CampaignPlan.self, from: Data(json.utf8)) }
            guard case .failure(let error) = decoded else { return nil }
            if case DecodingError.dataCorrupted(let context) = error {
                return (context.underlyingError as? UnknownPlanKey)?.description
            }
            return "\(error)"
        }
        XCTAssertEqual(refusal(#"{"mode":"preview","gate":{"window":{"opensAt":540}}}"#),
                       "plan: unknown key 'gate.window.opensAt' — known keys: gate.window.opens_at_minute, "
                       + "gate.window.closes_at_minute, gate.window.holidays")
        XCTAssertEqual(refusal(#"{"mode":"preview","gate":{"attempts":{"retry":{"networkFailure":60}}}}"#),
                       "plan: unknown key 'gate.attempts.retry.networkFailure' — known keys: gate.attempts.retry.busy, "
                       + "gate.attempts.retry.no_answer, gate.attempts.retry.machine, gate.attempts.retry.network_failure, "
                       + "gate.attempts.retry.unreachable, gate.attempts.retry.unreachable_attempts, gate.attempts.retry.unreachable_days "
                       + "(did you mean 'gate.attempts.retry.network_failure'?)")
        XCTAssertTrue(refusal(#"{"mode":"preview","ring_timeout":20}"#)?
            .hasPrefix("plan: unknown key 'ring_timeout' — known keys: mode, gate, abandon_cap,") ?? false)
        XCTAssertTrue(refusal(#"{"mode":"preview","dispositions":[{"code":"a","label":"A","category":"success","colour":"red"}]}"#)?
            .hasPrefix("plan: unknown key 'dispositions[0].colour'") ?? false)
        XCTAssertTrue(refusal(#"{"mode":"preview","abandon_cap":{"connectGrace":2}}"#)?
            .contains("did you mean 'abandon_cap.connect_grace'?") ?? false)
        // Inside a request the plan sits under "plan": the path still starts at the plan's top.
        struct Request: Decodable { var plan: CampaignPlan }
        do {
            _ = try JSONDecoder().decode(Request.self, from: Data(#"{"plan":{"mode":"preview","gate":{"renewal":{"days":3}}}}"#.utf8))
            XCTFail("an unknown key was accepted")
        } catch DecodingError.dataCorrupted(let context) {
            XCTAssertEqual((context.underlyingError as? UnknownPlanKey)?.key, "gate.renewal.days")
        }
    }

    func testAListMixWithoutAPositiveShareIsRefused() {
        XCTAssertThrowsError(try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"preview","list_mix":{"A":0}}"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"preview","lead_order":["age"]}"#.utf8)))
        XCTAssertEqual(CampaignPlan(mode: .preview, listMix: ["A": -1, "B": 2], callbackGraceMinutes: -1).problems(hasPrompt: false),
                       [.listMix(.negativeWeight(listID: "A", weight: -1)), .range("callback_grace_minutes", "0–1440")])
    }

    /// A plan stored before snake_case everywhere (camelCase inside) is rewritten by the
    /// migration and then reads with every setting it had.
    func testAPlanStoredInTheOldCasingStillReads() throws {
        let stored = #"""
        {"mode":"predictive","abandon_cap":{"rate":0.02,"connectGrace":3},"ring_timeout_seconds":20,
         "gate":{"window":{"opensAtMinute":480,"closesAtMinute":1260,"holidays":[]},
                 "attempts":{"maxAttemptsPerLead":5,"maxAttemptsPerDay":2,
                             "retry":{"busy":60,"noAnswer":600,"machine":900,"networkFailure":30}},
                 "renewal":{"daysBefore":20}},
         "dispositions":[{"code":"ok","label":"成功","category":"success"}]}
        """#
        XCTAssertThrowsError(try JSONDecoder().decode(CampaignPlan.self, from: Data(stored.utf8)))
        let rewritten = try XCTUnwrap(try CampaignPlanLegacyKeys.rewritten(Data(stored.utf8)))
        let plan = try JSONDecoder().decode(CampaignPlan.self, from: rewritten)
        XCTAssertEqual(plan.abandonCap.connectGrace, 3)
        XCTAssertEqual(plan.gate.window.opensAtMinute, 480)
        XCTAssertEqual(plan.gate.window.closesAtMinute, 1260)
        XCTAssertEqual(plan.gate.attempts.maxAttemptsPerLead, 5)
        XCTAssertEqual(plan.gate.attempts.maxAttemptsPerDay, 2)
        XCTAssertEqual(plan.gate.attempts.retry, RetryPolicy(busy: 60, noAnswer: 600, machine: 900, networkFailure: 30))
        XCTAssertEqual(plan.gate.renewal?.daysBefore, 20)
        XCTAssertEqual(plan.ringTimeoutSeconds, 20)
        // A plan already in today's casing is left alone.
        XCTAssertNil(try CampaignPlanLegacyKeys.rewritten(try JSONEncoder().encode(plan)))
    }

    private static func keys(of value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys(of: $1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: Set()) { $0.formUnion(keys(of: $1)) } }
        return []
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

    /// `survey_target` makes the campaign a survey project (its successes are completed
    /// questionnaires); absent, a sales project. It is written back only when set.
    func testASurveyTargetMarksASurveyProject() throws {
        let sales = try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"preview"}"#.utf8))
        XCTAssertNil(sales.surveyTarget)
        let written = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(sales)) as? [String: Any])
        XCTAssertNil(written["survey_target"], "a sales plan does not say survey_target: null")

        let survey = try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"preview","survey_target":300}"#.utf8))
        XCTAssertEqual(survey.surveyTarget, 300)
        XCTAssertEqual(try JSONDecoder().decode(CampaignPlan.self, from: JSONEncoder().encode(survey)), survey)
        XCTAssertEqual(survey.problems(hasPrompt: false), [])
        XCTAssertEqual(CampaignPlan(mode: .preview, surveyTarget: 0).problems(hasPrompt: false), [.range("survey_target", "≥ 1")])
        XCTAssertEqual(CampaignPlan(mode: .preview, surveyTarget: -5).problems(hasPrompt: false), [.range("survey_target", "≥ 1")])
        XCTAssertThrowsError(try JSONDecoder().decode(CampaignPlan.self, from: Data(#"{"mode":"preview","surveyTarget":300}"#.utf8)))
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
