import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain
import XCTest
@testable import WaihuServer

/// A call's cause where its result is kept (issue 17), on the real database (SQLite, or
/// PostgreSQL when WAIHU_TEST_DATABASE is set): the call log stores the cause, the evidence
/// and the lead's run of 关机 results, and the lead moves by cause.
final class CallCauseLogTests: XCTestCase {
    private var plan: CampaignPlan { CallCauseStage.openPlan }
    private typealias Stage = CallCauseStage

    private func stage(_ server: TestServer, numbers: [String]) async throws -> Stage {
        try await CallCauseStage.importBatch(server, "名单", numbers)
        return try await CallCauseStage.campaign(server, batches: ["名单"])
    }

    @discardableResult
    private func call(_ stage: Stage, _ number: String, _ cause: CallCause, outcome: CallOutcome? = nil, evidence: String,
                      at end: Date = Date(), progressAudio: String? = nil) async throws -> CampaignLead {
        try await stage.call(number, cause, outcome: outcome, evidence: evidence, at: end, progressAudio: progressAudio)
    }

    struct LeadRow: Decodable {
        var state: String
        var done_reason: String?
        var next_dial_at: Double?
        var last_outcome: String?
        var last_cause: String?
        var last_evidence: String?
        var unreachable_count: Int
        var unreachable_since: Double?
        var status: String
    }

    private func lead(_ stage: Stage, _ number: String, campaign: Int? = nil) async throws -> LeadRow {
        let row = try await stage.sql.raw("""
            SELECT cl.state, cl.done_reason, cl.next_dial_at, cl.last_outcome, cl.last_cause, cl.last_evidence,
                   cl.unreachable_count, cl.unreachable_since, l.status
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
            WHERE cl.campaign_id = \(bind: campaign ?? stage.campaignID) AND l.phone_key = \(bind: "+86" + number)
            """).first(decoding: LeadRow.self)
        return try XCTUnwrap(row, "\(number) is in the campaign")
    }

    struct AttemptRow: Decodable {
        var outcome: String
        var cause: String?
        var evidence: String?
        var found_invalid: Bool?
    }

    private func attempts(_ stage: Stage, _ number: String) async throws -> [AttemptRow] {
        try await stage.sql.raw("""
            SELECT outcome, cause, evidence, found_invalid FROM ev_call_attempts WHERE number = \(bind: number) ORDER BY placed_at
            """).all(decoding: AttemptRow.self)
    }

    func testVacantMakesTheLeadInvalidEverywhereAndBarredEndsItInThisCampaignOnly() async throws {
        try await TestServer.with { server in
            let stage = try await stage(server, numbers: ["13900139001", "13900139002"])
            try await call(stage, "13900139001", .vacant, evidence: "announcement vacant 0.93; sip 480; q850 20")
            try await call(stage, "13900139002", .barred, evidence: "sip 403")

            let vacant = try await lead(stage, "13900139001")
            XCTAssertEqual(vacant.state, "done")
            XCTAssertEqual(vacant.done_reason, "invalid_number")
            XCTAssertEqual(vacant.last_outcome, "invalid")
            XCTAssertEqual(vacant.last_cause, "vacant")
            XCTAssertEqual(vacant.last_evidence, "announcement vacant 0.93; sip 480; q850 20")
            XCTAssertEqual(vacant.status, "invalid", "空号: the lead is invalid in every campaign")
            let barred = try await lead(stage, "13900139002")
            XCTAssertEqual(barred.done_reason, "invalid_number")
            XCTAssertEqual(barred.last_cause, "barred")
            XCTAssertEqual(barred.status, "new", "呼入限制 is on our caller ID: the lead itself stays dialable")

            let event = try await attempts(stage, "13900139001")
            XCTAssertEqual(event.count, 1)
            XCTAssertEqual(event.first?.cause, "vacant")
            XCTAssertEqual(event.first?.evidence, "announcement vacant 0.93; sip 480; q850 20")
            XCTAssertEqual(event.first?.found_invalid, true)
            let barredEvent = try await attempts(stage, "13900139002")
            XCTAssertEqual(barredEvent.first?.found_invalid, true)

            // A new campaign of the same batch: the vacant number is not enrolled, the barred one is.
            let other = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
                .create(.init(name: "二次", plan: plan, batches: ["名单"])).id
            struct Phone: Decodable { var phone_key: String }
            let enrolled = try await stage.sql.raw("""
                SELECT l.phone_key FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id WHERE cl.campaign_id = \(bind: other)
                """).all(decoding: Phone.self).map(\.phone_key)
            XCTAssertEqual(enrolled, ["+8613900139002"])
        }
    }

    /// 关机 three times within three days (the plan's defaults): retried 2 h later twice, then
    /// invalid; the run is kept on the lead between calls.
    func testASwitchedOffPhoneIsInvalidAfterThreeResultsInThreeDays() async throws {
        try await TestServer.with { server in
            let stage = try await stage(server, numbers: ["13900139003"])
            let first = Date().addingTimeInterval(-40 * 3600)
            for (index, hoursLater) in [0.0, 20, 40].enumerated() {
                let end = first.addingTimeInterval(hoursLater * 3600)
                try await call(stage, "13900139003", index == 1 ? .unreachable : .poweredOff, evidence: "sip 480; q850 20", at: end)
                let row = try await lead(stage, "13900139003")
                XCTAssertEqual(row.unreachable_count, index + 1)
                XCTAssertEqual(try XCTUnwrap(row.unreachable_since), first.timeIntervalSince1970, accuracy: 0.01)
                XCTAssertEqual(row.last_outcome, "no_answer")
                if index < 2 {
                    XCTAssertEqual(row.state, "waiting")
                    XCTAssertEqual(try XCTUnwrap(row.next_dial_at), end.addingTimeInterval(2 * 3600).timeIntervalSince1970, accuracy: 0.01)
                    XCTAssertEqual(row.status, "new")
                } else {
                    XCTAssertEqual(row.state, "done")
                    XCTAssertEqual(row.done_reason, "invalid_number")
                    XCTAssertEqual(row.last_cause, "powered_off")
                    XCTAssertEqual(row.status, "invalid")
                }
            }
            let events = try await attempts(stage, "13900139003")
            XCTAssertEqual(events.map { $0.found_invalid ?? false }, [false, false, true],
                           "only the call that settled the lead found it invalid")
        }
    }

    /// A mailbox on an agent campaign is a no-answer: retried after the no-answer delay, not a
    /// contact. An untaught recording's audio is kept for a list manager to label.
    func testASecretaryIsRetriedAfterTheNoAnswerDelayAndUntaughtAudioIsKept() async throws {
        try await TestServer.with { server in
            let stage = try await stage(server, numbers: ["13900139004", "13900139005"])
            let end = Date()
            try await call(stage, "13900139004", .secretary, evidence: "announcement secretary 0.88; sip 200", at: end)
            let row = try await lead(stage, "13900139004")
            XCTAssertEqual(row.state, "waiting")
            XCTAssertEqual(row.last_outcome, "machine")
            XCTAssertEqual(row.last_cause, "secretary")
            XCTAssertEqual(try XCTUnwrap(row.next_dial_at), end.addingTimeInterval(plan.gate.attempts.retry.noAnswer).timeIntervalSince1970,
                           accuracy: 0.01)
            XCTAssertEqual(row.status, "new", "a mailbox is not a contact")
            XCTAssertEqual(row.unreachable_count, 0)

            let heard = try await call(stage, "13900139005", .announcementUnknown, outcome: .noAnswer,
                                       evidence: "announcement unknown; sip 480", at: end,
                                       progressAudio: server.dataDirectory + "/recordings/progress/x.wav")
            struct Audio: Decodable { var call_id: String; var campaign_id: Int; var path: String; var cause: String; var evidence: String? }
            let audio = try await stage.sql.raw("SELECT call_id, campaign_id, path, cause, evidence FROM call_progress_audio")
                .all(decoding: Audio.self)
            XCTAssertEqual(audio.count, 1)
            XCTAssertEqual(audio.first?.call_id, heard.callID)
            XCTAssertEqual(audio.first?.campaign_id, stage.campaignID)
            XCTAssertEqual(audio.first?.path, server.dataDirectory + "/recordings/progress/x.wav")
            XCTAssertEqual(audio.first?.cause, "announcement_unknown")
            XCTAssertEqual(audio.first?.evidence, "announcement unknown; sip 480")
        }
    }

    /// A call that died with the server is recorded as failed, with that cause.
    func testAnInterruptedCallIsRecordedWithCauseFailed() async throws {
        try await TestServer.with { server in
            let stage = try await stage(server, numbers: ["13900139006"])
            guard case .lead = try await stage.queue.nextLead() else { return XCTFail("the lead is due") }
            let recovered = try await CampaignCallLog.recoverInterruptedCalls(on: server.app.db, node: "a", clock: LocalClock())
            XCTAssertEqual(recovered, 1)
            let row = try await lead(stage, "13900139006")
            XCTAssertEqual(row.last_outcome, "failed")
            XCTAssertEqual(row.last_cause, "failed")
            XCTAssertEqual(row.last_evidence, "server restart")
            let event = try await attempts(stage, "13900139006")
            XCTAssertEqual(event.first?.cause, "failed")
            XCTAssertEqual(event.first?.found_invalid, false)
        }
    }
}
