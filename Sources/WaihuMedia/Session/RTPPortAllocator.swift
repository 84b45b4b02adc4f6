/// Hands out RTP ports from the configured range (e.g. 16000–16999), even numbers only
/// so that port+1 stays free for RTCP (RFC 3550 §11). Pure: the session that fails to
/// bind a port (another program holds it) just asks again.
public struct RTPPortAllocator: Sendable, Equatable {
    public let range: ClosedRange<Int>
    private var inUse: Set<Int> = []
    private var cursor: Int

    public init(range: ClosedRange<Int>) {
        self.range = range
        self.cursor = range.lowerBound + (range.lowerBound & 1)
    }

    /// Number of legs the range can carry at once.
    public var capacity: Int { (range.upperBound - (range.lowerBound + (range.lowerBound & 1))) / 2 + 1 }

    public var allocatedCount: Int { inUse.count }

    /// The next free even port after the last one given out (round robin, so a port
    /// just released is not reused at once and late packets of the old call miss it).
    public mutating func allocate() -> Int? {
        guard inUse.count < capacity else { return nil }
        let first = range.lowerBound + (range.lowerBound & 1)
        for _ in 0..<capacity {
            let port = cursor
            cursor += 2
            if cursor > range.upperBound { cursor = first }
            if !inUse.contains(port) {
                inUse.insert(port)
                return port
            }
        }
        return nil
    }

    public mutating func release(_ port: Int) {
        inUse.remove(port)
    }
}
