import AsyncHTTPClient
import Foundation
import NIOHTTP1
import WaihuTestPeers
import XCTest

/// A call center on one machine for the campaign tests: `waihu serve` (SQLite, or the test
/// PostgreSQL when WAIHU_TEST_DATABASE is set) with an admin, a supervisor and an agent of
/// team A组, phone 8001, a trunk to a SIPp population of customers
/// (`Scenarios/customers_by_number.xml`: the last digit of a number says what that customer
/// does) and a batch of leads, all driven through the CLI and the API as users would.
final class CampaignStage: @unchecked Sendable {
    let dataDirectory: String
    let storage: [String]
    let httpPort = freeLoopbackPort()
    let customerPort = SharedPeers.peerPort()
    private(set) var serve: ServeProcess?
    private(set) var sipPort = 0
    private(set) var customers: PeerProcess?
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    var api: APIClient { APIClient(baseURL: "http://127.0.0.1:\(httpPort)", client: http) }

    static let scenario = packageRoot + "/Tests/WaihuServerTests/Campaigns/Scenarios/customers_by_number.xml"

    init(name: String) async throws {
        try PeerProcess.require("/usr/bin/sipp")
        dataDirectory = NSTemporaryDirectory() + "waihu-\(name)-" + UUID().uuidString
        var storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        self.storage = storage
        try run(["team", "add", "A组"])
        try run(["user", "add", "admin", "--role", "admin", "--password-stdin"], stdin: "admin-pass-123\n")
        try run(["user", "add", "lead", "--role", "supervisor", "--team", "A组", "--password-stdin"], stdin: "lead-pass-123\n")
        try run(["user", "add", "wang", "--role", "agent", "--team", "A组", "--password-stdin"], stdin: "agent-pass-123\n")
        try run(["user", "add", "li", "--role", "agent", "--password-stdin"], stdin: "agent-pass-456\n")
        try run(["phone", "add", "8001", "--agent", "wang", "--password-stdin"], stdin: "secret8001\n")
        try run(["trunk", "add", "sipp", "--host", "127.0.0.1", "--port", String(customerPort), "--caller-id", "02161234567",
                 "--max-concurrent", "30", "--max-cps", "40"])
    }

    /// Sets a stage up, runs `body` on it and always takes it down.
    static func with(_ name: String, _ body: (CampaignStage) async throws -> Void) async throws {
        let stage = try await CampaignStage(name: name)
        do {
            try await body(stage)
        } catch {
            await stage.shutdown()
            throw error
        }
        await stage.shutdown()
    }

    /// Logs the agent in at the desk as soon as the phone has registered (baresip takes a moment).
    func logIn(token: String, campaign: Int, phone: String = "8001") async throws -> APIClient.Reply {
        var login = APIClient.Reply(status: 0, headers: [:], body: Data())
        // Until the phone has registered: baresip needs a moment, longer on a loaded machine
        // (CI runs the SQLite and PostgreSQL suites side by side on two cores).
        for _ in 0..<300 {
            login = try await api.post("/api/v1/desk/login", ["campaign_id": campaign, "extension": phone], token: token)
            if login.status == 200 { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return login
    }

    /// Runs a `waihu` command on this stage's database; fails the test on a non-zero exit.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> String {
        let result = try WaihuExecutable.run(arguments + storage, stdin: stdin)
        XCTAssertEqual(result.status, 0, "waihu \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// A CSV of `count` leads; lead i has number 1380013xxxx ending in i's digits, or in
    /// `lastDigit` when given (then every customer behaves the same).
    func importLeads(batch: String, count: Int, first: Int = 0, lastDigit: Int? = nil) throws {
        var csv = "姓名,联系电话,车牌号码,厂牌车型,保险到期日\n"
        for i in first..<(first + count) {
            let tail = lastDigit.map { String(format: "%03d", i) + String($0) } ?? String(format: "%04d", i)
            csv += "客户\(i),1380013\(tail),沪A\(String(format: "%05d", 10000 + i)),大众朗逸,2026-12-\(String(format: "%02d", 1 + i % 28))\n"
        }
        let file = dataDirectory + "-\(batch).csv"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        try run(["leads", "import", file, "--batch", batch, "--source", "测试来源", "--cost-per-lead", "0.5"])
    }

    /// The SIPp customers, taking up to `calls` calls.
    func startCustomers(calls: Int, scenario: String = CampaignStage.scenario) throws {
        customers = try SharedPeers.sippCustomer(scenario, port: customerPort, timeout: 600, calls: calls)
    }

    func startServe() async throws {
        let serve = try ServeProcess(arguments: ["serve", "--http-port", String(httpPort), "--sip-port", "0",
                                                 "--rtp-ports", "32000-32999"] + storage)
        self.serve = serve
        let port = try await serve.waitFor(#"SIP listening on udp 127\.0\.0\.1:(\d+)"#)
        sipPort = try XCTUnwrap(Int(port))
        _ = try await serve.waitFor("Server started")
    }

    /// kill -9: no chance to hang up, record or flush anything.
    func killServe() {
        guard let serve else { return }
        kill(serve.process.processIdentifier, SIGKILL)
        _ = serve.stop()
        self.serve = nil
    }

    func stopServe() -> Int32 {
        defer { serve = nil }
        if ProcessInfo.processInfo.environment["WAIHU_KEEP_TEST_DATA"] != nil, let text = serve?.text {
            try? Data(text.utf8).write(to: URL(fileURLWithPath: dataDirectory + "/serve.log"))
        }
        return serve?.stop() ?? 0
    }

    func token(_ username: String, _ password: String) async throws -> String {
        let login = try await api.post("/api/v1/auth/login", ["username": username, "password": password])
        return try XCTUnwrap(login.json["token"] as? String, login.text)
    }

    /// A calling window open all day and short retry delays, so a test never waits for 09:00.
    static func plan(mode: String, extra: [String: Any] = [:]) -> [String: Any] {
        var plan: [String: Any] = [
            "mode": mode,
            "ring_timeout_seconds": 5,
            "gate": ["window": ["opens_at_minute": 0, "closes_at_minute": 1440, "holidays": [] as [Any]],
                     "attempts": ["max_attempts_per_lead": 3, "max_attempts_per_day": 3,
                                  "retry": ["busy": 2, "no_answer": 2, "machine": 2, "network_failure": 2]]],
        ]
        for (key, value) in extra { plan[key] = value }
        return plan
    }

    /// Polls the campaign until `done` says so or `timeout` passes; returns the last view.
    func waitForCampaign(_ id: Int, token: String, timeout: TimeInterval,
                         until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var view: [String: Any] = [:]
        while Date() < deadline {
            view = try await api.get("/api/v1/campaigns/\(id)", token: token).json
            if done(view) { return view }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        XCTFail("campaign \(id) did not get there in \(timeout) s: \(view)\n\(serve?.text.suffix(3000) ?? "")")
        return view
    }

    func shutdown() async {
        _ = stopServe()
        customers?.stop()
        try? await http.shutdown()
        if ProcessInfo.processInfo.environment["WAIHU_KEEP_TEST_DATA"] == nil { try? FileManager.default.removeItem(atPath: dataDirectory) }
    }
}

extension APIClient {
    func put(_ path: String, data: Data, contentType: String, token: String) async throws -> Reply {
        try await request(.PUT, path, token: token, body: data, headers: [("Content-Type", contentType)])
    }
}

/// A 8 kHz mono PCM WAV of a tone: the ad of the tests.
func adWAV(seconds: Double) throws -> Data {
    let path = NSTemporaryDirectory() + "waihu-ad-\(UUID().uuidString).wav"
    try TestTone.writeMonoWAV(TestTone.samples(frequency: 440, seconds: seconds, amplitude: 0.3), to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try Data(contentsOf: URL(fileURLWithPath: path))
}
