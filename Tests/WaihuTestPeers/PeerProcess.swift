import Foundation
import XCTest

/// A peer program (SIPp, baresip) run for one test, its output in a log file. Waits by
/// polling, never with `waitUntilExit` (which can hang a test run).
public final class PeerProcess: @unchecked Sendable {
    public let process = Process()
    public let log: URL

    public init(_ executable: String, _ arguments: [String], name: String, directory: URL? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-\(name)-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    public static func require(_ executable: String) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw XCTSkip("\(executable) is not installed")
        }
    }

    /// The exit status, or nil if still running after `seconds`.
    public func waitForExit(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 50_000_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    public var output: String { (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(3000)) } ?? "" }

    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }

    deinit { stop() }
}

/// The peer recipes in the project's `shared/peers/` beside the checkout.
public enum SharedPeers {
    public static func path(_ name: String) -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }  // Tests/WaihuTestPeers/PeerProcess.swift → beside the checkout
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/peers/\(name)").path
        return FileManager.default.fileExists(atPath: beside) ? beside : "/work/shared/peers/\(name)"
    }

    /// A SIPp customer phone (UAS) on `port`, RTP on `port + 2`, taking `calls` calls.
    /// `scenario` names a file in shared/peers, or is an absolute path.
    public static func sippCustomer(_ scenario: String, port: Int, variables: [String: String] = [:],
                             timeout: Int = 30, calls: Int = 1) throws -> PeerProcess {
        try PeerProcess.require("/usr/bin/sipp")
        let file = scenario.hasPrefix("/") ? scenario : path(scenario)
        var arguments = ["-sf", file, "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(port + 2)", "-m", "\(calls)",
                         "-nostdin", "-timeout", "\(timeout)s", "-timeout_error"]
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) { arguments += ["-set", name, value] }
        return try PeerProcess("/usr/bin/sipp", arguments, name: "sipp-\(port)", directory: FileManager.default.temporaryDirectory)
    }

    /// A free-ish even UDP port for a peer; tests run one at a time, and the range is
    /// away from the RTP ranges the tests give the engine.
    public static func peerPort() -> Int { Int.random(in: 20000...28999) & ~1 }
}
