import AsyncHTTPClient
import Foundation
import NIOCore
import XCTest

/// Headless Chromium driven through chromedriver's WebDriver protocol (Debian's
/// chromium and chromium-driver), so UI tests click and type like a user.
final class Browser: @unchecked Sendable {
    private let driver: Process
    private let http: HTTPClient
    private let driverURL: String
    private let sessionID: String
    private let profile: String

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }

    static func launch() async throws -> Browser {
        guard available else { throw XCTSkip("chromium and chromium-driver are not installed (scripts/install-deps.sh test)") }
        let port = freeLoopbackPort()
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let url = "http://127.0.0.1:\(port)"
        let profile = NSTemporaryDirectory() + "waihu-chromium-" + UUID().uuidString
        do {
            for _ in 0..<100 {
                if (try? await Self.call(http, .GET, url + "/status", nil)) != nil { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": [
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=\(profile)"],
                ],
            ]]]
            let session = try await Self.call(http, .POST, url + "/session", capabilities)
            guard let id = (session as? [String: Any])?["sessionId"] as? String else {
                throw TestFailure("chromedriver gave no session: \(String(describing: session))")
            }
            return Browser(driver: driver, http: http, driverURL: url, sessionID: id, profile: profile)
        } catch {
            driver.terminate()
            try? await http.shutdown()
            throw error
        }
    }

    private init(driver: Process, http: HTTPClient, driverURL: String, sessionID: String, profile: String) {
        self.driver = driver
        self.http = http
        self.driverURL = driverURL
        self.sessionID = sessionID
        self.profile = profile
    }

    func quit() async {
        _ = try? await command(.DELETE, "")
        driver.terminate()
        waitForExit(driver, timeout: 5)
        try? await http.shutdown()
        try? FileManager.default.removeItem(atPath: profile)
    }

    func open(_ url: String) async throws {
        _ = try await command(.POST, "/url", ["url": url])
    }

    /// Waits up to `timeout` seconds for an element matching the CSS selector.
    @discardableResult
    func element(_ selector: String, timeout: TimeInterval = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: Error?
        while Date() < deadline {
            do {
                let value = try await command(.POST, "/element", ["using": "css selector", "value": selector])
                if let object = value as? [String: Any], let id = object.values.first as? String { return id }
            } catch { lastError = error }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw BrowserError.notFound(selector, lastError.map { "\($0)" } ?? "")
    }

    func exists(_ selector: String) async throws -> Bool {
        let value = try await script("return document.querySelector(arguments[0]) !== null", [selector])
        return value as? Bool ?? false
    }

    func type(_ selector: String, _ text: String) async throws {
        let id = try await element(selector)
        _ = try await command(.POST, "/element/\(id)/clear", [:])
        _ = try await command(.POST, "/element/\(id)/value", ["text": text])
    }

    func click(_ selector: String) async throws {
        let id = try await element(selector)
        _ = try await command(.POST, "/element/\(id)/click", [:])
    }

    func text(_ selector: String) async throws -> String {
        let id = try await element(selector)
        return try await command(.GET, "/element/\(id)/text") as? String ?? ""
    }

    /// Waits until the element's text contains `expected`.
    func waitForText(_ selector: String, containing expected: String, timeout: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = ""
        while Date() < deadline {
            seen = (try? await text(selector)) ?? ""
            if seen.contains(expected) { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw BrowserError.textNotFound(selector, expected, seen)
    }

    func script(_ source: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command(.POST, "/execute/sync", ["script": source, "args": arguments])
    }

    /// A PNG of the page, saved where the test says.
    func screenshot(to path: String) async throws {
        let base64 = try await command(.GET, "/screenshot") as? String ?? ""
        try Data(base64Encoded: base64)?.write(to: URL(fileURLWithPath: path))
    }

    private func command(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(http, method, driverURL + "/session/\(sessionID)" + path, body)
    }

    private static func call(_ http: HTTPClient, _ method: HTTPMethod, _ url: String, _ body: [String: Any]?) async throws -> Any? {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 32 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: bytes), options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if response.status.code >= 400 {
            throw BrowserError.driver(Int(response.status.code), String(describing: value))
        }
        return value is NSNull ? nil : value
    }
}

enum BrowserError: Error, CustomStringConvertible {
    case driver(Int, String)
    case notFound(String, String)
    case textNotFound(String, String, String)

    var description: String {
        switch self {
        case .driver(let status, let value): return "chromedriver \(status): \(value)"
        case .notFound(let selector, let detail): return "no element \(selector) \(detail)"
        case .textNotFound(let selector, let expected, let seen): return "\(selector) never showed '\(expected)' (saw '\(seen)')"
        }
    }
}
