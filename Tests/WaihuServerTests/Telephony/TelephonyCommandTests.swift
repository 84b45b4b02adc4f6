import Foundation
import XCTest

/// `waihu trunk …` and `waihu phone …` as an operator runs them, on the test database.
final class TelephonyCommandTests: XCTestCase {
    private var storage: [String] = []
    private var dataDirectory = ""

    override func setUp() async throws {
        dataDirectory = NSTemporaryDirectory() + "waihu-tel-cli-" + UUID().uuidString
        storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    func testTrunksAreAddedListedWithoutPasswordAndRemoved() throws {
        let add = try WaihuExecutable.run(["trunk", "add", "carrier-a", "--host", "192.0.2.10", "--port", "5070",
                                           "--username", "acct77", "--password-stdin", "--caller-id", "02161234567",
                                           "--max-concurrent", "20", "--max-cps", "5"] + storage, stdin: "trunk-secret-9\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertFalse(add.stdout.contains("trunk-secret-9"), add.stdout)
        let plain = try WaihuExecutable.run(["trunk", "add", "carrier-b", "--host", "198.51.100.7"] + storage)
        XCTAssertEqual(plain.status, 0, plain.stderr)

        let list = try WaihuExecutable.run(["trunk", "list"] + storage)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertFalse(list.stdout.contains("trunk-secret-9"), "the password is never printed: \(list.stdout)")
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(rows.count, 3, list.stdout)
        XCTAssertEqual(rows[1], ["carrier-a", "192.0.2.10:5070", "acct77", "02161234567", "20", "5", "30s", "yes"])
        XCTAssertEqual(rows[2].prefix(2), ["carrier-b", "198.51.100.7:5060"], "port 5060 and ring timeout 30 s by default")
        XCTAssertEqual(rows[2].suffix(2), ["30s", "yes"])

        let remove = try WaihuExecutable.run(["trunk", "remove", "carrier-b"] + storage)
        XCTAssertEqual(remove.status, 0, remove.stderr)
        let after = try WaihuExecutable.run(["trunk", "list"] + storage)
        XCTAssertFalse(after.stdout.contains("carrier-b"), after.stdout)
        XCTAssertTrue(after.stdout.contains("carrier-a"), after.stdout)
    }

    func testBadTrunkInputIsRefusedWithTheReason() throws {
        XCTAssertEqual(try WaihuExecutable.run(["trunk", "add", "t1", "--host", "192.0.2.10"] + storage).status, 0)
        let cases: [([String], String?, String)] = [
            (["trunk", "add", "t1", "--host", "192.0.2.11"], nil, "trunk 't1' already exists"),
            (["trunk", "add", "t2", "--host", "sip.example.com"], nil, "host: 'sip.example.com' is not an IP address"),
            (["trunk", "add", "t2", "--host", "300.1.1.1"], nil, "is not an IP address"),
            (["trunk", "add", "t2", "--host", "192.0.2.10", "--port", "70000"], nil, "port: must be 1 to 65535"),
            (["trunk", "add", "t2", "--host", "192.0.2.10", "--caller-id", "abc"], nil, "caller_id"),
            (["trunk", "add", "t2", "--host", "192.0.2.10", "--ring-timeout", "1"], nil, "ring_timeout: must be 5 to 300"),
            (["trunk", "add", "t2", "--host", "192.0.2.10", "--username", "u"], nil, "--password-stdin"),
            (["trunk", "remove", "nope"], nil, "trunk 'nope' does not exist"),
        ]
        for (arguments, stdin, message) in cases {
            let result = try WaihuExecutable.run(arguments + storage, stdin: stdin)
            XCTAssertNotEqual(result.status, 0, "\(arguments) was accepted")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let list = try WaihuExecutable.run(["trunk", "list"] + storage)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 2, "nothing half-added: \(list.stdout)")
    }

    func testPhonesAreAddedWithAPasswordPrintedOnceAndRemoved() throws {
        let agent = try WaihuExecutable.run(["user", "add", "zhang", "--role", "agent", "--password-stdin"] + storage, stdin: "agent-pass-1\n")
        XCTAssertEqual(agent.status, 0, agent.stderr)

        let random = try WaihuExecutable.run(["phone", "add", "8001", "--agent", "zhang"] + storage)
        XCTAssertEqual(random.status, 0, random.stderr)
        let password = try XCTUnwrap(random.stdout.split(separator: "\n").first { $0.hasPrefix("password: ") }?.dropFirst(10))
        XCTAssertEqual(password.count, 16)
        let given = try WaihuExecutable.run(["phone", "add", "8002", "--password-stdin"] + storage, stdin: "phone-pass-8002\n")
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertFalse(given.stdout.contains("password"), "a given password is not echoed: \(given.stdout)")

        let list = try WaihuExecutable.run(["phone", "list"] + storage)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertFalse(list.stdout.contains(String(password)) || list.stdout.contains("phone-pass-8002"), list.stdout)
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.count, 3, list.stdout)
        XCTAssertEqual(rows[1], ["8001", "zhang", "no"])
        XCTAssertEqual(rows[2], ["8002", "no"])

        let errors: [([String], String?, String)] = [
            (["phone", "add", "8001"], nil, "extension 8001 already exists"),
            (["phone", "add", "80a1"], nil, "extension: '80a1' must be 2 to 10 digits"),
            (["phone", "add", "8003", "--agent", "nobody"], nil, "agent: user 'nobody' does not exist"),
            (["phone", "add", "8003", "--password-stdin"], "short\n", "password: must be 8 to 64 characters"),
            (["phone", "remove", "8999"], nil, "extension 8999 does not exist"),
        ]
        for (arguments, stdin, message) in errors {
            let result = try WaihuExecutable.run(arguments + storage, stdin: stdin)
            XCTAssertNotEqual(result.status, 0, "\(arguments) was accepted")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }

        XCTAssertEqual(try WaihuExecutable.run(["phone", "remove", "8002"] + storage).status, 0)
        let after = try WaihuExecutable.run(["phone", "list"] + storage)
        XCTAssertFalse(after.stdout.contains("8002"), after.stdout)
        XCTAssertFalse(after.stdout.contains("8003"), "refused phones were not added: \(after.stdout)")
    }
}
