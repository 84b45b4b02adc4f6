import Foundation
import XCTest
import WaihuTestPeers

/// `waihu call play --trunk NAME` takes the trunk's address, caller ID and ring timeout
/// from the database; SIPp answers as the customer.
final class CallPlayTrunkTests: XCTestCase {
    func testCallPlayThroughAConfiguredTrunk() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let dataDirectory = NSTemporaryDirectory() + "waihu-tel-play-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        var storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        let port = SharedPeers.peerPort()
        let add = try WaihuExecutable.run(["trunk", "add", "sipp", "--host", "127.0.0.1", "--port", String(port),
                                           "--caller-id", "02161234567", "--ring-timeout", "10"] + storage)
        XCTAssertEqual(add.status, 0, add.stderr)
        let prompt = dataDirectory + "/prompt.wav"
        try TestTone.writeMonoWAV(TestTone.samples(frequency: 440, seconds: 8), to: prompt)
        let recording = dataDirectory + "/call.wav"

        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: port, variables: ["ring_ms": "1000", "talk_ms": "3000"])
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let play = try WaihuExecutable.run(["call", "play", "--to", "13800138000", "--prompt", prompt, "--trunk", "sipp",
                                            "--record", recording, "--wait-dtmf", "6", "--rtp-ports", "31100-31199", "--json"] + storage)
        XCTAssertEqual(play.status, 0, play.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(play.stdout.utf8)) as? [String: Any], play.stdout)
        XCTAssertEqual(report["outcome"] as? String, "answered")
        XCTAssertEqual(report["cause"] as? String, "human")
        XCTAssertEqual(report["sip_status"] as? Int, 200)
        XCTAssertEqual(report["dtmf"] as? String, "1")
        XCTAssertEqual(report["recording"] as? String, recording)
        let ring = try XCTUnwrap((report["ring_s"] as? NSNumber)?.doubleValue)
        XCTAssertGreaterThan(ring, 0.8, "SIPp rings 1 s")
        let listened = try XCTUnwrap((report["listened_s"] as? NSNumber)?.doubleValue)
        XCTAssertGreaterThan(listened, 2)
        XCTAssertLessThan(listened, 7.9, "the customer hung up before the 8 s prompt ended")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: recording))

        let unknown = try WaihuExecutable.run(["call", "play", "--to", "13800138000", "--prompt", prompt, "--trunk", "nope"] + storage)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("trunk 'nope' does not exist"), unknown.stderr)
    }
}
