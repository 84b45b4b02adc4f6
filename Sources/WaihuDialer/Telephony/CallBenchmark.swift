import Foundation
import WaihuMedia
import WaihuSIP

/// `waihu bench calls`: N concurrent bridged and recorded G.711 calls through the
/// engine on loopback, with SIPp at both ends (customer and agent, both `-sn uas
/// -rtp_echo`, so RTP flows both ways for the whole call). Measures the engine's own
/// process: CPU and memory per call while all calls are up, RTP packets lost or late,
/// and call set-up latency (INVITE to answer, and to the bridge being up).
public enum CallBenchmark {
    public struct Parameters: Sendable {
        public var concurrentCalls: Int
        /// How long all calls stay up together (the measuring window).
        public var seconds: Int
        /// New calls per second while ramping up.
        public var rampRate: Int
        public var sippPath: String
        /// Where recordings go while the benchmark runs; they are deleted at the end.
        public var workDirectory: URL
        public var rtpPorts: ClosedRange<Int>

        public init(concurrentCalls: Int, seconds: Int = 60, rampRate: Int = 50, sippPath: String = "/usr/bin/sipp",
                    workDirectory: URL = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-bench-calls"),
                    rtpPorts: ClosedRange<Int> = 20000...29999) {
            self.concurrentCalls = concurrentCalls
            self.seconds = seconds
            self.rampRate = rampRate
            self.sippPath = sippPath
            self.workDirectory = workDirectory
            self.rtpPorts = rtpPorts
        }
    }

    public enum BenchmarkError: Error, CustomStringConvertible {
        case sippMissing(String)
        case invalid(String)
        case sippFailed(String)

        public var description: String {
            switch self {
            case .sippMissing(let path): return "SIPp is not installed at \(path) (apt-get install sip-tester)"
            case .invalid(let reason): return reason
            case .sippFailed(let reason): return "SIPp did not start: \(reason)"
            }
        }
    }

    public static func run(_ parameters: Parameters, progress: @Sendable (String) -> Void = { _ in }) async throws -> CallBenchmarkReport {
        guard FileManager.default.isExecutableFile(atPath: parameters.sippPath) else {
            throw BenchmarkError.sippMissing(parameters.sippPath)
        }
        guard parameters.concurrentCalls > 0, parameters.seconds > 0 else {
            throw BenchmarkError.invalid("--concurrent and --seconds must be at least 1")
        }
        guard (parameters.rtpPorts.count / 2) >= parameters.concurrentCalls * 2 else {
            throw BenchmarkError.invalid("the RTP range \(parameters.rtpPorts) is too small for \(parameters.concurrentCalls) bridged calls")
        }
        try? FileManager.default.removeItem(at: parameters.workDirectory)
        try FileManager.default.createDirectory(at: parameters.workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parameters.workDirectory) }

        // SIPp takes port, port+2 (audio) and port+4 (video) for each UAS.
        let customerPort = Int.random(in: 5100...5900) & ~1
        let agentPort = customerPort + 10
        let customer = try startUAS(parameters, port: customerPort, name: "customer")
        let agent = try startUAS(parameters, port: agentPort, name: "agent")
        defer {
            // SIPp ignores SIGTERM while calls are up.
            kill(customer.processIdentifier, SIGKILL)
            kill(agent.processIdentifier, SIGKILL)
        }
        try await Task.sleep(nanoseconds: 500_000_000)
        guard customer.isRunning, agent.isRunning else {
            let logs = ["customer", "agent"].compactMap {
                try? String(contentsOf: parameters.workDirectory.appendingPathComponent("sipp-\($0).log"), encoding: .utf8)
            }
            throw BenchmarkError.sippFailed(logs.joined(separator: "\n").suffix(1500).description)
        }

        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0,
                                                                            rtpPorts: parameters.rtpPorts))
        let baseline = ProcessUsage.now()
        progress("placing \(parameters.concurrentCalls) bridged calls at \(parameters.rampRate)/s")

        // Ramp up: each call is customer leg, answer, agent leg, answer, bridge.
        let calls = try await withThrowingTaskGroup(of: BenchmarkCall?.self) { group in
            for index in 0..<parameters.concurrentCalls {
                group.addTask {
                    try await placeBridgedCall(engine: engine, index: index, customerPort: customerPort, agentPort: agentPort,
                                               directory: parameters.workDirectory)
                }
                try await Task.sleep(nanoseconds: UInt64(1_000_000_000 / max(1, parameters.rampRate)))
            }
            var calls: [BenchmarkCall] = []
            for try await call in group { if let call { calls.append(call) } }
            return calls
        }
        progress("\(calls.count) calls up; measuring for \(parameters.seconds) s")

        // The window: every call up, nothing else happening.
        let bridges = calls.map { call in Task { try await CallBridge(customer: call.customer, agent: call.agent).run() } }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let windowStart = ProcessUsage.now()
        let statsStart = await statistics(of: calls)
        try await Task.sleep(nanoseconds: UInt64(parameters.seconds) * 1_000_000_000)
        let windowEnd = ProcessUsage.now()
        let statsEnd = await statistics(of: calls)

        for call in calls { call.customer.hangUp() }
        for bridge in bridges { _ = try? await bridge.value }
        try await engine.shutdown()

        let received = statsEnd.packetsReceived - statsStart.packetsReceived
        let lost = statsEnd.packetsLost - statsStart.packetsLost
        let late = statsEnd.packetsLate - statsStart.packetsLate
        let wall = windowEnd.wall - windowStart.wall
        let cpu = windowEnd.cpuSeconds - windowStart.cpuSeconds
        let setups = calls.map(\.answerLatency).sorted()
        let bridgeSetups = calls.map(\.bridgeLatency).sorted()
        return CallBenchmarkReport(
            concurrentCalls: parameters.concurrentCalls, callsUp: calls.count, seconds: wall,
            cpuPercentPerCall: calls.isEmpty ? 0 : cpu / wall * 100 / Double(calls.count),
            cpuPercentTotal: cpu / wall * 100,
            memoryPerCallKiB: calls.isEmpty ? 0 : Double(windowEnd.residentKiB - baseline.residentKiB) / Double(calls.count),
            packetsReceived: received, packetsLost: lost, packetsLate: late,
            answerLatencyMilliseconds: Percentiles(setups), bridgeLatencyMilliseconds: Percentiles(bridgeSetups))
    }

    struct BenchmarkCall: Sendable {
        let customer: CallLeg
        let agent: CallLeg
        let answerLatency: Double
        let bridgeLatency: Double
    }

    static func placeBridgedCall(engine: TelephonyEngine, index: Int, customerPort: Int, agentPort: Int,
                                 directory: URL) async throws -> BenchmarkCall? {
        let start = ContinuousClock.now
        let customer = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: "1380000\(String(format: "%04d", index))", host: "127.0.0.1", port: customerPort, credentials: nil),
            callerID: "10086", ringTimeout: .seconds(10),
            recordingPath: directory.appendingPathComponent("call-\(index).wav").path))
        guard await customer.waitUntilAnswered() else { return nil }
        let answered = ContinuousClock.now
        let agent = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: "agent\(index)", host: "127.0.0.1", port: agentPort, credentials: nil),
            callerID: "1380000\(index)", ringTimeout: .seconds(10)), alongside: customer)
        guard await agent.waitUntilAnswered() else {
            customer.hangUp()
            return nil
        }
        return BenchmarkCall(customer: customer, agent: agent,
                             answerLatency: milliseconds(start.duration(to: answered)),
                             bridgeLatency: milliseconds(start.duration(to: .now)))
    }

    static func statistics(of calls: [BenchmarkCall]) async -> RTPSessionStatistics {
        var total = RTPSessionStatistics()
        for call in calls {
            total = total + (await call.customer.statistics()) + (await call.agent.statistics())
        }
        return total
    }

    static func startUAS(_ parameters: Parameters, port: Int, name: String) throws -> Process {
        let log = parameters.workDirectory.appendingPathComponent("sipp-\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: parameters.sippPath)
        process.arguments = ["-sn", "uas", "-rtp_echo", "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(port + 2)",
                             "-nostdin", "-l", "100000", "-max_socket", "60000"]
        process.currentDirectoryURL = parameters.workDirectory
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
