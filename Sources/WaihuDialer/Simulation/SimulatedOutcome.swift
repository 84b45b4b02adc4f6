/// How a simulated dial will end, decided when it is placed.
enum SimulatedOutcome {
    case live, machine, busy, invalid, noAnswer

    var observed: PacingObservation.NonLiveOutcome? {
        switch self {
        case .live: return nil
        case .machine: return .machine
        case .busy: return .busy
        case .invalid: return .invalid
        case .noAnswer: return .noAnswer
        }
    }
}
