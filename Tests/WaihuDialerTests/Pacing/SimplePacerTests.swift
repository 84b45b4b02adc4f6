import XCTest
import WaihuDomain
@testable import WaihuDialer

final class SimplePacerTests: XCTestCase {
    private func state(ready: Int, talking: Int = 0, ringing: Int = 0, waiting: Int = 0, preview: Int = 0) -> CampaignPacingState {
        CampaignPacingState(
            agents: Array(repeating: PacingAgent(.ready, secondsInState: 3), count: ready)
                + Array(repeating: PacingAgent(.onCall, secondsInState: 30), count: talking),
            ringingCallAges: Array(repeating: 4, count: ringing), waitingCustomers: waiting, previewRequests: preview)
    }

    func testProgressiveCoversEachReadyAgentOnce() {
        var pacer = ProgressivePacer()
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 3, talking: 2, ringing: 1), now: 0), 2)
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 3, ringing: 2, waiting: 1), now: 0), 0)
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 0, talking: 5), now: 0), 0)
    }

    func testFixedRatio() throws {
        var pacer = try FixedRatioPacer(ratio: 2.5)
        // 3 ready × 2.5 = 7 (rounded down) minus 2 ringing.
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 3, ringing: 2), now: 0), 5)
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 1, ringing: 4), now: 0), 0)
        XCTAssertThrowsError(try FixedRatioPacer(ratio: 0.5)) {
            XCTAssertEqual($0 as? PacerConfigurationError, .ratioOutOfRange(0.5))
        }
    }

    func testPreviewForwardsClicks() {
        var pacer = PreviewPacer()
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 4, preview: 2), now: 0), 2)
        XCTAssertEqual(pacer.callsToLaunch(state(ready: 4), now: 0), 0)
    }
}
