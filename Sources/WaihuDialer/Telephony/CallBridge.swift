import WaihuMedia

/// A customer and an agent phone talking through waihu (桥接): RTP relayed both ways,
/// transcoded PCMU↔PCMA when the legs negotiated different codecs, DTMF passed on,
/// and the customer leg's recording holding both voices (customer left, agent right).
/// Place the agent leg `alongside:` the customer leg so both share one event loop.
public struct CallBridge: Sendable {
    public let customer: CallLeg
    public let agent: CallLeg

    public init(customer: CallLeg, agent: CallLeg) {
        self.customer = customer
        self.agent = agent
    }

    /// Connects the two answered legs and returns once both have ended: when either
    /// side hangs up, the other is hung up too.
    public func run() async throws -> (customer: CallReport, agent: CallReport) {
        do {
            try await customer.session.bridge(with: agent.session)
        } catch {
            customer.hangUp()
            agent.hangUp()
            throw error
        }
        let customer = self.customer
        let agent = self.agent
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = await customer.waitUntilEnded() }
            group.addTask { _ = await agent.waitUntilEnded() }
            await group.next()
            customer.hangUp()
            agent.hangUp()
        }
        return (await customer.waitUntilEnded(), await agent.waitUntilEnded())
    }
}
