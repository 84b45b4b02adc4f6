import Foundation
import XCTest

/// `waihu simulate pacing` as a user runs it: JSON with the figures, clear errors for impossible input.
final class SimulateCommandTests: XCTestCase {
    func testSimulatePacingPrintsPredictiveAndProgressiveFigures() throws {
        let run = try WaihuExecutable.run(["simulate", "pacing", "--agents", "10", "--hours", "1", "--seed", "7", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
        XCTAssertFalse(object.isEmpty)
        XCTAssertTrue(run.stdout.contains("busy"), run.stdout)
        XCTAssertTrue(run.stdout.contains("progressive"), run.stdout)
    }

    func testImpossibleParametersAreRefusedWithAMessage() throws {
        let cap = try WaihuExecutable.run(["simulate", "pacing", "--cap", "1.5"])
        XCTAssertNotEqual(cap.status, 0)
        XCTAssertTrue(cap.stderr.contains("abandon cap"), cap.stderr)
        let agents = try WaihuExecutable.run(["simulate", "pacing", "--agents=-2"])
        XCTAssertNotEqual(agents.status, 0)
        XCTAssertFalse(agents.stderr.isEmpty)
        let rate = try WaihuExecutable.run(["simulate", "pacing", "--answer-rate", "1.2"])
        XCTAssertNotEqual(rate.status, 0)
        XCTAssertFalse(rate.stderr.isEmpty)
    }
}
