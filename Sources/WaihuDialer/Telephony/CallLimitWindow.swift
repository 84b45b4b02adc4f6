/// One pool's calls against its `CallLimit`: how many are up (or about to be) and when the
/// latest ones started. Pure: the caller passes the time (seconds on any monotonic clock) and
/// waits as told; `TrunkAdmission` holds one per trunk and per campaign share.
///
/// Room and rate are asked apart: a call takes its place first (`reserve`), before its lead is
/// claimed, and counts its start (`start`) only when its INVITE is about to leave, so the rate
/// holds on the wire, not at some earlier moment.
public struct CallLimitWindow: Sendable, Equatable {
    public var limit: CallLimit
    /// Calls that hold a place: up, ringing, or about to be dialled.
    public private(set) var callsUp = 0
    /// Start times of the latest calls, oldest first; only as many as the rate looks back on.
    private var recentStarts: [Double] = []

    public init(limit: CallLimit) {
        self.limit = limit
    }

    /// Whether another call may take a place now; otherwise one must end first.
    public var hasRoom: Bool {
        limit.maxConcurrent.map { callsUp < $0 } ?? true
    }

    /// Nil when a call may start at `now`; otherwise the earliest time it may.
    public func nextStart(at now: Double) -> Double? {
        guard let (calls, seconds) = limit.startsPerStretch, recentStarts.count >= calls else { return nil }
        let due = recentStarts[recentStarts.count - calls] + seconds
        return due > now ? due : nil
    }

    /// A call takes a place (after `hasRoom`).
    public mutating func reserve() {
        callsUp += 1
    }

    /// The call's INVITE leaves at `now` (after `nextStart(at:)` said nil).
    public mutating func start(at now: Double) {
        recentStarts.append(now)
        let keep = limit.startsPerStretch?.calls ?? 0
        if recentStarts.count > keep { recentStarts.removeFirst(recentStarts.count - keep) }
    }

    /// A call of this pool ended, or gave its place back unplaced.
    public mutating func end() {
        callsUp = max(0, callsUp - 1)
    }
}
