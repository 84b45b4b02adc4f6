import XCTest
@testable import WaihuSIP

final class AnswerRetransmissionTests: XCTestCase {
    func testScheduleDoublesToT2AndGivesUpAt64T1() {
        let ok = SIPResponse(replyingTo: TransactionFixtures.request(.invite), statusCode: 200, toTag: "w")
        var retransmission = AnswerRetransmission(response: ok)
        XCTAssertEqual(retransmission.start(), [.send(ok), .wait(.milliseconds(500))])
        var waits: [Duration] = []
        var sends = 1
        var gaveUp = false
        for _ in 0..<20 {
            let actions = retransmission.timerFired()
            for action in actions {
                switch action {
                case .send: sends += 1
                case .wait(let duration): waits.append(duration)
                case .giveUp: gaveUp = true
                }
            }
            if gaveUp { break }
        }
        // Sends at 0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5 and 31.5 s; the last
        // wait is trimmed so that it gives up exactly at 64·T1 = 32 s.
        XCTAssertEqual(waits, [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4), .seconds(4),
                               .seconds(4), .seconds(4), .seconds(4), .milliseconds(500)])
        XCTAssertEqual(sends, 11)
        XCTAssertTrue(gaveUp)
    }

    func testAckStopsIt() {
        let ok = SIPResponse(replyingTo: TransactionFixtures.request(.invite), statusCode: 200, toTag: "w")
        var retransmission = AnswerRetransmission(response: ok)
        _ = retransmission.start()
        XCTAssertEqual(retransmission.timerFired(), [.send(ok), .wait(.seconds(1))])
        retransmission.acknowledge()
        XCTAssertEqual(retransmission.timerFired(), [])
    }
}
