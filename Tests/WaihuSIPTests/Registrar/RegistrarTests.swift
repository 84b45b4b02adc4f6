import Foundation
import XCTest
@testable import WaihuSIP

final class RegistrarTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let natSource = SIPEndpoint(host: "203.0.113.7", port: 40001)

    private func register(contact: String?, expires: Int? = nil, cseq: UInt32 = 1, callID: String = "reg-1") -> SIPRequest {
        var headers = SIPHeaders()
        headers.add("Via", "SIP/2.0/UDP 192.168.1.50:5060;branch=z9hG4bKr\(cseq);rport")
        headers.add("From", "<sip:8001@waihu.local>;tag=p1")
        headers.add("To", "<sip:8001@WAIHU.local>")
        headers.add("Call-ID", callID)
        headers.add("CSeq", "\(cseq) REGISTER")
        if let contact { headers.add("Contact", contact) }
        if let expires { headers.add("Expires", String(expires)) }
        return SIPRequest(method: .register, uri: try! SIPURI(parsing: "sip:waihu.local"), headers: headers)
    }

    func testBindingStoredWithNATTargetAndListedWithRemainingTime() {
        var registrar = Registrar()
        let response = registrar.register(register(contact: "<sip:8001@192.168.1.50:5060>", expires: 120), source: natSource, now: start)
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.headers.values("Contact"), ["<sip:8001@192.168.1.50:5060>;expires=120"])
        let bindings = registrar.bindings(for: "8001@waihu.local", now: start.addingTimeInterval(30))
        XCTAssertEqual(bindings.count, 1)
        XCTAssertEqual(bindings[0].target, natSource)
        XCTAssertEqual(bindings[0].remaining(at: start.addingTimeInterval(30)), 90)
        XCTAssertTrue(registrar.bindings(for: "8001@waihu.local", now: start.addingTimeInterval(121)).isEmpty)
        registrar.removeExpired(now: start.addingTimeInterval(121))
        XCTAssertTrue(registrar.bindings.isEmpty)
    }

    func testExpiresRulesTooBriefClampAndContactParameterWins() {
        var registrar = Registrar(minimumExpires: 60, maximumExpires: 3600)
        let brief = registrar.register(register(contact: "<sip:8001@10.0.0.5>", expires: 30), source: natSource, now: start)
        XCTAssertEqual(brief.statusCode, 423)
        XCTAssertEqual(brief.headers["Min-Expires"], "60")
        let long = registrar.register(register(contact: "<sip:8001@10.0.0.5>;expires=90000", expires: 30), source: natSource, now: start)
        XCTAssertEqual(long.headers.values("Contact"), ["<sip:8001@10.0.0.5>;expires=3600"])
        let query = registrar.register(register(contact: nil, cseq: 2), source: natSource, now: start.addingTimeInterval(600))
        XCTAssertEqual(query.headers.values("Contact"), ["<sip:8001@10.0.0.5>;expires=3000"])
    }

    func testRefreshOutOfOrderAndRemoval() {
        var registrar = Registrar()
        _ = registrar.register(register(contact: "<sip:8001@10.0.0.5>", expires: 300, cseq: 5), source: natSource, now: start)
        let stale = registrar.register(register(contact: "<sip:8001@10.0.0.5>", expires: 300, cseq: 4), source: natSource, now: start)
        XCTAssertEqual(stale.statusCode, 500)
        _ = registrar.register(register(contact: "<sip:8001@10.0.0.6>", expires: 300, cseq: 6), source: natSource, now: start)
        XCTAssertEqual(registrar.bindings(for: "8001@waihu.local", now: start).count, 2)
        let removed = registrar.register(register(contact: "<sip:8001@10.0.0.5>", expires: 0, cseq: 7), source: natSource, now: start)
        XCTAssertEqual(removed.headers.values("Contact"), ["<sip:8001@10.0.0.6>;expires=300"])
        let badWildcard = registrar.register(register(contact: "*", expires: 60, cseq: 8), source: natSource, now: start)
        XCTAssertEqual(badWildcard.statusCode, 400)
        let wildcard = registrar.register(register(contact: "*", expires: 0, cseq: 9), source: natSource, now: start)
        XCTAssertEqual(wildcard.statusCode, 200)
        XCTAssertTrue(wildcard.headers.values("Contact").isEmpty)
        XCTAssertTrue(registrar.bindings.isEmpty)
    }
}
