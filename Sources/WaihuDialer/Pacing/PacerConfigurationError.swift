/// A pacer set up with values it cannot work with.
public enum PacerConfigurationError: Error, Equatable, CustomStringConvertible {
    case ratioOutOfRange(Double)

    public var description: String {
        switch self {
        case let .ratioOutOfRange(r):
            return "The fixed dial ratio must be between 1 and 10 calls per ready agent (got \(r))."
        }
    }
}
