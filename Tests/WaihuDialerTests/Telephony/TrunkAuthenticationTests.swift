import Foundation
import XCTest
import WaihuDomain
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// A trunk that challenges every INVITE (SIPp with `verifyauth`): the engine answers the
/// 401 once with waihu's trunk account; the right password gets the call answered, a
/// wrong one ends it with the trunk's 403.
final class TrunkAuthenticationTests: XCTestCase {
    static let scenario = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="trunk challenging INVITE">
      <Global variables="user,pass"/>
      <recv request="INVITE" crlf="true"/>
      <send><![CDATA[
    SIP/2.0 401 Unauthorized
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]t[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    WWW-Authenticate: Digest realm="carrier.test", nonce="[pid]n[call_number]", algorithm=MD5
    Content-Length: 0

    ]]></send>
      <recv request="ACK"/>
      <recv request="INVITE" crlf="true">
        <action><verifyauth assign_to="authvalid" username="[$user]" password="[$pass]"/></action>
      </recv>
      <nop test="authvalid" next="ok"/>
      <send><![CDATA[
    SIP/2.0 403 Forbidden
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]t[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

    ]]></send>
      <recv request="ACK" next="done"/>
      <label id="ok"/>
      <send><![CDATA[
    SIP/2.0 180 Ringing
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]t[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Contact: <sip:trunk@[local_ip]:[local_port]>
    Content-Length: 0

    ]]></send>
      <send retrans="500"><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]t[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Contact: <sip:trunk@[local_ip]:[local_port]>
    Content-Type: application/sdp
    Content-Length: [len]

    v=0
    o=trunk 1 1 IN IP4 [local_ip]
    s=-
    c=IN IP4 [media_ip]
    t=0 0
    m=audio [media_port] RTP/AVP 0
    a=rtpmap:0 PCMU/8000

    ]]></send>
      <recv request="ACK"/>
      <recv request="BYE"/>
      <send><![CDATA[
    SIP/2.0 200 OK
    [last_Via:]
    [last_From:]
    [last_To:]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

    ]]></send>
      <label id="done"/>
    </scenario>
    """

    func runCall(password: String) async throws -> (CallReport, Int32?, String) {
        try PeerProcess.require("/usr/bin/sipp")
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-trunk-auth.xml")
        try Self.scenario.write(to: scenario, atomically: true, encoding: .utf8)
        let port = SharedPeers.peerPort()
        let trunk = try PeerProcess("/usr/bin/sipp", ["-sf", scenario.path, "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(port + 2)",
                                                     "-m", "1", "-set", "user", "waihu", "-set", "pass", "trunk-secret",
                                                     "-nostdin", "-timeout", "20s", "-timeout_error"],
                                    name: "sipp-trunk-\(port)", directory: FileManager.default.temporaryDirectory)
        defer { trunk.stop() }
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 30700...30799))
        try await Task.sleep(nanoseconds: 300_000_000)
        let leg = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: "13800138000", host: "127.0.0.1", port: port,
                           credentials: DigestCredentials(username: "waihu", password: password)),
            callerID: "10086", ringTimeout: .seconds(10)))
        if await leg.waitUntilAnswered() {
            try await Task.sleep(nanoseconds: 500_000_000)
            leg.hangUp()
        }
        let report = await leg.waitUntilEnded()
        let exit = await trunk.waitForExit(seconds: 10)
        try await engine.shutdown()
        return (report, exit, trunk.output)
    }

    func testRightCredentialsGetTheCallAnswered() async throws {
        let (report, exit, output) = try await runCall(password: "trunk-secret")
        XCTAssertEqual(report.outcome, .answered, output)
        XCTAssertEqual(report.sipStatus, 200)
        XCTAssertEqual(exit, 0, output)
    }

    func testWrongCredentialsEndWithTheTrunksRefusal() async throws {
        let (report, exit, output) = try await runCall(password: "wrong")
        XCTAssertEqual(report.sipStatus, 403, output)
        XCTAssertNotEqual(report.outcome, .answered)
        XCTAssertEqual(exit, 0, output)
    }
}
