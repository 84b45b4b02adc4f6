import WaihuDomain

/// Something the dialer saw happen, fed back to the pacer so its estimates and cap controller learn.
public enum PacingObservation: Sendable, Equatable {
    /// A placed call ended without a live person: `outcome` (busy, rejected, no answer,
    /// invalid, machine, failed) after `seconds` from dialling. (`.machine` with detection on
    /// also counts its estimated false positives as abandons.)
    case dialFailed(outcome: CallOutcome, seconds: Double)
    /// A person answered `seconds` after dialling; `abandoned` when no agent took it within the grace.
    case liveAnswer(seconds: Double, abandoned: Bool)
    /// A conversation ended after `seconds`.
    case talkEnded(seconds: Double)
    /// An after-call wrap-up ended after `seconds`.
    case wrapUpEnded(seconds: Double)
}
