import XCTest
@testable import WaihuServer

final class HealthAndMetricsTests: XCTestCase {
    func testHealthzAndMetricsAnswerWithoutCredentials() async throws {
        try await TestServer.with { server in
            let health = try await server.request(.GET, "/healthz")
            XCTAssertEqual(health.status, 200)
            XCTAssertEqual(health.json["status"] as? String, "ok")
            XCTAssertEqual(health.json["database"] as? String, "ok")

            _ = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": "wrong-one"])
            let metrics = try await server.request(.GET, "/metrics")
            XCTAssertEqual(metrics.status, 200)
            XCTAssertTrue(metrics.headers["Content-Type"].first?.hasPrefix("text/plain") ?? false)
            XCTAssertTrue(metrics.text.contains("# TYPE waihu_logins_total counter"), metrics.text)
            XCTAssertTrue(metrics.text.contains("waihu_logins_total{result=\"failed\"}"), metrics.text)
            XCTAssertTrue(metrics.text.contains("http_requests_total"), metrics.text)
        }
    }
}
