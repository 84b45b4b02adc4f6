import AsyncHTTPClient
import Foundation
import XCTest
import WaihuTestPeers

/// `waihu serve` with its SIP engine, against real peers on loopback: baresip registers
/// as phone 8001 with digest auth and shows up in `waihu phone list` and the API; a
/// bridged test call (`waihu call bridge`) reaches a SIPp customer through a configured
/// trunk and carries audio both ways; /metrics shows the telephony counters.
final class TelephonyServeTests: XCTestCase {
    func testServeRegistersPhonesAndBridgesATestCall() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        try PeerProcess.require("/usr/bin/baresip")
        let dataDirectory = NSTemporaryDirectory() + "waihu-tel-serve-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        var storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        // The admin, the phone and the trunk exist before serve starts, as after an install.
        let admin = try WaihuExecutable.run(["user", "add", "admin", "--role", "admin", "--password-stdin"] + storage, stdin: "admin-pass-123\n")
        XCTAssertEqual(admin.status, 0, admin.stderr)
        let agent = try WaihuExecutable.run(["user", "add", "wang", "--role", "agent", "--password-stdin"] + storage, stdin: "agent-pass-1\n")
        XCTAssertEqual(agent.status, 0, agent.stderr)
        let phone = try WaihuExecutable.run(["phone", "add", "8001", "--agent", "wang", "--password-stdin"] + storage, stdin: "secret8001\n")
        XCTAssertEqual(phone.status, 0, phone.stderr)
        let customerPort = SharedPeers.peerPort()
        let trunk = try WaihuExecutable.run(["trunk", "add", "sipp", "--host", "127.0.0.1", "--port", String(customerPort),
                                             "--caller-id", "02161234567", "--ring-timeout", "10"] + storage)
        XCTAssertEqual(trunk.status, 0, trunk.stderr)

        let httpPort = freeLoopbackPort()
        let serve = try ServeProcess(arguments: ["serve", "--http-port", String(httpPort), "--sip-port", "0",
                                                 "--rtp-ports", "31000-31099"] + storage)
        defer { _ = serve.stop() }
        let sipPortText = try await serve.waitFor(#"SIP listening on udp 127\.0\.0\.1:(\d+)"#)
        let sipPort = try XCTUnwrap(Int(sipPortText))
        _ = try await serve.waitFor("Server started")

        let baresip = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: sipPort,
                                       microphone: TestTone.samples(frequency: 1000, seconds: 60, amplitude: 0.4))
        defer { baresip.stop() }

        // Registered: the CLI reads it from the database the engine writes.
        var listed = ""
        for _ in 0..<100 {
            listed = try WaihuExecutable.run(["phone", "list"] + storage).stdout
            if listed.contains(" yes ") { break }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let row = try XCTUnwrap(listed.split(separator: "\n").first { $0.hasPrefix("8001") }.map(String.init), listed)
        XCTAssertTrue(row.contains("wang") && row.contains(" yes ") && row.contains("127.0.0.1:"), "8001 registered: \(listed)\n\(baresip.process.output)")
        XCTAssertTrue(row.contains("baresip"), "the phone's User-Agent is shown: \(row)")
        print("waihu phone list:\n\(listed)")

        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let api = APIClient(baseURL: "http://127.0.0.1:\(httpPort)", client: http)
            let login = try await api.post("/api/v1/auth/login", ["username": "admin", "password": "admin-pass-123"])
            let token = try XCTUnwrap(login.json["token"] as? String, login.text)
            let phones = try await api.get("/api/v1/phones", token: token).jsonArray
            let entry = try XCTUnwrap(phones.first { $0["extension"] as? String == "8001" })
            XCTAssertEqual(entry["registered"] as? Bool, true)
            XCTAssertTrue((entry["source"] as? String ?? "").hasPrefix("127.0.0.1:"), "\(entry)")
            XCTAssertNotNil(entry["expires_at"] as? String)

            try await bridgedCall(customerPort: customerPort, httpPort: httpPort, baresip: baresip)

            // Refusals name the problem: an unknown phone, a wrong login, an unknown trunk.
            let server = ["--server", "http://127.0.0.1:\(httpPort)", "--user", "admin", "--password-stdin"]
            let refusals: [([String], String, String)] = [
                (["--agent", "8009"], "admin-pass-123\n", "extension 8009 does not exist"),
                (["--agent", "8001", "--trunk", "nope"], "admin-pass-123\n", "trunk 'nope' does not exist"),
                (["--agent", "8001"], "wrong-password\n", "server answered 401"),
            ]
            for (arguments, stdin, message) in refusals {
                let result = try WaihuExecutable.run(["call", "bridge", "--to", "13800138000"] + arguments + server, stdin: stdin)
                XCTAssertNotEqual(result.status, 0, "\(arguments)")
                XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            }

            // Two datagrams that are not SIP: counted, and the server keeps serving.
            let probe = try await UDPProbe.bind()
            try await probe.send(Array("not sip at all".utf8), to: sipPort)
            try await probe.send(Array("INVITE sip:1@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:\(probe.port);branch=z9hG4bKx\r\nContent-Length: 99x\r\n\r\n".utf8), to: sipPort)
            try await Task.sleep(nanoseconds: 500_000_000)
            await probe.close()
            let metrics = try await api.get("/metrics").text
            func value(_ name: String) -> Int {
                metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? -1
            }
            XCTAssertEqual(value("waihu_sip_malformed_total{action=\"answered\"}") + value("waihu_sip_malformed_total{action=\"dropped\"}"), 2, metrics)
            print(metrics.split(separator: "\n").filter { $0.hasPrefix("waihu_sip") || $0.hasPrefix("waihu_calls") || $0.hasPrefix("waihu_phones") || $0.hasPrefix("waihu_rtp") }.joined(separator: "\n"))
            XCTAssertTrue(metrics.contains("waihu_sip_registrations_total{result=\"accepted\"} "), metrics)
            XCTAssertTrue(metrics.contains("waihu_phones_registered 1"), metrics)
            XCTAssertTrue(metrics.contains("waihu_calls_placed_total 2"), "the customer and the agent leg: \(metrics)")
            XCTAssertTrue(metrics.contains("waihu_calls_active 0"), metrics)
            XCTAssertFalse(metrics.contains("waihu_sip_registrations_total{result=\"accepted\"} 0"), metrics)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()

        // Stopping serve stops the engine cleanly, and the next start forgets the old bindings.
        baresip.stop()
        XCTAssertEqual(serve.stop(), 0, serve.text)
        let again = try ServeProcess(arguments: ["serve", "--http-port", String(freeLoopbackPort()), "--sip-port", "0"] + storage)
        _ = try await again.waitFor("Server started")
        let afterRestart = try WaihuExecutable.run(["phone", "list"] + storage).stdout
        XCTAssertEqual(again.stop(), 0, again.text)
        XCTAssertFalse(afterRestart.contains(" yes "), "registrations are cleared on start: \(afterRestart)")
    }

    /// `waihu call bridge` against the running serve: SIPp (PCMA) is the customer, baresip (PCMU) the agent.
    private func bridgedCall(customerPort: Int, httpPort: Int, baresip: BaresipPhone) async throws {
        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: customerPort, variables: ["ring_ms": "500", "talk_ms": "4500"])
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let recording = NSTemporaryDirectory() + "waihu-cli-bridge-\(customerPort).wav"
        defer { try? FileManager.default.removeItem(atPath: recording) }
        let started = Date()
        let bridge = try WaihuExecutable.run(["call", "bridge", "--to", "13800138000", "--agent", "8001", "--trunk", "sipp",
                                              "--record", recording, "--server", "http://127.0.0.1:\(httpPort)",
                                              "--user", "admin", "--password-stdin"], stdin: "admin-pass-123\n")
        let elapsed = Date().timeIntervalSince(started)
        print("waihu call bridge: \(bridge.stdout)")
        XCTAssertEqual(bridge.status, 0, bridge.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bridge.stdout.utf8)) as? [String: Any], bridge.stdout)
        XCTAssertTrue(bridge.stdout.hasPrefix("{\"outcome\":\"answered\",\"cause\":\"human\",\"evidence\":\""), bridge.stdout)
        XCTAssertTrue(bridge.stdout.contains("\"sip_status\":200,\"ring_s\":"), bridge.stdout)
        XCTAssertEqual(report["cause"] as? String, "human")
        XCTAssertEqual(report["dtmf"] as? String, "1", "SIPp pressed 1")
        XCTAssertEqual(report["recording"] as? String, recording)
        let agentLeg = try XCTUnwrap(report["agent"] as? [String: Any], bridge.stdout)
        XCTAssertEqual(agentLeg["outcome"] as? String, "answered")
        let talk = try XCTUnwrap((report["talk_s"] as? NSNumber)?.doubleValue)
        XCTAssertGreaterThan(talk, 4, "SIPp stays up about 6 s after answering")
        XCTAssertLessThan(talk, elapsed)
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)

        // The recording lasts as long as the call and holds both sides: the customer's
        // pcap speech on the left, the agent phone's 1 kHz tone on the right.
        let wav = try WAVAnalysis(path: recording)
        XCTAssertEqual(wav.channels, 2)
        XCTAssertEqual(wav.duration, talk, accuracy: 0.5)
        XCTAssertGreaterThan(WAVAnalysis.rms(wav.slice(0, from: 2, to: wav.duration - 0.5)), 0.01, "the customer is on the left")
        let agentSide = wav.slice(1, from: wav.duration - 2.5, to: wav.duration - 0.5)
        XCTAssertGreaterThan(WAVAnalysis.rms(agentSide), 0.05)
        XCTAssertEqual(wav.frequency(agentSide), 1000, accuracy: 30, "the agent's tone reached the customer side")
        // Customer → agent: what baresip heard.
        try await Task.sleep(nanoseconds: 500_000_000)
        let heardPath = try XCTUnwrap(baresip.heardRecording(), "baresip wrote no recording")
        let heard = try WAVAnalysis(path: heardPath)
        XCTAssertGreaterThan(WAVAnalysis.rms(heard.slice(0, from: 0, to: heard.duration)), 0.01, "the customer's speech reached the phone")
    }
}
