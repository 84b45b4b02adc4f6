import Fluent
import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// A plan stored before the plan's JSON was snake_case everywhere still loads, with every
/// setting it had, once `SnakeCaseCampaignPlans` has run (SQLite, or PostgreSQL when
/// WAIHU_TEST_DATABASE is set).
final class CampaignPlanMigrationTests: XCTestCase {
    func testAPlanStoredInCamelCaseIsRewrittenAndLoads() async throws {
        try await TestServer.with { server in
            let app = server.app
            let old = #"{"mode":"progressive","abandon_cap":{"rate":0.02,"connectGrace":3},"gate":{"window":{"opensAtMinute":480,"#
                + #""closesAtMinute":1260,"holidays":[]},"attempts":{"maxAttemptsPerLead":5,"maxAttemptsPerDay":2,"#
                + #""retry":{"busy":60,"noAnswer":600,"machine":900,"networkFailure":30}}},"ring_timeout_seconds":20}"#
            let record = try CampaignRecord(name: "旧任务", plan: CampaignPlan(mode: .progressive), trunk: nil, callerID: nil,
                                            createdBy: "admin", createdAt: Date())
            try await record.save(on: app.db)
            let current = try CampaignRecord(name: "新任务", plan: CampaignPlan(mode: .preview, ringTimeoutSeconds: 45), trunk: nil,
                                             callerID: nil, createdBy: "admin", createdAt: Date())
            try await current.save(on: app.db)
            let sql = try XCTUnwrap(app.db as? SQLDatabase)
            try await sql.update("campaigns").set("plan", to: old).where("id", .equal, try record.requireID()).run()
            let untouched = try await XCTUnwrapAsync(try await CampaignRecord.find(current.requireID(), on: app.db)).planJSON

            let stored = try await XCTUnwrapAsync(try await CampaignRecord.find(record.requireID(), on: app.db))
            XCTAssertThrowsError(try stored.plan, "the old casing is refused as unknown keys until the migration runs")

            try await SnakeCaseCampaignPlans().prepare(on: app.db)

            let plan = try await XCTUnwrapAsync(try await CampaignRecord.find(record.requireID(), on: app.db)).plan
            XCTAssertEqual(plan.abandonCap.connectGrace, 3)
            XCTAssertEqual(plan.gate.window.opensAtMinute, 480)
            XCTAssertEqual(plan.gate.window.closesAtMinute, 1260)
            XCTAssertEqual(plan.gate.attempts.maxAttemptsPerLead, 5)
            XCTAssertEqual(plan.gate.attempts.retry, RetryPolicy(busy: 60, noAnswer: 600, machine: 900, networkFailure: 30))
            XCTAssertEqual(plan.ringTimeoutSeconds, 20)
            let after = try await XCTUnwrapAsync(try await CampaignRecord.find(current.requireID(), on: app.db)).planJSON
            XCTAssertEqual(after, untouched, "a plan in today's casing is left as it was")
        }
    }

    private func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
        try XCTUnwrap(value, file: file, line: line)
    }
}
