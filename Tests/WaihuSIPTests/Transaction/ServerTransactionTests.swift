import XCTest
@testable import WaihuSIP

final class ServerTransactionTests: XCTestCase {
    typealias F = TransactionFixtures

    func testInviteServerSendsTryingAndRepeatsLatestProvisional() {
        let invite = F.request(.invite)
        var transaction = InviteServerTransaction(request: invite)
        let start = transaction.start()
        XCTAssertEqual(F.sentResponses(start).map(\.statusCode), [100])
        XCTAssertEqual(start.last, .passRequest(invite))
        let ringing = F.response(180, to: invite)
        XCTAssertEqual(transaction.send(ringing), [.sendResponse(ringing)])
        XCTAssertEqual(transaction.receive(invite), [.sendResponse(ringing)])
    }

    func testInviteServerRejectRetransmitsWithGUntilAck() {
        let invite = F.request(.invite)
        var transaction = InviteServerTransaction(request: invite)
        _ = transaction.start()
        let busy = F.response(486, to: invite)
        XCTAssertEqual(transaction.send(busy),
                       [.sendResponse(busy), .startTimer(.g, .milliseconds(500)), .startTimer(.h, .seconds(32))])
        var intervals: [Duration] = []
        for _ in 0..<5 {
            let actions = transaction.timerFired(.g)
            XCTAssertEqual(F.sentResponses(actions), [busy])
            intervals.append(F.started(actions)[.g]!)
        }
        XCTAssertEqual(intervals, [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
        XCTAssertEqual(transaction.receive(invite), [.sendResponse(busy)])
        XCTAssertEqual(transaction.receive(F.request(.ack)),
                       [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, .seconds(5))])
        XCTAssertEqual(transaction.state, .confirmed)
        XCTAssertEqual(transaction.receive(F.request(.ack)), [], "duplicate ACK absorbed")
        XCTAssertEqual(transaction.timerFired(.i), [.terminate])
    }

    func testInviteServerTimerHReportsMissingAck() {
        let invite = F.request(.invite)
        var transaction = InviteServerTransaction(request: invite)
        _ = transaction.start()
        _ = transaction.send(F.response(603, to: invite))
        XCTAssertEqual(transaction.timerFired(.h), [.cancelTimer(.g), .reportTimeout, .terminate])
    }

    func testInviteServer2xxGoesToAcceptedAndAckReachesTU() {
        let invite = F.request(.invite)
        var transaction = InviteServerTransaction(request: invite)
        _ = transaction.start()
        let ok = F.response(200, to: invite)
        XCTAssertEqual(transaction.send(ok), [.sendResponse(ok), .startTimer(.l, .seconds(32))])
        XCTAssertEqual(transaction.state, .accepted)
        XCTAssertEqual(transaction.receive(invite), [], "INVITE retransmission absorbed once accepted")
        let ack = F.request(.ack, branch: "z9hG4bKnewAckBranch")
        XCTAssertEqual(transaction.receive(ack), [.passRequest(ack)])
        XCTAssertEqual(transaction.timerFired(.l), [.terminate])
    }

    func testNonInviteServerAnswersRetransmissionsFromCompleted() {
        let options = F.request(.options)
        var transaction = NonInviteServerTransaction(request: options)
        XCTAssertEqual(transaction.start(), [.passRequest(options)])
        XCTAssertEqual(transaction.receive(options), [], "nothing to repeat while trying")
        let ok = F.response(200, to: options)
        XCTAssertEqual(transaction.send(ok), [.sendResponse(ok), .startTimer(.j, .seconds(32))])
        XCTAssertEqual(transaction.receive(options), [.sendResponse(ok)])
        XCTAssertEqual(transaction.send(F.response(500, to: options)), [], "only one final response")
        XCTAssertEqual(transaction.timerFired(.j), [.terminate])
        XCTAssertEqual(transaction.state, .terminated)
    }
}
