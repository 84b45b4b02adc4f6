/// Identifies a transaction for matching (RFC 3261 §17.1.3 and §17.2.3): the top Via
/// branch and sent-by, plus the method, with ACK matching its INVITE's transaction.
public struct SIPTransactionKey: Sendable, Hashable, CustomStringConvertible {
    public var branch: String
    public var sentBy: String
    public var method: SIPMethod

    public init(branch: String, sentBy: String, method: SIPMethod) {
        self.branch = branch
        self.sentBy = sentBy.lowercased()
        self.method = method == .ack ? .invite : method
    }

    /// Key of the server transaction an incoming request belongs to; `nil` when the
    /// top Via lacks an RFC 3261 branch (pre-3261 peers are not supported).
    public static func server(for request: SIPRequest) -> SIPTransactionKey? {
        guard let via = request.topVia, let branch = via.branch, branch.hasPrefix(Via.magicCookie) else { return nil }
        return SIPTransactionKey(branch: branch, sentBy: via.sentBy, method: request.method)
    }

    /// Key of the client transaction a response belongs to: branch plus CSeq method.
    /// The sent-by is ours, so it is left out of client matching.
    public static func client(for response: SIPResponse) -> SIPTransactionKey? {
        guard let via = response.topVia, let branch = via.branch, let cseq = response.cseq else { return nil }
        return SIPTransactionKey(branch: branch, sentBy: "", method: cseq.method)
    }

    public static func client(for request: SIPRequest) -> SIPTransactionKey? {
        guard let branch = request.topVia?.branch else { return nil }
        return SIPTransactionKey(branch: branch, sentBy: "", method: request.method)
    }

    public var description: String { "\(method) \(branch) \(sentBy)" }
}
