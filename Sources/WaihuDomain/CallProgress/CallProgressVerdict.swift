/// A call attempt's fate: the network outcome, its detailed cause, and the evidence it was
/// decided on, strongest first (`announcement vacant 0.93; sip 480`).
public struct CallProgressVerdict: Sendable, Equatable {
    public var outcome: CallOutcome
    public var cause: CallCause
    public var evidence: [String]

    public init(outcome: CallOutcome, cause: CallCause, evidence: [String]) {
        self.outcome = outcome
        self.cause = cause
        self.evidence = evidence
    }

    /// The evidence as stored and printed: one line, `; ` between items.
    public var evidenceText: String { evidence.joined(separator: "; ") }
}
