import Foundation

/// `waihu serve` run by the bench as a child process (this same executable), on loopback.
struct BenchServe {
    let process: Process
    let log: String
    let sipPort: Int

    static func start(storage: [String], httpPort: Int, rtpPorts: String, log: String) async throws -> BenchServe {
        let executable = Bundle.main.executablePath ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WAIHU_ADMIN_PASSWORD")
        let process = try BenchChild.start(executable, ["serve", "--http-port", String(httpPort), "--sip-port", "0",
                                                        "--rtp-ports", rtpPorts, "--log-level", "warning"] + storage,
                                           log: log, environment: environment)
        let listening = try NSRegularExpression(pattern: #"SIP listening on udp 127\.0\.0\.1:(\d+)"#)
        let deadline = Date().addingTimeInterval(120)
        var sipPort: Int?
        while Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if sipPort == nil, let match = listening.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range(at: 1), in: text) {
                sipPort = Int(text[range])
            }
            if let sipPort, await httpAnswers(port: httpPort) {
                return BenchServe(process: process, log: log, sipPort: sipPort)
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        BenchChild.stop(process)
        throw BenchCampaignError.serveDidNotStart(String(((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").suffix(3000)))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    private static func httpAnswers(port: Int) async -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }

    /// A TCP port nobody listens on right now (bind port 0 on loopback).
    static func freePort(udp: Bool = false) -> Int {
        let fd = socket(AF_INET, Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func stop() { BenchChild.stop(process, grace: 15) }
}
