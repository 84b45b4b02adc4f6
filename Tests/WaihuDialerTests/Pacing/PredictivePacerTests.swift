import XCTest
import WaihuDomain
@testable import WaihuDialer

final class PredictivePacerTests: XCTestCase {
    /// A pacer partway through a day: 100 live answers connected, so 3 abandons of budget are free.
    private func warmedUp() -> PredictivePacer {
        var pacer = PredictivePacer()
        for _ in 0..<100 { pacer.observe(.liveAnswer(seconds: 8, abandoned: false), day: 0) }
        return pacer
    }

    func testFreshDayStartsProgressive() {
        // No live answers yet today means no abandon budget yet: one call per ready agent.
        var pacer = PredictivePacer()
        let state = CampaignPacingState(agents: Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 5), ringingCallAges: [])
        XCTAssertEqual(pacer.callsToLaunch(state, now: 0), 5)
    }

    func testReadyAgentsGetMoreThanOneCallEach() {
        var pacer = warmedUp()
        let state = CampaignPacingState(agents: Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 5), ringingCallAges: [])
        let n = pacer.callsToLaunch(state, now: 0)
        // At a 25 % answer rate, five ready agents can absorb far more than five calls, but never
        // more than the safety ceiling of 8 calls per agent.
        XCTAssertGreaterThan(n, 5)
        XCTAssertLessThanOrEqual(n, 40)
    }

    func testNoCallsWhenEveryoneHasJustStartedTalking() {
        var pacer = warmedUp()
        let state = CampaignPacingState(agents: Array(repeating: PacingAgent(.onCall, secondsInState: 1), count: 10), ringingCallAges: [])
        XCTAssertEqual(pacer.callsToLaunch(state, now: 0), 0)
    }

    func testAgentsEndingWrapUpAreDialledAhead() {
        var pacer = warmedUp()
        // Ten agents 40 s into a wrap-up that averages 20 s: most will be ready within seconds.
        let state = CampaignPacingState(agents: Array(repeating: PacingAgent(.wrapUp, secondsInState: 40), count: 10), ringingCallAges: [])
        XCTAssertGreaterThan(pacer.callsToLaunch(state, now: 0), 0)
    }

    func testRingingCallsReduceNewCalls() {
        var pacer = warmedUp()
        let agents = Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 5)
        let idle = pacer.callsToLaunch(CampaignPacingState(agents: agents, ringingCallAges: []), now: 0)
        let busy = pacer.callsToLaunch(CampaignPacingState(agents: agents, ringingCallAges: Array(repeating: 2, count: 10)), now: 0)
        XCTAssertLessThan(busy, idle)
    }

    func testZeroCapMeansProgressive() throws {
        var pacer = PredictivePacer(configuration: PredictivePacerConfiguration(cap: try AbandonCap(rate: 0)))
        let state = CampaignPacingState(agents: Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 5), ringingCallAges: [1])
        XCTAssertEqual(pacer.callsToLaunch(state, now: 0), 4)
    }

    func testAbandonsLowerTheThresholdAndSpentBudgetFallsBackToProgressive() {
        var pacer = PredictivePacer()
        let start = pacer.controller.threshold
        XCTAssertEqual(warmedUp().controller.effectiveThreshold(day: 0), warmedUp().controller.threshold)
        pacer.observe(.liveAnswer(seconds: 8, abandoned: true), day: 1)
        XCTAssertLessThan(pacer.controller.threshold, start)
        // One abandon in one live answer is far over 3 %: the day's budget is spent.
        XCTAssertEqual(pacer.controller.effectiveThreshold(day: 1), 0)
        let agents = Array(repeating: PacingAgent(.ready, secondsInState: 0), count: 5)
        XCTAssertEqual(pacer.callsToLaunch(CampaignPacingState(agents: agents, ringingCallAges: [3], day: 1), now: 0), 4)
    }
}
