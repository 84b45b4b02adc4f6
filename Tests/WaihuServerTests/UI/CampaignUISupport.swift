import AsyncHTTPClient
import Foundation
import NIOCore
import XCTest

/// Set-up shared by the campaign page and agent desk tests.
enum CampaignUISupport {
    /// Three renewal leads, in the header words a branch office uses.
    static let leadsCSV = """
    客户名称,手机号码,车牌号,车型,到期日
    钱多多,13900139001,沪A-10001,大众朗逸,2026-12-20
    孙悟空,13900139002,沪A-10002,本田雅阁,2026-12-21
    周小妹,13900139003,沪A-10003,丰田卡罗拉,2026-12-22

    """

    static let oneLeadCSV = "客户名称,手机号码,车牌号,车型,到期日\n钱多多,13900139001,沪A-10001,大众朗逸,2026-12-20\n"

    /// Today in the call center's zone (Asia/Shanghai), as the reports name days.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// Logs a user in through the page's login form.
    static func logIn(_ browser: Browser, _ baseURL: String, _ username: String, _ password: String) async throws {
        try await browser.open(baseURL + "/")
        try await browser.type("#login-username", username)
        try await browser.type("#login-password", password)
        try await browser.click("#login-submit")
        try await browser.element("#logout:not([hidden])")
    }
}

/// `waihu serve` with its SIP engine and campaign runners, set up first with the CLI as an
/// installer would (users, team, phone, trunk, lead lists), and an HTTP client for its API.
final class ServedWaihu: @unchecked Sendable {
    let serve: ServeProcess
    let baseURL: String
    let sipPort: Int
    let dataDirectory: String
    let http: HTTPClient
    var api: APIClient { APIClient(baseURL: baseURL, client: http) }

    /// Runs each `waihu` command of `setup` (arguments, standard input) on a fresh database, then serve.
    static func start(setup: [([String], String?)], files: [String: String] = [:], rtpPorts: String) async throws -> ServedWaihu {
        let dataDirectory = NSTemporaryDirectory() + "waihu-campaign-ui-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        var storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        for (name, contents) in files {
            try contents.write(toFile: dataDirectory + "/" + name, atomically: true, encoding: .utf8)
        }
        for (arguments, stdin) in setup {
            let resolved = arguments.map { $0.hasPrefix("@") ? dataDirectory + "/" + $0.dropFirst() : $0 }
            let result = try WaihuExecutable.run(resolved + storage, stdin: stdin)
            XCTAssertEqual(result.status, 0, "waihu \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let httpPort = freeLoopbackPort()
        // --access-log: the desktop test counts the page's reads of its desk in serve's log.
        let serve = try ServeProcess(arguments: ["serve", "--http-port", String(httpPort), "--sip-port", "0", "--rtp-ports", rtpPorts,
                                                 "--access-log"] + storage)
        do {
            let sipPortText = try await serve.waitFor(#"SIP listening on udp 127\.0\.0\.1:(\d+)"#)
            _ = try await serve.waitFor("Server started")
            return ServedWaihu(serve: serve, baseURL: "http://127.0.0.1:\(httpPort)", sipPort: Int(sipPortText) ?? 0,
                               dataDirectory: dataDirectory)
        } catch {
            _ = serve.stop()
            throw error
        }
    }

    private init(serve: ServeProcess, baseURL: String, sipPort: Int, dataDirectory: String) {
        self.serve = serve
        self.baseURL = baseURL
        self.sipPort = sipPort
        self.dataDirectory = dataDirectory
        self.http = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    func login(_ username: String, _ password: String) async throws -> String {
        let reply = try await api.post("/api/v1/auth/login", ["username": username, "password": password])
        guard let token = reply.json["token"] as? String else {
            throw TestFailure("login \(username): \(reply.status) \(reply.text)")
        }
        return token
    }

    /// Stops serve (it must exit cleanly) and removes its data.
    @discardableResult
    func stop() async -> Int32 {
        try? await http.shutdown()
        let status = serve.stop()
        try? FileManager.default.removeItem(atPath: dataDirectory)
        return status
    }

    /// Runs `body` with a served waihu and a browser, always cleaning both up; on a failure
    /// it keeps a screenshot and prints serve's output.
    static func with(setup: [([String], String?)], files: [String: String] = [:], rtpPorts: String, screenshot: String,
                     _ body: (ServedWaihu, Browser) async throws -> Void) async throws {
        guard Browser.available else { throw XCTSkip("chromium and chromium-driver are not installed") }
        let served = try await start(setup: setup, files: files, rtpPorts: rtpPorts)
        let browser: Browser
        do { browser = try await Browser.launch() } catch {
            await served.stop()
            throw error
        }
        do {
            try await body(served, browser)
        } catch {
            try? await browser.screenshot(to: NSTemporaryDirectory() + screenshot)
            print("waihu serve output:\n\(served.serve.text.suffix(6000))")
            await browser.quit()
            await served.stop()
            throw error
        }
        await browser.quit()
        let status = await served.stop()
        XCTAssertEqual(status, 0, "waihu serve stops cleanly: \(served.serve.text.suffix(3000))")
    }
}
