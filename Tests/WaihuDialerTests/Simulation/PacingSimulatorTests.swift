import XCTest
@testable import WaihuDialer
import WaihuDomain

/// Short shifts with fixed seeds, quick enough for every CI run in debug builds.
/// The full 30-shift table is measured by `waihu bench pacing` (docs/pacing.md).
final class PacingSimulatorTests: XCTestCase {
    private func run(agents: Int = 20, answer: Double = 0.25, cap: Double = 0.03, hours: Double = 2, seed: UInt64 = 1,
                     mode: DialMode = .predictive, _ change: (inout PacingSimulationParameters) -> Void = { _ in }) throws -> ShiftResult {
        var p = PacingSimulationParameters()
        p.agents = agents
        p.answerProbability = answer
        p.cap = cap
        p.hours = hours
        p.seed = seed
        p.mode = mode
        change(&p)
        return try PacingSimulator.run(p)
    }

    func testSameSeedSameShift() throws {
        let a = try run(agents: 5, hours: 0.5, seed: 9), b = try run(agents: 5, hours: 0.5, seed: 9)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.pacer.dials, try run(agents: 5, hours: 0.5, seed: 10).pacer.dials)
    }

    func testProgressiveMatchesItsClosedForm() throws {
        let r = try run(agents: 20, hours: 4, mode: .progressive)
        // Per contact an agent waits for 3 failed dials of 12.4 s mean plus 8 s to answer, then
        // is busy 180 + 20 s: 200 / 245.2 = 81.6 %. Progressive never abandons.
        XCTAssertEqual(r.pacer.busyOccupancy, 200 / 245.2, accuracy: 0.025)
        XCTAssertEqual(r.pacer.abandons, 0)
        XCTAssertEqual(r.pacer.dialsPerContact, 4, accuracy: 0.3)
        XCTAssertEqual(r.progressive, r.pacer)
    }

    func testPredictiveBeatsProgressiveUnderTheCap() throws {
        let r = try run(agents: 20, hours: 3)
        let progressive = try XCTUnwrap(r.progressive)
        XCTAssertGreaterThan(r.pacer.busyOccupancy, progressive.busyOccupancy + 0.05)
        XCTAssertLessThanOrEqual(r.pacer.abandonRate, 0.03)
        XCTAssertLessThan(r.pacer.meanWait, progressive.meanWait)
        XCTAssertGreaterThan(r.pacer.liveAnswers, 0)
        XCTAssertLessThan(r.pacer.talkOccupancy, r.pacer.busyOccupancy)
    }

    func testMoreAgentsGiveHigherOccupancy() throws {
        let small = try run(agents: 5, hours: 3), large = try run(agents: 50, hours: 3)
        XCTAssertGreaterThan(large.pacer.busyOccupancy, small.pacer.busyOccupancy)
    }

    func testLowerAnswerRateGivesMoreDialsPerContact() throws {
        let low = try run(agents: 10, answer: 0.15), high = try run(agents: 10, answer: 0.35)
        XCTAssertGreaterThan(low.pacer.dialsPerContact, high.pacer.dialsPerContact + 2)
    }

    func testTighterCapGivesFewerAbandonsAndLowerOccupancy() throws {
        let tight = try run(agents: 20, cap: 0.01, hours: 4), loose = try run(agents: 20, cap: 0.05, hours: 4)
        XCTAssertLessThan(tight.pacer.abandonRate, loose.pacer.abandonRate)
        XCTAssertLessThan(tight.pacer.busyOccupancy, loose.pacer.busyOccupancy)
        XCTAssertLessThanOrEqual(tight.pacer.abandonRate, 0.01)
    }

    func testBreaksAndPausesAreNotLoggedInWork() throws {
        let r = try run(agents: 10, hours: 2) { $0.breakMinutes = 15; $0.pauseProbability = 0.2 }
        // Each agent is away 15 minutes of the 2 hours.
        XCTAssertEqual(r.pacer.loggedInHours, 10 * 1.75, accuracy: 0.01)
        XCTAssertLessThanOrEqual(r.pacer.abandonRate, 0.03)
    }

    func testOtherModesRun() throws {
        let fixed = try run(agents: 10, hours: 1, mode: .fixedRatio) { $0.fixedRatio = 2 }
        XCTAssertGreaterThan(fixed.pacer.contacts, 0)
        let preview = try run(agents: 10, hours: 1, mode: .preview)
        XCTAssertEqual(preview.pacer.abandons, 0)
        XCTAssertLessThan(preview.pacer.busyOccupancy, fixed.pacer.busyOccupancy)
    }

    func testResultEncodesAsJSON() throws {
        let r = try run(agents: 5, hours: 0.25)
        let data = try JSONEncoder().encode(r)
        XCTAssertEqual(try JSONDecoder().decode(ShiftResult.self, from: data), r)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"busyOccupancy\""))
        XCTAssertTrue(try r.json().contains("\"dialsPerContact\""))
        XCTAssertTrue(r.textSummary.contains("progressive"))
        XCTAssertTrue(r.textSummary.contains("predictive"))
    }
}

extension PacingSimulatorTests {
    /// Issue 18: the first five minutes of a campaign that starts from 30 minutes of history on
    /// the same floor and lists wait less than a cold start, without crossing the cap overall.
    func testWarmStartShortensTheFirstMinutesWaits() throws {
        var cold = 0.0, warm = 0.0, warmAbandons = 0, warmAnswers = 0
        for seed in UInt64(1)...8 {
            var parameters = PacingSimulationParameters()
            parameters.hours = 5.0 / 60
            parameters.talkMean = 40
            parameters.talkSD = 12
            parameters.wrapUpMean = 6
            parameters.wrapUpSD = 2
            parameters.seed = seed
            parameters.compareWithProgressive = false
            cold += try PacingSimulator.run(parameters).pacer.meanWait
            parameters.warmMinutes = 30
            let result = try PacingSimulator.run(parameters).pacer
            warm += result.meanWait
            warmAbandons += result.abandons
            warmAnswers += result.liveAnswers
        }
        XCTAssertLessThan(warm, cold * 0.85, "warm \(warm / 8) s, cold \(cold / 8) s")
        XCTAssertLessThanOrEqual(Double(warmAbandons), 0.03 * Double(warmAnswers))
    }

    func testWarmMinutesAreChecked() {
        var parameters = PacingSimulationParameters()
        parameters.warmMinutes = -1
        XCTAssertThrowsError(try PacingSimulator.run(parameters)) { error in
            XCTAssertEqual(error as? PacingParameterError, .warmMinutesOutOfRange(-1))
        }
    }
}
