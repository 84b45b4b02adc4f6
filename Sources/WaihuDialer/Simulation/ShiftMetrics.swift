import WaihuDomain
/// The figures of one simulated shift under one pacer.
public struct ShiftMetrics: Codable, Sendable, Equatable {
    public var mode: DialMode
    /// 工时效率: talk time / logged-in time.
    public var talkOccupancy: Double
    /// (talk + wrap-up) / logged-in time.
    public var busyOccupancy: Double
    /// Seconds an agent waited between becoming ready and the next customer (呼叫间隔).
    public var meanWait: Double
    public var p90Wait: Double
    /// 呼损率: abandons / live answers.
    public var abandonRate: Double
    public var abandons: Int
    public var liveAnswers: Int
    public var contacts: Int
    public var dials: Int
    public var contactsPerAgentHour: Double
    public var dialsPerContact: Double
    public var loggedInHours: Double
}
