/// The agents a voice-broadcast call can be put through to when the customer presses 1.
/// Claiming takes an agent out of the pool until released, so two callers never reach
/// the same phone.
public protocol TransferAgentPool: Sendable {
    /// The extension of a free agent's registered phone, or nil when all are busy.
    func claimAgent() async -> String?
    func releaseAgent(_ phoneExtension: String) async
}

/// A fixed set of phones, each free or busy.
public actor FixedTransferAgents: TransferAgentPool {
    private var free: [String]

    public init(_ extensions: [String]) {
        free = extensions
    }

    public func claimAgent() -> String? {
        free.isEmpty ? nil : free.removeFirst()
    }

    public func releaseAgent(_ phoneExtension: String) {
        if !free.contains(phoneExtension) { free.append(phoneExtension) }
    }
}
