import NIOCore
import XCTest
@testable import WaihuSIP

/// Two transaction layers on 127.0.0.1 with short timers.
final class SIPTransactionLayerTests: XCTestCase {
    private let fast = SIPTimerConfiguration(t1: .milliseconds(20), t2: .milliseconds(160), t4: .milliseconds(200))

    private func invite(branch: String, to server: SIPEndpoint) -> SIPRequest {
        var request = TransactionFixtures.request(.invite, branch: branch)
        request.uri = SIPURI(user: "1001", host: server.host, port: server.port)
        request.headers.remove("Route")
        return request
    }

    func testRejectedInviteIsAckedByTheTransactionAndSeenOnceByTheServer() async throws {
        let serverEvents = Inbox<SIPTransactionTable.Event>()
        let clientEvents = Inbox<SIPTransactionTable.Event>()
        let server = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0, timers: fast) { serverEvents.append($0) }
        let client = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0, timers: fast) { clientEvents.append($0) }
        let serverEndpoint = try XCTUnwrap(server.localEndpoint)

        let request = invite(branch: "z9hG4bKlayer1", to: serverEndpoint)
        client.send(request, to: serverEndpoint)
        guard case .request(let received, _, let key) = try await serverEvents.next() else { return XCTFail("expected the INVITE") }
        XCTAssertEqual(received.callID, request.callID)
        server.respond(SIPResponse(replyingTo: received, statusCode: 180, toTag: "cust"), to: key)
        server.respond(SIPResponse(replyingTo: received, statusCode: 486, toTag: "cust"), to: key)

        var codes: [Int] = []
        while codes.last != 486 {
            guard case .response(let response, _) = try await clientEvents.next() else { return XCTFail("expected responses") }
            codes.append(response.statusCode)
        }
        XCTAssertEqual(codes, [100, 180, 486])
        // Past timers D (client) and I (server): the ACK absorbed the 486, the TU saw one INVITE.
        try await Task.sleep(nanoseconds: 600_000_000)
        XCTAssertEqual(serverEvents.all.count, 1, "server TU events: \(serverEvents.all)")
        XCTAssertEqual(clientEvents.all.count, 3, "client TU events: \(clientEvents.all)")

        try await client.close()
        try await server.close()
    }

    func testUnansweredRequestIsRetransmittedThenTimesOut() async throws {
        let silentInbox = Inbox<SIPInbound>()
        let silent = try await SIPUDPTransport.bind(host: "127.0.0.1", port: 0) { silentInbox.append($0) }
        let clientEvents = Inbox<SIPTransactionTable.Event>()
        let client = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0, timers: fast) { clientEvents.append($0) }
        let target = try XCTUnwrap(silent.localEndpoint)

        var register = TransactionFixtures.request(.register, branch: "z9hG4bKlonely")
        register.headers.remove("Route")
        client.send(register, to: target)
        let event = try await clientEvents.next(seconds: 5)
        XCTAssertEqual(event, .timeout(try XCTUnwrap(SIPTransactionKey.client(for: register))))
        // Timer E: 0, 20, 60, 140, 300, 460 … 1260 ms before F fires at 1280 ms — 11 sends
        // on an idle machine; a loaded one may merge a few.
        let copies = silentInbox.all.filter { inbound in
            if case .request(let r) = inbound.message { return r.topVia?.branch == "z9hG4bKlonely" }
            return false
        }.count
        XCTAssertGreaterThanOrEqual(copies, 6)
        XCTAssertLessThanOrEqual(copies, 11)

        try await client.close()
        try await silent.close()
    }
}
