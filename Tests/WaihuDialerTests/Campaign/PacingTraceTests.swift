import Foundation
import XCTest
@testable import WaihuDialer

/// The pacing trace keeps two hours and no more, answers "since", writes its JSON with the
/// API's keys; a long wait's cause is read from the samples over it; abandons are counted
/// window by window from the cumulative counts.
final class PacingTraceTests: XCTestCase {
    func testKeepsTheSpanAndDropsOlderSamplesAMinuteAtATime() {
        var trace = PacingTrace(span: 600)
        for second in 0...660 { trace.append(PacingTraceSample(time: Double(second))) }
        // At 660 the cutoff is 60: nothing is dropped until the oldest is over a minute past it.
        XCTAssertEqual(trace.samples.first?.time, 0)
        XCTAssertEqual(trace.samples.count, 661)
        trace.append(PacingTraceSample(time: 661))
        XCTAssertEqual(trace.samples.first?.time, 61, "everything older than 661 − 600 dropped at once")
        XCTAssertEqual(trace.samples.count, 601)
        for second in 662..<5_000 { trace.append(PacingTraceSample(time: Double(second))) }
        XCTAssertLessThanOrEqual(trace.samples.count, 600 + 61)
        XCTAssertEqual(trace.samples.last?.time, 4_999)
        XCTAssertGreaterThanOrEqual(trace.samples.first!.time, 4_999 - 600 - 61)

        for second in stride(from: 0.0, to: 5_000, by: 2) { trace.append(PacingTraceConnection(answeredAt: second)) }
        XCTAssertLessThanOrEqual(trace.connections.count, (600 + 61) / 2 + 1)
        XCTAssertGreaterThanOrEqual(trace.connections.first!.answeredAt, 4_998 - 600 - 61)
    }

    func testSinceKeepsWhatHappenedAtOrAfterTheTime() {
        var trace = PacingTrace()
        for second in 0..<10 { trace.append(PacingTraceSample(time: 1_000 + Double(second))) }
        trace.append(PacingTraceConnection(answeredAt: 1_002.5, agentPhone: "8001"))
        trace.append(PacingTraceConnection(answeredAt: 1_007.5, agentPhone: "8002"))
        let recent = trace.since(1_005)
        XCTAssertEqual(recent.samples.map(\.time), [1_005, 1_006, 1_007, 1_008, 1_009])
        XCTAssertEqual(recent.connections.map(\.agentPhone), ["8002"])
        XCTAssertEqual(trace.since(nil), trace)
        XCTAssertTrue(trace.since(2_000).samples.isEmpty)
        XCTAssertEqual(trace.since(0).samples.count, 10)
    }

    func testJSONUsesTheAPIsKeysAndNullForStepsThatDidNotHappen() throws {
        let sample = PacingTraceSample(time: 1_700_000_000, agentsReady: 2, agentsReserved: 1, callsRinging: 5, wanted: 3,
                                       launched: 2, leadShortage: true, callsWaitingForTrunk: 1, trunkWaitSeconds: 0.5,
                                       status: PacerStatus(threshold: 0, budgetFactor: 1), liveAnswers: 7, abandoned: 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(sample)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["time", "agents_ready", "agents_reserved", "agents_talking", "agents_wrap_up",
                                          "agents_not_ready", "calls_ringing", "customers_waiting", "wanted", "launched",
                                          "lead_shortage", "calls_waiting_for_trunk", "trunk_wait_s", "status", "live_answers",
                                          "abandoned"])
        XCTAssertEqual(object["lead_shortage"] as? Bool, true)
        XCTAssertEqual((object["status"] as? [String: Any])?["budget_factor"] as? Double, 1)
        XCTAssertEqual(try JSONDecoder().decode(PacingTraceSample.self, from: JSONEncoder().encode(sample)), sample)

        let abandoned = PacingTraceConnection(answeredAt: 10, abandoned: true)
        let text = String(decoding: try JSONEncoder().encode(abandoned), as: UTF8.self)
        for key in ["agent_assigned_at", "agent_rung_at", "agent_answered_at", "agent"] {
            XCTAssertTrue(text.contains("\"\(key)\":null"), text)
        }
        XCTAssertEqual(try JSONDecoder().decode(PacingTraceConnection.self, from: Data(text.utf8)), abandoned)
    }

    /// One wait of 30 s (t = 100…130) of agent 8001, and samples that say what held calls back.
    private func cause(_ change: (inout PacingTraceSample) -> Void = { _ in }, at second: Double = 110,
                       connections: [PacingTraceConnection] = []) -> PacingTraceWaitCause {
        let samples = (90...140).map { time -> PacingTraceSample in
            var sample = PacingTraceSample(time: Double(time), status: PacerStatus(threshold: 0.02, budgetFactor: 1))
            if Double(time) == second { change(&sample) }
            return sample
        }
        return PacingTraceWaitCause.of(waitFrom: 100, to: 130, agentPhone: "8001", samples: samples, connections: connections)
    }

    func testALongWaitsCauseIsTheFirstThatHeldDuringIt() {
        XCTAssertEqual(cause(), .noLiveAnswer)
        XCTAssertEqual(cause { $0.leadShortage = true }, .leadShortage)
        XCTAssertEqual(cause({ $0.leadShortage = true }, at: 95), .noLiveAnswer, "a shortage before the wait is not its cause")
        XCTAssertEqual(cause { $0.trunkWaitSeconds = 2 }, .trunkLimit)
        XCTAssertEqual(cause { $0.trunkWaitSeconds = 0.3 }, .noLiveAnswer, "a burst spaced by the rate is no trunk limit")
        XCTAssertEqual(cause { $0.status.threshold = 0 }, .pacerRamp, "still progressive while learning")
        XCTAssertEqual(cause { $0.status.budgetFactor = 0.5 }, .pacerRamp, "the abandon budget short")
        XCTAssertEqual(cause { $0.leadShortage = true; $0.trunkWaitSeconds = 5; $0.status.threshold = 0 }, .leadShortage)
        XCTAssertEqual(cause { $0.trunkWaitSeconds = 5; $0.status.threshold = 0 }, .trunkLimit)
        XCTAssertEqual(PacingTraceWaitCause.of(waitFrom: 100, to: 130, agentPhone: "8001", samples: [
            PacingTraceSample(time: 110, status: PacerStatus()),
        ], connections: []), .noLiveAnswer, "a pacer without a threshold (progressive, preview) does not ramp")
    }

    func testAnswerToBridgeLatencyWhenTheCallThatEndedTheWaitReachedThePhoneLate() {
        // The customer answered at 117, the agent was taken at 129.5 and rung at 129.6: 12.6 s
        // late, and the wait would have been 18.4 s without it.
        let late = PacingTraceConnection(answeredAt: 117, agentAssignedAt: 129.5, agentRungAt: 129.6, agentAnsweredAt: 130,
                                         agentPhone: "8001")
        XCTAssertEqual(cause(connections: [late]), .answerToBridge)
        var other = late
        other.agentPhone = "8002"
        XCTAssertEqual(cause(connections: [other]), .noLiveAnswer, "another agent's call says nothing of this wait")
        var quick = late
        quick.answeredAt = 129.2
        XCTAssertEqual(cause(connections: [quick]), .noLiveAnswer, "rung 0.4 s after the answer")
        var small = late
        small.answeredAt = 127.6
        XCTAssertEqual(cause(connections: [small]), .noLiveAnswer, "2 s late: the wait would have been 29 s anyway")
        var earlier = late
        earlier.agentAssignedAt = 120
        earlier.agentRungAt = 121
        XCTAssertEqual(cause(connections: [earlier]), .noLiveAnswer, "taken long before the wait ended: not the call that ended it")
    }

    func testAbandonRateWindowByWindowFromTheCumulativeCounts() {
        // One answer every 10 s from t = 0, one abandon at 50 s, one at 350 s, two at 620 s.
        let samples = (0...700).map { second -> PacingTraceSample in
            let abandoned = (second >= 50 ? 1 : 0) + (second >= 350 ? 1 : 0) + (second >= 620 ? 2 : 0)
            return PacingTraceSample(time: 1_000 + Double(second), liveAnswers: second / 10, abandoned: abandoned)
        }
        let windows = PacingTraceAbandonWindow.windows(samples, from: 1_000, to: 1_700)
        XCTAssertEqual(windows.map(\.start), [1_000, 1_300, 1_600])
        XCTAssertEqual(windows.map(\.end), [1_300, 1_600, 1_700])
        XCTAssertEqual(windows.map(\.liveAnswers), [30, 30, 10])
        XCTAssertEqual(windows.map(\.abandoned), [1, 1, 2])
        XCTAssertEqual(windows[2].rate, 0.2)
        XCTAssertEqual(PacingTraceAbandonWindow.windows(samples, from: 1_500, to: 1_500), [])
        XCTAssertNil(PacingTraceAbandonWindow(start: 0, end: 1, liveAnswers: 0, abandoned: 0).rate)
    }
}
