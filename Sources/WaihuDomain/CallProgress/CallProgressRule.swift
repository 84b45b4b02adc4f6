/// How waihu reads a call's fate from SIP and from the call's audio (呼叫进程分析): the one
/// place that says what a 404, a `Q.850;cause=20` or a busy tone means. The dialer, the
/// reports and the docs' table (docs/call-progress.md) all follow it.
///
/// Precedence, strongest first: a learned announcement (the carrier's own words) and the
/// tones, then the Q.850 cause (more specific than the status code it comes with), then the
/// SIP status. Ambiguous signalling never condemns a number: a bare 480 is no answer, not
/// unreachable, because an unreachable number is eventually marked invalid.
public enum CallProgressRule {
    /// The verdict on an ended call from its signalling and the audio's evidence, if any.
    public static func verdict(_ signalling: CallSignalling, media: ProgressEvidence?) -> CallProgressVerdict {
        let signalled = fromSignalling(signalling)
        var evidence = signalled.evidence
        guard let media else { return signalled }
        evidence.insert(media.text, at: 0)
        switch media {
        case .announcement(let label, _, _):
            // A recording after a 200 is a mailbox or an intercept, never the customer.
            return CallProgressVerdict(outcome: label.outcome ?? signalled.outcome, cause: label, evidence: evidence)
        case .busyTone:
            return CallProgressVerdict(outcome: .busy, cause: .busy, evidence: evidence)
        case .congestionTone:
            return CallProgressVerdict(outcome: .failed, cause: .congestion, evidence: evidence)
        case .ringbackTone, .alertingSignal:
            // Alerting says the number exists; how the call then ended says the rest.
            if signalling == .cancelledByUs {
                return CallProgressVerdict(outcome: .noAnswer, cause: .alerting, evidence: evidence)
            }
            return CallProgressVerdict(outcome: signalled.outcome, cause: signalled.cause, evidence: evidence)
        case .specialInformationTone, .unknownAnnouncement:
            // An intercept nobody taught: the signalling decides the outcome; the cause stays
            // unknown (so a list manager can teach it) unless the signalling itself was specific.
            let cause = isSpecific(signalled.cause) ? signalled.cause : .announcementUnknown
            return CallProgressVerdict(outcome: signalled.outcome, cause: cause, evidence: evidence)
        case .human:
            return CallProgressVerdict(outcome: signalled.outcome, cause: signalled.cause, evidence: evidence)
        }
    }

    /// Whether the call can be ended now, before its final response or right after the
    /// answer, because the audio already settled it: the rest would only cost (an answered
    /// intercept is billed) or reach an agent as if a person answered. `cleansing`: a
    /// number-checking call also ends at the first sign of alerting.
    public static func endsCallNow(_ media: ProgressEvidence, cleansing: Bool) -> Bool {
        switch media {
        case .announcement, .busyTone, .congestionTone: return true
        case .ringbackTone, .alertingSignal: return cleansing
        // An intercept tone is followed by the announcement that says why; an unknown
        // recording may be the carrier's "please hold" before the customer answers.
        case .specialInformationTone, .unknownAnnouncement, .human: return false
        }
    }

    /// The verdict from signalling alone.
    public static func fromSignalling(_ signalling: CallSignalling) -> CallProgressVerdict {
        switch signalling {
        case .answered:
            return CallProgressVerdict(outcome: .answered, cause: .human, evidence: ["sip 200"])
        case .ringTimeout:
            return CallProgressVerdict(outcome: .noAnswer, cause: .noAnswer, evidence: ["ring timeout"])
        case .cancelledByUs:
            return CallProgressVerdict(outcome: .noAnswer, cause: .noAnswer, evidence: ["cancelled"])
        case .noResponse:
            return CallProgressVerdict(outcome: .failed, cause: .failed, evidence: ["no response"])
        case .transportError:
            return CallProgressVerdict(outcome: .failed, cause: .failed, evidence: ["transport error"])
        case .mediaFailure:
            return CallProgressVerdict(outcome: .failed, cause: .failed, evidence: ["sip 488"])
        case .declined(let status, let q850):
            var evidence = ["sip \(status)"]
            if let q850 { evidence.append("q850 \(q850)") }
            let cause = q850.flatMap(cause(q850:)) ?? cause(status: status)
            return CallProgressVerdict(outcome: cause.outcome ?? .failed, cause: cause, evidence: evidence)
        }
    }

    /// The cause a Q.850 cause value names, or nil for the values that say nothing about
    /// the number (16 normal clearing, 31 normal unspecified, 127 interworking …), which
    /// leave the SIP status to decide.
    public static func cause(q850: Int) -> CallCause? {
        switch q850 {
        case 1, 3, 28: return .vacant          // unallocated number, no route to destination, invalid number format
        case 22: return .numberChanged
        case 20: return .poweredOff            // subscriber absent (关机 / 不在服务区)
        case 17: return .busy
        case 21: return .rejected
        case 18, 19: return .noAnswer          // no user responding, no answer from user
        case 27: return .unreachable           // destination out of order
        case 34, 38, 41, 42, 44, 47: return .congestion
        case 55, 54, 57: return .barred        // incoming calls barred (within CUG), not authorized
        default: return nil
        }
    }

    /// The cause a final SIP status names (RFC 3261 §21, with RFC 3398's Q.850 mapping read
    /// backwards where it is one-to-one).
    public static func cause(status: Int) -> CallCause {
        switch status {
        case 404, 604, 484: return .vacant
        case 410: return .numberChanged
        case 486, 600: return .busy
        case 603: return .rejected
        case 403: return .barred
        case 408, 480, 487: return .noAnswer
        case 503: return .congestion
        case 300..<400, 401, 407, 488, 500..<600, 606: return .failed
        default: return .rejected
        }
    }

    /// Causes that name what happened to the number, beyond a plain no-answer or failure.
    private static func isSpecific(_ cause: CallCause) -> Bool {
        switch cause {
        case .noAnswer, .failed, .human, .announcementUnknown, .alerting, .rejected: return false
        default: return true
        }
    }
}
