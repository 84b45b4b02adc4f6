import Foundation
import XCTest

/// `waihu campaign create --plan` and `waihu campaign prompt` as a team leader runs them.
final class CampaignCommandTests: XCTestCase {
    private var folder = ""
    private var storage: [String] = []

    override func setUp() async throws {
        folder = NSTemporaryDirectory() + "waihu-campaign-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        storage = ["--data-dir", folder]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        try Data("姓名,联系电话\n张三,13800138000\n李四,13800138001\n".utf8).write(to: URL(fileURLWithPath: folder + "/leads.csv"))
        try run(["leads", "import", folder + "/leads.csv", "--batch", "赠险名单", "--source", "测试来源"])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The ad is 3 s and the abandoned-call message 1.5 s: each upload prints its own length.
    func testPromptPrintsTheLengthOfWhatItStored() throws {
        try wav(seconds: 3).write(to: URL(fileURLWithPath: folder + "/ad.wav"))
        try wav(seconds: 1.5).write(to: URL(fileURLWithPath: folder + "/sorry.wav"))
        try run(["campaign", "create", "赠险群呼", "--mode", "broadcast", "--batch", "赠险名单"])

        let ad = try run(["campaign", "prompt", "赠险群呼", folder + "/ad.wav"])
        XCTAssertTrue(ad.contains("prompt stored (3.0 s)"), ad)
        let sorry = try run(["campaign", "prompt", "赠险群呼", folder + "/sorry.wav", "--abandon"])
        XCTAssertTrue(sorry.contains("abandoned-call message stored (1.5 s)"), sorry)
        XCTAssertFalse(sorry.contains("3.0 s"), sorry)
        // The ad is still the campaign's prompt.
        let shown = try run(["campaign", "show", "赠险群呼"])
        XCTAssertTrue(shown.contains("\"prompt_seconds\" : 3"), shown)
    }

    /// A plan file is snake_case at every level; a key it does not know is refused by name.
    func testAPlanFileWithAnUnknownKeyIsRefusedByName() throws {
        let plan = folder + "/plan.json"
        try Data(#"{"mode":"preview","gate":{"window":{"opensAtMinute":540}}}"#.utf8).write(to: URL(fileURLWithPath: plan))
        let refused = try WaihuExecutable.run(["campaign", "create", "续保", "--batch", "赠险名单", "--plan", plan] + storage)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("plan: unknown key 'gate.window.opensAtMinute'"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("did you mean 'gate.window.opens_at_minute'?"), refused.stderr)

        try Data(#"{"mode":"preview","callback_grace_minutes":5,"gate":{"window":{"opens_at_minute":600}}}"#.utf8)
            .write(to: URL(fileURLWithPath: plan))
        try run(["campaign", "create", "续保", "--batch", "赠险名单", "--plan", plan])
        let shown = try run(["campaign", "show", "续保"])
        XCTAssertTrue(shown.contains("\"opens_at_minute\" : 600"), shown)
        XCTAssertTrue(shown.contains("callback_grace_minutes"), shown)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try WaihuExecutable.run(arguments + storage)
        XCTAssertEqual(result.status, 0, "waihu \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// 8 kHz mono PCM16 silence of this length.
    private func wav(seconds: Double) -> Data {
        func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        let samples = Data(count: Int(8000 * seconds) * 2)
        return Data("RIFF".utf8) + le32(UInt32(36 + samples.count)) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(8000) + le32(16000) + le16(2) + le16(16) + Data("data".utf8) + le32(UInt32(samples.count)) + samples
    }
}
