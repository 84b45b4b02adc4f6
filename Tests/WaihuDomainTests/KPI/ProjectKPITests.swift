import XCTest
@testable import WaihuDomain

final class ProjectKPITests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_772_413_200)

    func call(_ id: String, lead: String, _ outcome: CallOutcome, agent: String? = nil, talk: Double = 0,
              playback: Double = 0, minute: Double = 0, attempt: Int? = nil) -> CallAttemptRecord {
        CallAttemptRecord(callID: id, leadID: lead, campaignID: "C1", number: "138", placedAt: t0 + minute * 60,
                          endedAt: t0 + minute * 60 + 300, outcome: outcome, agentID: agent, talkSeconds: talk,
                          playbackSeconds: playback, attemptNumber: attempt)
    }

    var calls: [CallAttemptRecord] {
        [
            call("K1", lead: "L1", .answered, agent: "A1", talk: 120, attempt: 1),
            call("K2", lead: "L2", .busy, minute: 1),
            call("K3", lead: "L2", .answered, agent: "A1", talk: 60, minute: 30),
            call("K4", lead: "L3", .invalid, minute: 2),
            call("K5", lead: "L4", .answered, playback: 25, minute: 3),        // voice broadcast, no agent
            call("K6", lead: "L5", .answered, agent: "A2", talk: 0, minute: 4), // hung up at once
        ]
    }

    func disposition(_ lead: String, _ code: String, _ category: DispositionCategory) -> DispositionRecord {
        DispositionRecord(leadID: lead, campaignID: "C1", code: code, category: category, at: t0)
    }

    var dispositions: [DispositionRecord] {
        [
            disposition("L1", "sold", .success),
            disposition("L2", "too_expensive", .refusal),
            disposition("L5", "not_owner", .wrongParty),
            disposition("L6", "too_expensive", .refusal),
            disposition("L7", "renewed_elsewhere", .alreadyCovered),
            disposition("L8", "vacant", .invalidNumber),
        ]
    }

    func testCallCounts() {
        XCTAssertEqual(KPI.agentConnectedCalls(calls), 2)           // K1, K3
        XCTAssertEqual(KPI.agentTalkSeconds(calls), 180)
        XCTAssertEqual(KPI.dialledLeads(calls), ["L1", "L2", "L3", "L4", "L5"])
        XCTAssertEqual(KPI.invalidLeads(calls, []), ["L3"])
        // L8's invalid-number disposition is on a lead these calls did not dial.
        XCTAssertEqual(KPI.invalidLeads(calls, dispositions), ["L3"])
        XCTAssertEqual(KPI.playbackSeconds(calls), 25)
        XCTAssertEqual(KPI.firstDials(calls).map(\.callID), ["K1", "K2", "K4", "K5", "K6"])
    }

    func testCallRates() {
        XCTAssertEqual(KPI.invalidRate(invalidLeads: 1, dialledLeads: 5).percentText, "20.0%")
        XCTAssertEqual(KPI.contactRate(connectedCalls: 2, leadsDialled: 5).percentText, "40.0%")
        let aht = KPI.averageHandleTime(talkSeconds: 180, connectedCalls: 2)
        XCTAssertEqual(aht.value, 90)
        XCTAssertEqual(KPIValue(aht.value, unit: .seconds).text, "0:01:30")
        XCTAssertEqual(KPI.callsPerHour(callsPlaced: 6, callingSeconds: 5400).text(), "4.0")
        XCTAssertEqual(KPI.callsPerAgent(connectedCalls: 7, agents: 2).text(), "3.5")
        XCTAssertEqual(KPI.validNumberRate(validLeads: 850, listTotal: 1000).percentText, "85.0%")
        XCTAssertEqual(KPI.leadContactRate(leadsContacted: 3, leadsDialled: 4).percentText, "75.0%")
        XCTAssertEqual(KPI.firstDialsPerDay(firstDials: 130, agentDays: 2).text(), "65.0")
        // 12 h of talk over 4 agent-days: 3 h a day.
        let daily = KPI.averageDailyTalkTime(talkSeconds: 43_200, agentDays: 4)
        XCTAssertEqual(KPIValue(daily.value, unit: .seconds).text, "3:00:00")
    }

    func testSuccessRates() {
        XCTAssertEqual(KPI.onlineSuccessCount(dispositions), 1)
        // Contacted: L1, L2, L6, L7 (wrong party and invalid number are not contacts).
        XCTAssertEqual(KPI.contactedLeads(dispositions), ["L1", "L2", "L6", "L7"])
        XCTAssertEqual(KPI.contactSuccessRate(successes: 1, contacted: 4).percentText, "25.0%")
        XCTAssertEqual(KPI.onlineSuccessRate(successes: 1, connectedCalls: 2).percentText, "50.0%")
        XCTAssertEqual(KPI.netSuccessRate(successes: 1, leadsDialled: 5).percentText, "20.0%")
        XCTAssertEqual(KPI.surveyProgress(completed: 45, target: 60).percentText, "75.0%")
        XCTAssertEqual(KPI.surveyCompletionRate(completed: 45, connectedCalls: 300).percentText, "15.0%")
    }

    func testNetPremiumAndListCosts() {
        XCTAssertEqual(KPI.netPremium(premium: 4280.50, cancelledPremium: 1000), 3280.50)
        // A batch of 600 leads at 0.50 yuan: 300 yuan, 0.50 a lead, 25 a success with 12 sales.
        XCTAssertEqual(KPI.costPerLead(cost: 300, leads: 600).value, 0.5)
        XCTAssertEqual(KPI.costPerSuccess(cost: 300, successes: 12).value, 25)
        XCTAssertNil(KPI.costPerSuccess(cost: 300, successes: 0).value, "no sale yet: no cost per sale")
        XCTAssertNil(KPI.costPerLead(cost: 0, leads: 0).value)
    }

    func testZeroDenominatorsShowADash() {
        let ratios = [
            KPI.validNumberRate(validLeads: 0, listTotal: 0),
            KPI.invalidRate(invalidLeads: 0, dialledLeads: 0),
            KPI.contactRate(connectedCalls: 0, leadsDialled: 0),
            KPI.averageHandleTime(talkSeconds: 0, connectedCalls: 0),
            KPI.callsPerHour(callsPlaced: 3, callingSeconds: 0),
            KPI.onlineSuccessRate(successes: 0, connectedCalls: 0),
            KPI.contactSuccessRate(successes: 0, contacted: 0),
            KPI.netSuccessRate(successes: 0, leadsDialled: 0),
            KPI.surveyProgress(completed: 3, target: 0),
            KPI.firstDialsPerDay(firstDials: 0, agentDays: 0),
            KPI.averageDailyTalkTime(talkSeconds: 0, agentDays: 0),
            KPI.policyEntryAccuracy([]),
            KPI.cancellationRate([]),
        ]
        for ratio in ratios {
            XCTAssertNil(ratio.value)
            XCTAssertEqual(ratio.percentText, "—")
            XCTAssertEqual(ratio.text(), "—")
        }
        XCTAssertEqual(KPI.failureReasons([]), [])
    }

    func testFailureReasons() {
        let reasons = KPI.failureReasons(dispositions)
        // 5 unsuccessful: too_expensive 2 (40%), then the three singles by code (20% each).
        XCTAssertEqual(reasons.map(\.code), ["too_expensive", "not_owner", "renewed_elsewhere", "vacant"])
        XCTAssertEqual(reasons.map(\.count), [2, 1, 1, 1])
        XCTAssertEqual(reasons.map(\.share.percentText), ["40.0%", "20.0%", "20.0%", "20.0%"])
        XCTAssertEqual(reasons.first?.category, .refusal)
    }

    func testPremiumAccuracyAndCancellation() {
        let sales = [
            SaleRecord(saleID: "P1", leadID: "L1", campaignID: "C1", agentID: "A1", product: "车险",
                       premium: Decimal(string: "3280.50")!, soldAt: t0),
            SaleRecord(saleID: "P2", leadID: "L2", campaignID: "C1", agentID: "A1", product: "车险",
                       premium: Decimal(string: "1999.99")!, soldAt: t0, entryErrors: 2),
            SaleRecord(saleID: "P3", leadID: "L3", campaignID: "C1", agentID: "A2", product: "车险",
                       premium: 4500, soldAt: t0, cancelledAt: t0 + 86400),
        ]
        XCTAssertEqual(KPI.premium(sales), Decimal(string: "9780.49"))
        XCTAssertEqual(KPI.premium(sales, excludingCancelled: true), Decimal(string: "5280.49"))
        XCTAssertEqual(KPI.policyEntryAccuracy(sales).percentText, "66.7%")   // (3 − 1) / 3
        XCTAssertEqual(KPI.cancellationRate(sales).percentText, "33.3%")      // 1 / 3
        XCTAssertEqual(KPI.policyEntryAccuracy(policies: 200, policiesWithErrors: 3).percentText, "98.5%")
    }
}

final class ProjectKPIHelperTests: XCTestCase {
    /// 2026-03-02 00:30 +08:00 = 2026-03-01 16:30 UTC.
    let halfPastMidnight = Date(timeIntervalSince1970: 1_772_382_600)

    func testInvalidLeadsFromCallsAndDispositions() {
        let calls = [CallAttemptRecord(callID: "K1", leadID: "L1", campaignID: "C", number: "1",
                                       placedAt: halfPastMidnight, endedAt: halfPastMidnight, outcome: .invalid),
                     CallAttemptRecord(callID: "K2", leadID: "L2", campaignID: "C", number: "2",
                                       placedAt: halfPastMidnight, endedAt: halfPastMidnight, outcome: .answered),
                     CallAttemptRecord(callID: "K3", leadID: "L3", campaignID: "C", number: "3",
                                       placedAt: halfPastMidnight, endedAt: halfPastMidnight, outcome: .answered)]
        let dispositions = [
            DispositionRecord(leadID: "L2", campaignID: "C", code: "fax", category: .invalidNumber, at: halfPastMidnight),
            DispositionRecord(leadID: "L3", campaignID: "C", code: "no", category: .refusal, at: halfPastMidnight),
            DispositionRecord(leadID: "L9", campaignID: "C", code: "fax", category: .invalidNumber, at: halfPastMidnight),
        ]
        // L2 was answered by a fax line; L9 was not dialled by these calls.
        XCTAssertEqual(KPI.invalidLeads(calls, dispositions), ["L1", "L2"])
    }

    func testCallsByHourUseBeijingTime() {
        func call(_ minutes: Double) -> CallAttemptRecord {
            let t = halfPastMidnight + minutes * 60
            return CallAttemptRecord(callID: "K", leadID: "L", campaignID: "C", number: "1",
                                     placedAt: t, endedAt: t, outcome: .busy)
        }
        // 00:30, 00:59, 01:00, 09:30 in Beijing; in UTC they would be hours 16, 16, 17, 1.
        let calls = [call(0), call(29), call(30), call(540)]
        XCTAssertEqual(KPI.callsPlacedByHour(calls), [0: 2, 1: 1, 9: 1])
        XCTAssertEqual(KPI.callsPlacedByHour(calls, timeZone: TimeZone(identifier: "UTC")!), [16: 2, 17: 1, 1: 1])
    }

    func testAgentDaysAreBeijingDaysWithALogin() {
        let events = [
            AgentSessionEvent(agentID: "A1", kind: .login, at: halfPastMidnight),            // 2 March
            AgentSessionEvent(agentID: "A1", kind: .logout, at: halfPastMidnight + 3600),
            AgentSessionEvent(agentID: "A1", kind: .login, at: halfPastMidnight + 7200),     // 2 March again
            AgentSessionEvent(agentID: "A2", kind: .login, at: halfPastMidnight - 3600),     // 1 March, 23:30
        ]
        XCTAssertEqual(AgentDay.loggedIn(events), [
            AgentDay(agentID: "A1", day: CalendarDay("2026-03-02")!),
            AgentDay(agentID: "A2", day: CalendarDay("2026-03-01")!),
        ])
    }
}
