import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Issue 18: what a new predictive campaign's pacer starts from, read from the real call log
/// (`CampaignCallLog` writes it) on SQLite or PostgreSQL (`WAIHU_TEST_DATABASE`).
final class PacingHistoryQueryTests: XCTestCase {
    func testNewCampaignStartsFromItsListsAndTeamAndARestartFromItsOwnDay() async throws {
        try await TestServer.with { server in
            let users = UserAdministration(database: server.app.db, actor: .console(), passwords: server.app.passwordHashing)
            _ = try await users.createTeam(name: "续保一组", leaderUsername: nil)
            _ = try await users.createUser(.init(username: "zhang01", role: .agent, teamName: "续保一组", password: "zhang-pass-01"))
            let renewals = (0..<60).map { String(format: "1380000%04d", $0) }
            let others = (0..<10).map { String(format: "1390000%04d", $0) }
            try await CallCauseStage.importBatch(server, "续保A", source: "平安续保", renewals)
            try await CallCauseStage.importBatch(server, "其他B", source: "其他来源", others)
            let old = try await CallCauseStage.campaign(server, name: "旧活动", batches: ["续保A", "其他B"])
            // 续保A: 20 people who talked to zhang01 (answered 3 s after the dial, 30 s of talk),
            // 2 abandoned, 38 who did not answer (35 s). 其他B, another list: 10 answered.
            for (index, number) in renewals.enumerated() {
                switch index {
                case 0..<20: try await old.call(number, .human, evidence: "human", agent: "zhang01")
                case 20..<22: try await old.call(number, .human, outcome: .abandoned, evidence: "human")
                default: try await old.call(number, .noAnswer, evidence: "")
                }
            }
            for number in others { try await old.call(number, .human, evidence: "human") }
            // Demo data never steers real dialling.
            let now = Date()
            _ = try await EventStore(database: server.app.db).insert((0..<30).map { i in
                .callAttempt(CallAttemptRecord(callID: "sim-\(i)", leadID: "9\(i)", campaignID: "演示", number: "13700000000",
                                               placedAt: now.addingTimeInterval(-60), answeredAt: now.addingTimeInterval(-59),
                                               endedAt: now, outcome: .answered, agentID: "zhang01", talkSeconds: 500,
                                               listBatch: "续保A", listSource: "平安续保"))
            }, simulated: true)

            let new = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
                .create(.init(name: "新活动", plan: CampaignPlan(mode: .predictive), batches: ["续保A"], teams: ["续保一组"])).id
            let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
            let history = try await PacingHistoryQuery(sql: sql, campaignID: new, campaignName: "新活动", clock: LocalClock()).load()
            XCTAssertEqual(history.dials, 60, "续保A's calls only, not 其他B's, not the simulated ones")
            XCTAssertEqual(history.liveAnswers, 22)
            XCTAssertTrue(history.isEnough)
            XCTAssertEqual(history.durations.liveDelays.count, 20)
            for delay in history.durations.liveDelays { XCTAssertEqual(delay, 3, accuracy: 0.01) }
            XCTAssertEqual(history.durations.failedDials.count, 38)
            XCTAssertEqual(history.durations.talks, Array(repeating: 30, count: 20), "zhang01 of the campaign's team")
            XCTAssertTrue(history.ledger.days.isEmpty, "a new campaign has no abandons of its own")
            let priors = history.priors(hour: LocalClock().dayAndHour(now).hour)
            XCTAssertTrue(priors.fromHistory)
            XCTAssertEqual(priors.answerProbability, 22.0 / 60, accuracy: 1e-9)

            // What the campaign center gives the new campaign when it starts: a warm pacer that may dial
            // ahead from its first call.
            var pacer = try await CampaignCenter.startingPacer(for: CampaignPlan(mode: .predictive), campaign: new, name: "新活动",
                                                               clock: LocalClock(), on: server.app.db, logger: server.app.logger)
            let day = LocalClock().day(of: now).daysSince1970
            let floor = CampaignPacingState(agents: Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 10),
                                            ringingCallAges: [], day: day)
            XCTAssertGreaterThan(pacer.callsToLaunch(floor, now: 0), 10, "more than one call per ready agent from the first decision")
            let status = pacer.status(day: day)
            XCTAssertTrue(status.warmStart)
            // The opening allowance: 10 agents × 300 s ÷ (30 s talk + 20 s default wrap-up + 10 s) = 50 answers
            // expected, 1.5 abandons lent at 3 %: (1.5 − 0.5) ÷ 2.5 of the threshold. A cold pacer has 0.
            XCTAssertEqual(status.budgetFactor ?? 0, 0.4, accuracy: 0.05)
            XCTAssertEqual(status.answerProbability ?? 0, 22.0 / 60, accuracy: 1e-9)

            // The old campaign started again today remembers its own day: 32 live answers, 2 abandoned.
            let again = try await PacingHistoryQuery(sql: sql, campaignID: old.campaignID, campaignName: "旧活动", clock: LocalClock()).load()
            let today = LocalClock().day(of: now).daysSince1970
            XCTAssertEqual(again.ledger.day(today).liveAnswers, 32)
            XCTAssertEqual(again.ledger.day(today).abandons, 2)
            XCTAssertEqual(again.dials, 70)
        }
    }
}
