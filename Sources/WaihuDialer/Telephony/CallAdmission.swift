/// A pool of calls held to one `CallLimit`, by name: a trunk (`trunk:电信`, shared by every
/// campaign and test call through it) or one campaign's own share of it.
public struct CallPool: Sendable, Equatable {
    public var name: String
    public var limit: CallLimit

    public init(name: String, limit: CallLimit) {
        self.name = name
        self.limit = limit
    }

    /// The pool of a trunk: its `max_concurrent` and `max_cps` hold across everything that uses it.
    public static func trunk(_ name: String, maxConcurrent: Int, maxPerSecond: Int) -> CallPool {
        CallPool(name: "trunk:" + name, limit: CallLimit(maxConcurrent: maxConcurrent, callsPerSecond: Double(maxPerSecond)))
    }
}

/// The pools a call to a customer counts against; it starts only when every one of them
/// allows it (`TrunkAdmission`), and counts in all of them until it ends.
public struct CallAdmission: Sendable, Equatable {
    public var pools: [CallPool]

    public init(pools: [CallPool]) {
        self.pools = pools
    }
}
