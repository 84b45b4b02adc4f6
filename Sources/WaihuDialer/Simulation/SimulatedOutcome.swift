import WaihuDomain

/// How a simulated dial will end, decided when it is placed.
enum SimulatedOutcome {
    case live, machine, busy, invalid, noAnswer

    /// How the call is seen to end, in the one vocabulary of call outcomes; nil for a live answer.
    var observed: CallOutcome? {
        switch self {
        case .live: return nil
        case .machine: return .machine
        case .busy: return .busy
        case .invalid: return .invalid
        case .noAnswer: return .noAnswer
        }
    }
}
