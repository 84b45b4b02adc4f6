import XCTest
@testable import WaihuDomain

final class KPICatalogTests: XCTestCase {
    func testIDsAreUniqueSnakeCaseAndEveryEntryIsFilledIn() {
        let ids = KPICatalog.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate KPI id")
        for kpi in KPICatalog.all {
            XCTAssertNotNil(kpi.id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression), kpi.id)
            XCTAssertFalse(kpi.chineseName.isEmpty, kpi.id)
            XCTAssertFalse(kpi.englishName.isEmpty, kpi.id)
            XCTAssertFalse(kpi.formula.isEmpty, kpi.id)
            XCTAssertTrue((1...5).contains(kpi.section), kpi.id)
            // Only a list's size, blocks and price come from the lead tables, not from events.
            XCTAssertTrue(kpi.reads.count > 0 || ["list_data_total", "valid_number_rate", "cost_per_lead"].contains(kpi.id), kpi.id)
        }
    }

    func testHoldsTheKPIsOfKpiMd() {
        for id in ["attrition_rate", "attendance_rate", "scheduled_hours", "schedule_adherence",
                   "work_time_efficiency", "not_ready_rate", "idle_rate", "valid_number_rate", "invalid_rate",
                   "agent_connected_calls", "calls_per_agent", "contact_rate", "average_handle_time",
                   "calls_per_hour", "online_success_count", "online_success_rate", "contact_success_rate",
                   "net_success_rate", "survey_completion_rate", "first_dials_per_day", "average_daily_talk_time",
                   "premium", "policy_entry_accuracy", "cancellation_rate", "failure_reasons", "sms_satisfaction",
                   "complaint_rate", "qa_excellent_rate", "qa_pass_rate", "violations", "success_value"] {
            XCTAssertNotNil(KPICatalog.definition(id: id), id)
        }
        XCTAssertEqual(KPICatalog.definition(id: "work_time_efficiency")?.chineseName, "工时效率")
        XCTAssertEqual(KPICatalog.definition(id: "success_value")?.reads, [.disposition, .callAttempt])
        XCTAssertNil(KPICatalog.definition(id: "happiness"))
    }

    /// docs/kpi.md is written from the catalog; a KPI added to one must appear in the other.
    func testEveryKPIIsDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/kpi.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for kpi in KPICatalog.all {
            XCTAssertTrue(text.contains("`\(kpi.id)`"), "docs/kpi.md lacks \(kpi.id)")
        }
    }

    func testTargetDefaults() {
        let targets = KPITargets.defaults
        XCTAssertEqual(targets.minimumDailyTalkSeconds, 10_800)
        XCTAssertEqual(targets.firstDialsPerDayMobile, 60)
        XCTAssertEqual(targets.firstDialsPerDayLandline, 100)
        XCTAssertEqual(targets.minimumDailyTalkSecondsAutoDialling, 23_328) // 6.48 h
        XCTAssertEqual(KPITargets.meets(Ratio(4, over: 100), minimumPercent: targets.minimumContactSuccessPercent), false)
        XCTAssertEqual(KPITargets.meets(Ratio(99, over: 100), minimumPercent: targets.minimumAttendancePercent), true)
        XCTAssertNil(KPITargets.meets(Ratio(0, over: 0), minimumPercent: 95))
    }
}
