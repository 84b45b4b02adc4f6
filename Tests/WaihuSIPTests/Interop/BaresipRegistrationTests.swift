import Foundation
import XCTest
import WaihuTestPeers
@testable import WaihuSIP

/// A real agent phone (baresip, from `/work/shared/peers/baresip-agent`) registers to
/// waihu: challenged with 401 by `DigestAuthenticator`, then bound by `Registrar`.
final class BaresipRegistrationTests: XCTestCase {
    static let template = SharedPeers.path("baresip-agent")

    func testAgentPhoneRegistersWithDigest() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/baresip"),
              FileManager.default.fileExists(atPath: Self.template + "/config") else {
            throw XCTSkip("baresip or its configuration template is not installed")
        }
        let events = Inbox<SIPTransactionTable.Event>()
        let layer = try await SIPTransactionLayer.bind(host: "127.0.0.1", port: 0) { events.append($0) }
        let local = try XCTUnwrap(layer.localEndpoint)
        let phonePort = LoopbackPorts.freeBlock()
        let controlPort = phonePort + 1

        // Instantiate the template: own directory, SIP and control ports, registrar = us.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-agent-\(phonePort)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rec"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try String(contentsOfFile: Self.template + "/config", encoding: .utf8)
            .replacingOccurrences(of: "__DIR__", with: directory.path)
            .replacingOccurrences(of: "__REC__", with: directory.appendingPathComponent("rec").path)
            .replacingOccurrences(of: "127.0.0.1:5062", with: "127.0.0.1:\(phonePort)")
            .replacingOccurrences(of: "127.0.0.1:4444", with: "127.0.0.1:\(controlPort)")
        try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let account = "<sip:1001@127.0.0.1:\(local.port)>;auth_user=1001;auth_pass=secret1001;answermode=auto;regint=60;audio_codecs=pcmu,pcma\n"
        try account.write(to: directory.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("contacts"), atomically: true, encoding: .utf8)

        let phone = Process()
        phone.executableURL = URL(fileURLWithPath: "/usr/bin/baresip")
        phone.arguments = ["-f", directory.path]
        phone.standardInput = FileHandle.nullDevice
        phone.standardOutput = FileHandle.nullDevice
        phone.standardError = FileHandle.nullDevice
        try phone.run()
        defer {
            // baresip un-registers on quit and would wait for an answer; it is ours to stop.
            if phone.isRunning { kill(phone.processIdentifier, SIGKILL) }
        }

        let authenticator = DigestAuthenticator(realm: "waihu.test", secret: Array("test-secret".utf8))
        var registrar = Registrar()
        var challenged = false
        var bound: SIPEndpoint?
        let deadline = Date().addingTimeInterval(15)
        while bound == nil && Date() < deadline {
            guard case .request(let request, let source, let key) = try await events.next(seconds: 15),
                  request.method == .register else { continue }
            let now = Date()
            guard let header = request.headers["Authorization"],
                  let authorization = try? DigestAuthorization(parsing: header) else {
                var challenge = SIPResponse(replyingTo: request, statusCode: 401, toTag: SIPIdentifiers.tag())
                challenge.headers.add("WWW-Authenticate", authenticator.challenge(now: now).description)
                layer.respond(challenge, to: key)
                challenged = true
                continue
            }
            let verdict = authenticator.verify(authorization, method: "REGISTER", password: "secret1001", now: now)
            XCTAssertEqual(verdict, .valid)
            XCTAssertEqual(authorization.username, "1001")
            let response = registrar.register(request, source: source, now: now)
            layer.respond(response, to: key)
            XCTAssertEqual(response.statusCode, 200)
            bound = source
        }
        XCTAssertTrue(challenged)
        let bindings = registrar.bindings(for: "1001@127.0.0.1", now: Date())
        XCTAssertEqual(bindings.count, 1)
        XCTAssertEqual(bindings.first?.target, SIPEndpoint(host: "127.0.0.1", port: phonePort))
        // baresip makes its Contact user unique per instance ("1001-0x…").
        XCTAssertTrue(bindings.first?.contact.user?.hasPrefix("1001") ?? false)
        try await layer.close()
    }
}
