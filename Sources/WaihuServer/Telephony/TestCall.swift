import Foundation
import WaihuDialer
import WaihuSIP

/// 测试呼叫: calls a number through a trunk and, on answer, rings a registered agent
/// phone and bridges the two, recording both sides. The admin uses it to prove a trunk
/// and a phone before a campaign relies on them (`waihu call bridge`, the admin page).
struct TestCall: Sendable {
    var number: String
    var agentExtension: String
    var trunk: TrunkSnapshot
    var recordingPath: String?

    /// What the engine needs from a trunk row, read before the call so that the row
    /// can change meanwhile.
    struct TrunkSnapshot: Sendable {
        var name: String
        var host: String
        var port: Int
        var credentials: DigestCredentials?
        var callerID: String
        var ringTimeout: Int
        /// The trunk's limits, held across every campaign and test call through it.
        var pool: CallPool

        init(_ trunk: TrunkRecord) {
            name = trunk.name
            host = trunk.host
            port = trunk.port
            if let username = trunk.username, let password = trunk.password {
                credentials = DigestCredentials(username: username, password: password)
            }
            callerID = trunk.callerID.isEmpty ? "waihu" : trunk.callerID
            ringTimeout = trunk.ringTimeout
            pool = .trunk(trunk.name, maxConcurrent: trunk.maxConcurrent, maxPerSecond: trunk.maxPerSecond)
        }
    }

    struct Result: Sendable {
        var customer: CallReport
        /// The agent leg's report once it was placed.
        var agent: CallReport?
        /// Seconds from the customer's answer to the end of the call (0 when never answered).
        var talkSeconds: Double
    }

    func run(on engine: TelephonyEngine) async throws -> Result {
        var answeredAt: Date?
        func result(_ customer: CallReport, _ agent: CallReport?) -> Result {
            Result(customer: customer, agent: agent, talkSeconds: answeredAt.map { Date().timeIntervalSince($0) } ?? 0)
        }
        // Refuse before dialling the customer: a customer answered with no agent to talk to is a dropped call.
        guard await engine.registration(ofExtension: agentExtension) != nil else {
            throw TelephonyEngineError.phoneNotRegistered(agentExtension)
        }
        let customer = try await engine.placeCall(OutboundCallRequest(
            target: .trunk(number: number, host: trunk.host, port: trunk.port, credentials: trunk.credentials),
            callerID: trunk.callerID, ringTimeout: .seconds(trunk.ringTimeout), recordingPath: recordingPath,
            admission: CallAdmission(pools: [trunk.pool])))
        guard await customer.waitUntilAnswered() else {
            return result(await customer.waitUntilEnded(), nil)
        }
        answeredAt = Date()
        let agent: CallLeg
        do {
            agent = try await engine.placeCall(OutboundCallRequest(target: .phone(extension: agentExtension), callerID: number,
                                                                   ringTimeout: .seconds(trunk.ringTimeout)),
                                               alongside: customer)
        } catch {
            customer.hangUp()
            _ = await customer.waitUntilEnded()
            throw error
        }
        guard await agent.waitUntilAnswered() else {
            customer.hangUp()
            return result(await customer.waitUntilEnded(), await agent.waitUntilEnded())
        }
        let reports = try await CallBridge(customer: customer, agent: agent).run()
        return result(reports.customer, reports.agent)
    }
}
