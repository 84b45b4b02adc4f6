/// The legal limit on abandoned calls (呼损率上限): a customer answers and no agent takes the call
/// within the connect grace; that customer hears a short recorded message and the call ends.
public struct AbandonCap: Codable, Sendable, Equatable {
    /// Allowed abandons as a fraction of live-answered calls, per campaign per day (and per 30 days).
    public var rate: Double
    /// Seconds a live answer may wait for an agent before it counts as abandoned.
    public var connectGrace: Double

    /// The highest cap an administrator may configure.
    public static let maximumRate = 0.05

    public init(rate: Double = 0.03, connectGrace: Double = 2) throws {
        guard rate.isFinite, rate >= 0, rate <= Self.maximumRate else { throw AbandonCapError.rateOutOfRange(rate) }
        guard connectGrace.isFinite, connectGrace >= 0 else { throw AbandonCapError.negativeGrace(connectGrace) }
        self.rate = rate
        self.connectGrace = connectGrace
    }

    public static let standard = try! AbandonCap()

    private enum CodingKeys: String, CodingKey, CaseIterable { case rate, connectGrace = "connect_grace" }

    /// Either part may be left out of a campaign's JSON (3 %, 2 s). Not checked here: a cap
    /// out of range is reported by `CampaignPlan.problems`, naming the field.
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rate = try c.decodeIfPresent(Double.self, forKey: .rate) ?? Self.standard.rate
        connectGrace = try c.decodeIfPresent(Double.self, forKey: .connectGrace) ?? Self.standard.connectGrace
    }

    /// Whether a live answer that waited `secondsWaiting` without an agent is an abandon.
    public func isAbandon(secondsWaiting: Double) -> Bool {
        secondsWaiting > connectGrace
    }

    /// Abandons still allowed given the counts so far (may be negative once the cap is exceeded).
    public func remainingAbandons(abandons: Double, liveAnswers: Int) -> Double {
        remainingAbandons(abandons: abandons, liveAnswers: Double(liveAnswers))
    }

    /// The same for answers that are partly expected rather than counted (a warm start's opening window).
    public func remainingAbandons(abandons: Double, liveAnswers: Double) -> Double {
        rate * liveAnswers - abandons
    }
}

public enum AbandonCapError: Error, Equatable, CustomStringConvertible {
    case rateOutOfRange(Double)
    case negativeGrace(Double)

    public var description: String {
        switch self {
        case let .rateOutOfRange(r):
            return "The abandon cap must be between 0 % and 5 % of live answers (got \(r * 100) %)."
        case let .negativeGrace(g):
            return "The connect grace must be 0 seconds or more (got \(g))."
        }
    }
}
