/// What `PacingSimulator.run` returns: the chosen pacer's shift and, on the same seed, progressive dialling's.
public struct ShiftResult: Codable, Sendable, Equatable {
    public var parameters: PacingSimulationParameters
    public var pacer: ShiftMetrics
    public var progressive: ShiftMetrics?
}
