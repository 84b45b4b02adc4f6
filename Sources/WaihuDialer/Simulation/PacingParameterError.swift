/// Simulation parameters that cannot describe a real campaign; each says what is wrong and what is allowed.
public enum PacingParameterError: Error, Equatable, CustomStringConvertible {
    case agentsOutOfRange(Int)
    case probabilityOutOfRange(name: String, value: Double)
    case capOutOfRange(Double)
    case capAboveLegalLimit(Double)
    case durationNotPositive(name: String, value: Double)
    case hoursOutOfRange(Double)
    case warmMinutesOutOfRange(Double)
    case unsupportedMode(String)
    case ratioOutOfRange(Double)
    case shiftsOutOfRange(Int)

    public var description: String {
        switch self {
        case let .agentsOutOfRange(n):
            return "The number of agents must be between 1 and 1000 (got \(n))."
        case let .probabilityOutOfRange(name, value):
            return "The \(name) must be a probability between 0 and 1 (got \(value))."
        case let .capOutOfRange(cap):
            return "The abandon cap is a share of live answers and must be between 0 and 1, i.e. 0–100 % (got \(cap))."
        case let .capAboveLegalLimit(cap):
            return "The abandon cap may be set between 0 % and 5 % (got \(cap * 100) %)."
        case let .durationNotPositive(name, value):
            return "The \(name) must be a positive number of seconds (got \(value))."
        case let .hoursOutOfRange(h):
            return "A shift must last more than 0 and at most 24 hours (got \(h))."
        case let .warmMinutesOutOfRange(m):
            return "The warm-up before a shift must last 0 to 1440 minutes (got \(m))."
        case let .unsupportedMode(mode):
            return "The pacing simulator runs preview, progressive, fixed-ratio and predictive dialling, not \(mode)."
        case let .ratioOutOfRange(r):
            return "The fixed dial ratio must be between 1 and 10 calls per ready agent (got \(r))."
        case let .shiftsOutOfRange(n):
            return "The number of shifts must be between 1 and 10000 (got \(n))."
        }
    }
}
