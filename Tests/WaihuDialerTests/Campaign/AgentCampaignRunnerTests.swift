import Foundation
import XCTest
import WaihuDomain
import WaihuMedia
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// Agent campaigns over real peers on loopback: SIPp customers answer, a baresip phone
/// registered as 8001 is the agent. Progressive dialing connects each answered customer to
/// the agent, one call at a time, with a screen pop; when the pacer over-dials, customers
/// nobody takes within the grace are abandoned and hear the recorded message.
final class AgentCampaignRunnerTests: XCTestCase {
    actor Log {
        var results: [CampaignCallResult] = []
        var pops: [ScreenPop] = []
        func add(_ result: CampaignCallResult) { results.append(result) }
        func add(_ pop: ScreenPop) { pops.append(pop) }
    }

    private static var listenScenario: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios/uas_listen_hangup.xml").path
    }

    private func startEngineWithAgent(rtp: ClosedRange<Int>) async throws -> (TelephonyEngine, BaresipPhone) {
        try PeerProcess.require("/usr/bin/sipp")
        let engine = try await TelephonyEngine.start(
            TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: rtp, trustedHosts: ["127.0.0.1"]),
            phones: StaticPhoneDirectory(["8001": "secret8001"]))
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: engine.sipEndpoint.port,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 40, amplitude: 0.4))
        var binding: RegistrarBinding?
        for _ in 0..<150 where binding == nil {
            binding = await engine.registration(ofExtension: "8001")
            if binding == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        XCTAssertNotNil(binding, "baresip did not register: \(phone.process.output)")
        return (engine, phone)
    }

    func testProgressiveConnectsEachAnsweredCustomerToTheReadyAgentOneAtATime() async throws {
        let (engine, phone) = try await startEngineWithAgent(rtp: 31300...31399)
        defer { phone.stop() }
        let port = SharedPeers.peerPort()
        let customers = try SharedPeers.sippCustomer(Self.listenScenario, port: port,
                                                     variables: ["ring_ms": "300", "talk_ms": "2500"], calls: 2)
        defer { customers.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let log = Log()
        let leads = [CampaignLead(id: 1, number: "13800138001"), CampaignLead(id: 2, number: "13800138002")]
        let holder = RunnerHolder()
        let runner = AgentCampaignRunner(
            engine: engine, settings: AgentCampaignSettings(callerID: "10086", ringTimeout: .seconds(5)),
            pacer: ProgressivePacer(), queue: FixedLeadQueue(leads),
            route: { .trunk(number: $0.number, host: "127.0.0.1", port: port, credentials: nil) },
            onScreenPop: { await log.add($0) },
            onResult: { result in
                await log.add(result)
                // The agent saves the disposition; then the next customer may come.
                if let agent = result.agentPhone { await holder.runner?.dispositionSaved(phone: agent) }
            })
        await holder.set(runner)
        await runner.login(phone: "8001")
        try await runner.ready(phone: "8001")
        try await runner.run()

        let results = await log.results
        XCTAssertEqual(results.map(\.lead.id), [1, 2])
        for result in results {
            XCTAssertEqual(result.customer.outcome, .answered)
            XCTAssertEqual(result.agentPhone, "8001", phone.process.output)
            XCTAssertFalse(result.abandoned)
            XCTAssertGreaterThan(result.talkSeconds, 1.2, "connected until the customer hung up 2.5 s after answering")
            XCTAssertLessThan(result.talkSeconds, 3.2)
        }
        XCTAssertGreaterThanOrEqual(results[1].placedAt.timeIntervalSince(results[0].endedAt), -0.05,
                                    "progressive dialing with one agent never has two customers at once")
        let pops = await log.pops
        XCTAssertEqual(pops, leads.map { ScreenPop(agentPhone: "8001", lead: $0) })
        let state = await runner.state(ofPhone: "8001")
        XCTAssertEqual(state, .ready)
        let exit = await customers.waitForExit(seconds: 15)
        XCTAssertEqual(exit, 0, customers.output)
        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        try await engine.shutdown()
    }

    func testCustomersNobodyTakesWithinTheGraceAreAbandonedAndHearTheMessage() async throws {
        let (engine, phone) = try await startEngineWithAgent(rtp: 31400...31499)
        defer { phone.stop() }
        let port = SharedPeers.peerPort()
        let customers = try SharedPeers.sippCustomer(Self.listenScenario, port: port,
                                                     variables: ["ring_ms": "300", "talk_ms": "6000"], calls: 3)
        defer { customers.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)

        let log = Log()
        let leads = (1...3).map { CampaignLead(id: Int64($0), number: "1390013900\($0)") }
        let message = WAVFile(encoding: .pcm16, samples: TestTone.samples(frequency: 600, seconds: 1.5))
        let settings = AgentCampaignSettings(callerID: "10086", ringTimeout: .seconds(5), connectGrace: .seconds(1),
                                             abandonMessage: message, wrapUpLimit: .seconds(3))
        let holder = RunnerHolder()
        let wrapUp = Log()
        // Three calls for one ready agent: two customers must be abandoned.
        let runner = AgentCampaignRunner(
            engine: engine, settings: settings, pacer: try FixedRatioPacer(ratio: 3), queue: FixedLeadQueue(leads),
            route: { .trunk(number: $0.number, host: "127.0.0.1", port: port, credentials: nil) },
            onResult: { result in
                await log.add(result)
                if result.agentPhone != nil, await holder.runner?.state(ofPhone: "8001") == .wrapUp { await wrapUp.add(result) }
            })
        await holder.set(runner)
        await runner.login(phone: "8001")
        try await runner.ready(phone: "8001")
        try await runner.run()

        let results = await log.results
        XCTAssertEqual(results.count, 3)
        XCTAssertEqual(results.filter { $0.agentPhone == "8001" }.count, 1, phone.process.output)
        let abandoned = results.filter(\.abandoned)
        XCTAssertEqual(abandoned.count, 2)
        for result in abandoned {
            XCTAssertEqual(result.customer.outcome, .answered)
            XCTAssertNil(result.agentPhone)
            XCTAssertEqual(result.customer.listenedSeconds, 1.5, accuracy: 0.3, "the abandoned customer heard the whole message")
        }
        let inWrapUp = await wrapUp.results.count
        XCTAssertEqual(inWrapUp, 1, "after the call the agent is in wrap-up")
        let state = await runner.state(ofPhone: "8001")
        XCTAssertEqual(state, .ready, "wrap-up ends by itself at its limit when no disposition comes")
        let counters = await engine.counters()
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        try await engine.shutdown()
    }
}

/// Lets the result callback reach the runner it belongs to.
actor RunnerHolder {
    var runner: AgentCampaignRunner?
    func set(_ runner: AgentCampaignRunner) { self.runner = runner }
}
