import Foundation
import XCTest
@testable import WaihuSIP

/// waihu registers to a trunk-like registrar (SIPp, `/work/shared/peers/registrar_digest.xml`)
/// that challenges with 401 and checks the digest with SIPp's own `verifyauth`.
final class SIPpRegistrarDigestTests: XCTestCase {
    static let scenario = SharedPeers.path("registrar_digest.xml")

    private func register(password: String) async throws -> Int {
        let events = Inbox<SIPTransactionTable.Event>()
        let layer = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0) { events.append($0) }
        let local = try XCTUnwrap(layer.localEndpoint)
        let registrarPort = Int.random(in: 30000...39000)

        let sipp = Process()
        sipp.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        sipp.arguments = ["-sf", Self.scenario, "-i", "127.0.0.1", "-p", "\(registrarPort)", "-m", "1",
                          "-set", "user", "1001", "-set", "pass", "secret1001", "-nostdin", "-timeout", "20s"]
        sipp.standardInput = FileHandle.nullDevice
        sipp.standardOutput = FileHandle.nullDevice
        sipp.standardError = FileHandle.nullDevice
        try sipp.run()
        defer { if sipp.isRunning { sipp.terminate() } }
        try await Task.sleep(nanoseconds: 300_000_000)

        let registrar = SIPEndpoint(host: "127.0.0.1", port: registrarPort)
        var headers = SIPHeaders()
        headers.add("Via", Via(host: local.host, port: local.port, branch: SIPIdentifiers.branch()).description)
        headers.add("Max-Forwards", "70")
        headers.add("From", "<sip:1001@waihu.test>;tag=\(SIPIdentifiers.tag())")
        headers.add("To", "<sip:1001@waihu.test>")
        headers.add("Call-ID", SIPIdentifiers.callID(host: local.host))
        headers.add("CSeq", "1 REGISTER")
        headers.add("Contact", "<sip:1001@\(local.host):\(local.port)>")
        headers.add("Expires", "60")
        let request = SIPRequest(method: .register, uri: SIPURI(host: "127.0.0.1", port: registrarPort), headers: headers)
        layer.send(request, to: registrar)

        guard case .response(let challenge, _) = try await events.next(seconds: 10) else { XCTFail("expected 401"); return 0 }
        XCTAssertEqual(challenge.statusCode, 401)
        let retry = try DigestCredentials(username: "1001", password: password).authorize(request, after: challenge)
        XCTAssertEqual(retry.cseq, CSeq(2, .register))
        layer.send(retry, to: registrar)
        let final = try await events.next(seconds: 10)
        try await layer.close()
        guard case .response(let response, _) = final else { XCTFail("expected a final response"); return 0 }
        return response.statusCode
    }

    func testDigestAcceptedWithRightPasswordAndRefusedWithWrongOne() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp"),
              FileManager.default.fileExists(atPath: Self.scenario) else {
            throw XCTSkip("SIPp or its scenario is not installed")
        }
        let accepted = try await register(password: "secret1001")
        XCTAssertEqual(accepted, 200)
        let refused = try await register(password: "wrong")
        XCTAssertEqual(refused, 403)
    }
}
