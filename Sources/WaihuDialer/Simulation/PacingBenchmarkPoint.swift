/// One row of the pacing benchmark: many shifts at one (agents, answer probability) point.
public struct PacingBenchmarkPoint: Codable, Sendable, Equatable {
    public var agents: Int
    public var answerProbability: Double
    public var shifts: Int
    /// Means over the shifts, predictive pacer.
    public var busyOccupancy: Double
    public var talkOccupancy: Double
    public var meanWait: Double
    public var p90Wait: Double
    public var abandonRate: Double
    public var maxShiftAbandonRate: Double
    public var contactsPerAgentHour: Double
    public var dialsPerContact: Double
    /// Mean busy occupancy of progressive dialling on the same seeds.
    public var progressiveBusyOccupancy: Double
    /// Shifts whose abandon rate exceeded the cap.
    public var shiftsOverCap: Int
    /// Shifts where predictive was below progressive on the same seed.
    public var shiftsBelowProgressive: Int
    /// The optimum-derived busy occupancy the issue states for this point, if any.
    public var targetBusyOccupancy: Double?
    /// Within 1.5 points of the target (nil where no target is stated).
    public var meetsOccupancyTarget: Bool?
    /// The cap was exceeded in fewer than 5 % of shifts.
    public var meetsAbandonTarget: Bool
    /// Mean busy occupancy not below progressive's.
    public var meetsProgressiveFloor: Bool

    public var passes: Bool { (meetsOccupancyTarget ?? true) && meetsAbandonTarget && meetsProgressiveFloor }
}
